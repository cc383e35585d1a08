// What must and must not compile against the Segmenter client, per the spec's decisions.
import { describe, expectTypeOf, it } from "vitest";
import {
  createSegmenterClient,
  unwrap,
  type ClearSegmentPersonsRequest,
  type components,
  type CreateSegmentRequest,
  type CreateSegmentResponse,
  type CreateSegmentResult,
  type HttpError,
  type KeptPersons,
  type Person,
  type SegmenterOptions,
  type SegmenterPath,
  type SegmentPerson,
  type SubstitutionTag,
  type UpdateSegmentFailure,
  type UpdateSegmentRequest,
  type UpdateSegmentResponse,
  type UpdateSegmentResult,
} from "../src/index.ts";

type Schemas = components["schemas"];

const client = createSegmenterClient({ apiKey: "k", baseUrl: "https://segmenter.example.com" });
const person = { externalId: "crm-1" };

describe("create", () => {
  it("accepts a name alone, and every documented field", () => {
    void client.createSegment({ name: "VIP" });
    void client.POST("/segments", { body: { name: "VIP" } });
    void client.createSegment({
      name: "VIP",
      description: "d",
      broadcastMediumId: "b",
      segmentType: "t",
      TagId: "t1",
      filters: [{ any: "shape" }],
      persons: [{ externalId: "1", firstName: "f", lastName: "l", phone: "p", email: "e", substitutionTags: [{ tag: "t", value: "v" }] }],
    });
  });

  it("accepts both spellings of the tag id and of the phone", () => {
    void client.createSegment({ name: "A", TagId: "t", persons: [{ externalId: "1", phone: "p" }] });
    void client.createSegment({ name: "A", tagId: "t", persons: [{ externalId: "1", phoneNumber: "p" }] });
  });

  it("rejects a segment without a name", () => {
    // @ts-expect-error name is required
    void client.createSegment({ description: "no name" });
    // @ts-expect-error name is required
    void client.POST("/segments", { body: { description: "no name" } });
  });

  it("rejects a person without externalId, and a half substitution tag", () => {
    // @ts-expect-error a person needs its externalId
    void client.createSegment({ name: "A", persons: [{ email: "a@b.c" }] });
    // @ts-expect-error a person needs its externalId
    void client.updateSegment({ id: "s", persons: [{ firstName: "Ada" }] });
    // @ts-expect-error a substitution tag needs a value
    void client.createSegment({ name: "A", persons: [{ externalId: "1", substitutionTags: [{ tag: "t" }] }] });
  });

  it("rejects a misspelt field", () => {
    // @ts-expect-error not a field of a segment (the docs spell it TagId or tagId)
    void client.createSegment({ name: "A", tag_id: "t" });
  });
});

describe("update and the deliberate clear", () => {
  it("requires the segment id and the persons it keeps", () => {
    void client.updateSegment({ id: "s", persons: [person] });
    void client.PUT("/segments", { body: { id: "s", name: "n", persons: [person] } });
    // @ts-expect-error id names the segment to update
    void client.updateSegment({ persons: [person] });
    // @ts-expect-error persons is required: it replaces the stored list
    void client.updateSegment({ id: "s" });
    // @ts-expect-error persons is required: it replaces the stored list
    void client.PUT("/segments", { body: { id: "s" } });
  });

  it("clearSegmentPersons takes the segment fields and never persons", () => {
    void client.clearSegmentPersons({ id: "s", name: "VIP", description: "d", broadcastMediumId: "b", segmentType: "t" });
    // @ts-expect-error it clears every person; keeping some is updateSegment
    void client.clearSegmentPersons({ id: "s", persons: [person] });
    // @ts-expect-error the segment to clear must be named
    void client.clearSegmentPersons({ name: "VIP" });
    expectTypeOf<ClearSegmentPersonsRequest>().toHaveProperty("id").toEqualTypeOf<string>();
  });

  it("documents no other operation", () => {
    // @ts-expect-error no get endpoint is documented
    void client.GET("/segments");
    // @ts-expect-error no delete endpoint is documented
    void client.DELETE("/segments");
  });
});

describe("results and options", () => {
  it("types the success bodies", async () => {
    const created = unwrap(await client.createSegment({ name: "A" }));
    expectTypeOf(created.data.id).toEqualTypeOf<string>();
    expectTypeOf(created.errorMessage).toEqualTypeOf<string>();
    const updated = unwrap(await client.updateSegment({ id: "s", persons: [person] }));
    expectTypeOf(updated.data.isUpdated).toEqualTypeOf<boolean>();
    const raw = unwrap(await client.PUT("/segments", { body: { id: "s", persons: [person] } }));
    expectTypeOf(raw).toEqualTypeOf<Schemas["UpdateSegmentResponse"]>();
  });

  it("types the documented error bodies", async () => {
    const createResult = await client.createSegment({ name: "A" });
    expectTypeOf(createResult).toEqualTypeOf<CreateSegmentResult>();
    if (createResult.error) expectTypeOf(createResult.error).toEqualTypeOf<Schemas["HttpError"]>();
    const updateResult = await client.clearSegmentPersons({ id: "s" });
    expectTypeOf(updateResult).toEqualTypeOf<UpdateSegmentResult>();
    if (updateResult.error) expectTypeOf(updateResult.error).toEqualTypeOf<Schemas["HttpError"] | Schemas["UpdateSegmentFailure"]>();
  });

  it("types per-call and client options", () => {
    void client.createSegment({ name: "A" }, { retry: true, timeoutMs: 5_000, signal: AbortSignal.timeout(1_000) });
    void client.updateSegment({ id: "s", persons: [person] }, { retry: { maxRetries: 5 }, headers: { "x-request-id": "r" } });
    // @ts-expect-error retry is a boolean or retry options
    void client.createSegment({ name: "A" }, { retry: "yes" });
    // @ts-expect-error not an option of a call
    void client.updateSegment({ id: "s", persons: [person] }, { force: true });
    expectTypeOf<SegmenterOptions["baseUrl"]>().toEqualTypeOf<string | undefined>();
    // @ts-expect-error the base URL is a string (one host), not a table
    void createSegmenterClient({ baseUrl: { api: "https://x" } });
  });
});

describe("the README example", () => {
  it("compiles as written", async () => {
    const segmenter = createSegmenterClient({ apiKey: "k", baseUrl: "https://segmenter.example.com/api/v1" });
    const { data: segment } = unwrap(
      await segmenter.createSegment({
        name: "VIP buyers",
        persons: [{ externalId: "crm-1", email: "ada@example.com", substitutionTags: [{ tag: "first_name", value: "Ada" }] }],
      }),
    );
    await segmenter.updateSegment({ id: segment.id, name: "VIP buyers", persons: [{ externalId: "crm-1" }, { externalId: "crm-2" }] });
    await segmenter.clearSegmentPersons({ id: segment.id, name: "VIP buyers" });
  });
});

describe("exact bodies", () => {
  it("refuse a misspelt field, in the segment, a person or a substitution tag", () => {
    // @ts-expect-error descripton: the field is description
    void client.POST("/segments", { body: { name: "VIP", descripton: "d" } });
    // @ts-expect-error firstname: the field is firstName
    void client.createSegment({ name: "VIP", persons: [{ externalId: "1", firstname: "Ada" }] });
    // @ts-expect-error val: the field is value
    void client.createSegment({ name: "VIP", persons: [{ externalId: "1", substitutionTags: [{ tag: "t", val: "v" }] }] });
    // @ts-expect-error segment_type: the field is segmentType
    void client.updateSegment({ id: "s", persons: [person], segment_type: "static" });
    // @ts-expect-error emial: the field is email
    void client.PUT("/segments", { body: { id: "s", persons: [{ externalId: "1", emial: "a@b.c" }] } });
    // @ts-expect-error descripton: the field is description
    void client.clearSegmentPersons({ id: "s", descripton: "d" });
  });
});

describe("an update never empties a segment by accident", () => {
  it("persons: [] does not compile; clearSegmentPersons is the deliberate way", () => {
    // @ts-expect-error persons: [] would remove every person: call clearSegmentPersons
    void client.updateSegment({ id: "s", persons: [] });
    // @ts-expect-error persons: [] would remove every person: call clearSegmentPersons
    void client.PUT("/segments", { body: { id: "s", name: "VIP", persons: [] } });
    void client.clearSegmentPersons({ id: "s", name: "VIP" });
  });

  it("a list only known at run time compiles (and is checked before sending)", () => {
    const kept: SegmentPerson[] = [person];
    void client.updateSegment({ id: "s", persons: kept });
    void client.PUT("/segments", { body: { id: "s", persons: kept } });
    void client.updateSegment({ id: "s", persons: [person, { externalId: "crm-2" }] });
    expectTypeOf<KeptPersons<[]>>().toEqualTypeOf<"persons: [] would remove every person from the segment; call clearSegmentPersons({ id }) to do that on purpose" & []>();
  });
});

describe("results narrowed by status", () => {
  it("give the create and update bodies by status", async () => {
    const created = await client.createSegment({ name: "A" });
    if (created.status === 200) expectTypeOf(created.data).toEqualTypeOf<CreateSegmentResponse>();
    if (created.status === 400 || created.status === 401) expectTypeOf(created.error).toEqualTypeOf<HttpError>();
    const updated = await client.updateSegment({ id: "s", persons: [person] });
    if (updated.status === 200) expectTypeOf(updated.data).toEqualTypeOf<UpdateSegmentResponse>();
    if (updated.status === 500) expectTypeOf(updated.error).toEqualTypeOf<UpdateSegmentFailure>();
    if (updated.status === 401) expectTypeOf(updated.error).toEqualTypeOf<HttpError>();
    const raw = await client.PUT("/segments", { body: { id: "s", persons: [person] } });
    expectTypeOf(raw).toEqualTypeOf<UpdateSegmentResult>();
  });
});

describe("named types", () => {
  it("export every schema by its name", () => {
    expectTypeOf<CreateSegmentRequest>().toEqualTypeOf<Schemas["CreateSegmentRequest"]>();
    expectTypeOf<UpdateSegmentRequest>().toEqualTypeOf<Schemas["UpdateSegmentRequest"]>();
    expectTypeOf<Person>().toEqualTypeOf<SegmentPerson>();
    expectTypeOf<SubstitutionTag>().toEqualTypeOf<Schemas["SubstitutionTag"]>();
    expectTypeOf<SegmenterPath<"put">>().toEqualTypeOf<"/segments">();
    // @ts-expect-error not a documented path
    void client.POST("/segment", { body: { name: "VIP" } });
  });
});
