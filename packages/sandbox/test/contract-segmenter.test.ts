// Contract: @seg/segmenter, as its README documents it, against the sandbox — both documented
// operations through the named methods and the raw calls, the replace semantics read back from the
// sandbox's state, the empty-persons guard, typed errors, and @seg/core's retry rules end to end
// (update is retried, create is not).
import {
  createSegmenterClient,
  SegApiError,
  SegConfigError,
  SegConnectionError,
  unwrap,
  type CreateSegmentRequest,
  type SegmenterClient,
  type SegmenterOptions,
  type SegmentPerson,
  type UpdateSegmentRequest,
} from "@seg/segmenter";
import { beforeEach, describe, expect, it } from "vitest";
import type { LogEntry } from "../src/index.ts";
import type { SegmenterSegment } from "../src/vendors/segmenter/state.ts";
import { requestExample, specProblems, useSandbox } from "./harness.ts";

const sandbox = await useSandbox();
const client = (options: Partial<SegmenterOptions> = {}): SegmenterClient =>
  createSegmenterClient({ ...sandbox.clientOptions.segmenter, retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...options });
const segmenter = client();
const lastSeq = (): number => sandbox.log.at(-1)?.seq ?? 0;
const callsTo = (operationId: string, since: number): LogEntry[] => sandbox.log.filter((e) => e.operationId === operationId && e.seq > since);
const stored = (id: string): SegmenterSegment | undefined => sandbox.state.segmenter.segments[id];
const segmentCount = (): number => Object.keys(sandbox.state.segmenter.segments).length;

/** A segment with two persons, through the client; returns its id. */
async function createVip(): Promise<string> {
  const { data } = unwrap(await segmenter.createSegment({
    name: "VIP buyers",
    persons: [
      { externalId: "crm-1", email: "ada@example.com", substitutionTags: [{ tag: "first_name", value: "Ada" }] },
      { externalId: "crm-2", email: "bob@example.com" },
    ],
  }));
  return data.id;
}

beforeEach(() => {
  sandbox.setFaults([]);
});

describe("every documented operation", () => {
  it("createSegment: the docs' example creates the segment and its persons", async () => {
    const example = requestExample("segmenter", "createSegment", "segmentWithPersons") as CreateSegmentRequest;
    // The docs' two persons share the placeholder externalId "uuid": give them ids of their own.
    const body: CreateSegmentRequest = { ...example, persons: example.persons?.map((p, i) => ({ ...p, externalId: `ext-${i + 1}` })) };
    const { data, errorMessage } = unwrap(await segmenter.createSegment(body));
    expect(errorMessage).toBe("");
    expect(data.id).toMatch(/^sbx-segment-\d+$/);
    expect(data.persons?.map((p) => [p.externalId, p.email])).toEqual([["ext-1", "string"], ["ext-2", "string"]]);

    // `TagId` and the second person's `phoneNumber` (the docs' two spellings) were both understood.
    expect(stored(data.id)).toMatchObject({
      name: "string",
      tagId: "string",
      persons: [
        { id: data.persons?.[0]?.id, externalId: "ext-1", phone: "string", substitutionTags: [{ tag: "string", value: "string" }] },
        { id: data.persons?.[1]?.id, externalId: "ext-2", phone: "string", substitutionTags: [] },
      ],
    });
  });

  it("updateSegment replaces the persons: kept ones keep their id and merge their tags, the others are removed", async () => {
    const id = await createVip();
    const ada = stored(id)?.persons[0];
    const result = unwrap(await segmenter.updateSegment({
      id,
      name: "VIP buyers",
      persons: [
        { externalId: "crm-1", substitutionTags: [{ tag: "first_name", value: "Adaline" }, { tag: "tier", value: "gold" }] },
        { externalId: "crm-3", email: "cy@example.com" },
      ],
    }));
    expect(result).toEqual({ data: { isUpdated: true }, errorMessage: "" });
    expect(stored(id)?.persons).toEqual([
      { id: ada?.id, externalId: "crm-1", substitutionTags: [{ tag: "first_name", value: "Adaline" }, { tag: "tier", value: "gold" }] },
      { id: expect.stringMatching(/^sbx-person-\d+$/) as unknown, externalId: "crm-3", email: "cy@example.com", substitutionTags: [] },
    ]);
  });

  it("the raw PUT and the docs' update example do the same", async () => {
    const id = await createVip();
    const example = requestExample("segmenter", "updateSegment", "updateWithPersons") as UpdateSegmentRequest;
    const { response } = await segmenter.PUT("/segments", { body: { ...example, id } });
    expect(response.status).toBe(200);
    expect(stored(id)).toMatchObject({
      name: "replace with the name of the segment",
      segmentType: "replace with segment type",
      persons: [{ externalId: "replace with uuid", phone: "replace with phone number", substitutionTags: [{ tag: "replace with name of the tag", value: "replace with value of the tag" }] }],
    });
    expect(stored(id)?.persons).toHaveLength(1);
  });

  it("an update of a segment that does not exist answers isUpdated: false with an errorMessage", async () => {
    const result = unwrap(await segmenter.updateSegment({ id: "no-such-segment", persons: [{ externalId: "crm-1" }] }));
    expect(result.data.isUpdated).toBe(false);
    expect(result.errorMessage).toBe("Segment no-such-segment not found");
  });
});

describe("the replace guard", () => {
  it("refuses an update with no persons before anything is sent; clearSegmentPersons empties the segment on purpose", async () => {
    const id = await createVip();
    const before = lastSeq();
    const nobody: SegmentPerson[] = []; // empty at run time (`persons: []` written out does not compile)
    const refusals = await Promise.all([
      segmenter.updateSegment({ id, persons: nobody }).catch((e: unknown) => e),
      segmenter.PUT("/segments", { body: { id, persons: nobody } }).catch((e: unknown) => e),
      segmenter.undocumented("PUT", "/segments", { body: { id, persons: [] } }).catch((e: unknown) => e),
    ]);
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(SegConfigError);
      expect(refusal).toMatchObject({ field: "persons" });
    }
    expect(sandbox.log.filter((e) => e.seq > before)).toEqual([]);
    expect(stored(id)?.persons).toHaveLength(2);

    const cleared = unwrap(await segmenter.clearSegmentPersons({ id, name: "VIP buyers" }));
    expect(cleared.data.isUpdated).toBe(true);
    expect(callsTo("updateSegment", before)).toHaveLength(1);
    expect(stored(id)).toMatchObject({ name: "VIP buyers", persons: [] });
  });
});

describe("errors arrive typed", () => {
  // A wrong key: test/contract.test.ts, for every vendor.
  it("an invalid body is a bad_request naming the field", async () => {
    const invalid = await segmenter
      // @ts-expect-error -- a person needs its externalId; sent anyway to see the vendor's 400
      .createSegment({ name: "No ids", persons: [{ email: "x@example.com" }] })
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(SegApiError);
    expect(invalid).toMatchObject({
      vendor: "segmenter",
      operation: "createSegment",
      kind: "bad_request",
      status: 400,
      body: { statusCode: 400, message: "missing 'persons[0].externalId' field", error: "Bad Request" },
    });
    expect(specProblems("segmenter", "createSegment", { status: 400, body: (invalid as SegApiError).body })).toEqual([]);
  });
});

describe("@seg/core's retry rules, end to end", () => {
  it("updateSegment (a full replace, safe to repeat) is retried through a 503 and a 429, then applied", async () => {
    const id = await createVip();
    sandbox.setFaults(["segmenter:updateSegment:status=503:times=1", "segmenter:updateSegment:status=429:retry-after=0:times=1"]);
    const before = lastSeq();
    expect(unwrap(await segmenter.updateSegment({ id, persons: [{ externalId: "crm-2" }] })).data.isUpdated).toBe(true);
    expect(callsTo("updateSegment", before).map((e) => e.result)).toEqual([503, 429, 200]);
    expect(stored(id)?.persons.map((p) => p.externalId)).toEqual(["crm-2"]);
  });

  it("createSegment (not idempotent) is sent exactly once: a 503 comes back and no segment is made", async () => {
    sandbox.setFaults(["segmenter:createSegment:status=503:times=1"]);
    const count = segmentCount();
    const before = lastSeq();
    const error = await segmenter.createSegment({ name: "Once" }).then(unwrap).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "server_error", status: 503, attempts: 1 });
    expect(callsTo("createSegment", before).map((e) => e.result)).toEqual([503]);
    expect(segmentCount()).toBe(count);
  });

  it("a reset connection on createSegment is a SegConnectionError, sent once; `retry: true` opts in", async () => {
    sandbox.setFaults(["segmenter:createSegment:reset:times=1"]);
    const before = lastSeq();
    expect(await segmenter.createSegment({ name: "Once" }).catch((e: unknown) => e)).toBeInstanceOf(SegConnectionError);
    expect(callsTo("createSegment", before).map((e) => e.result)).toEqual(["reset"]);

    sandbox.setFaults(["segmenter:createSegment:status=503:times=1"]);
    const count = segmentCount();
    const optedIn = lastSeq();
    const { data } = unwrap(await segmenter.createSegment({ name: "Retried" }, { retry: true }));
    expect(callsTo("createSegment", optedIn).map((e) => e.result)).toEqual([503, 200]);
    expect(segmentCount()).toBe(count + 1);
    expect(stored(data.id)?.name).toBe("Retried");
  });
});
