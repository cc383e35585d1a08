// For both documented Segmenter operations, through the raw calls and the named methods: the
// request that reaches a real server (method, path under the base URL's prefix, x-api-key, JSON
// body byte for byte) is what the docs specify, and the documented 200 bodies come back.
import type { TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { unwrap, type ClearSegmentPersonsRequest, type components, type SegmenterClient } from "../src/index.ts";
import { propertyExamples, requestExample, requestExampleNames, responseExample } from "./doc-examples.ts";
import { API_KEY, clientWithServer, PREFIX } from "./harness.ts";

type Schemas = components["schemas"];
type Create = Schemas["CreateSegmentRequest"];
type Update = Schemas["UpdateSegmentRequest"];

const created = responseExample<Schemas["CreateSegmentResponse"]>("createSegment", "200", "created");
const updated = responseExample<Schemas["UpdateSegmentResponse"]>("updateSegment", "200", "updated");

interface WireCase {
  call: (client: SegmenterClient) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  /** The exact body the server must receive. */
  body: Create | Update;
  method: "POST" | "PUT";
  reply: unknown;
}

/** Each body sent twice: through the raw openapi-fetch call and through the named method. */
function createCases(name: string, body: Create): Array<[string, WireCase]> {
  return [
    [`POST /segments: ${name}`, { call: (c) => c.POST("/segments", { body }), body, method: "POST", reply: created }],
    [`createSegment: ${name}`, { call: (c) => c.createSegment(body), body, method: "POST", reply: created }],
  ];
}

function updateCases(name: string, body: Update): Array<[string, WireCase]> {
  return [
    [`PUT /segments: ${name}`, { call: (c) => c.PUT("/segments", { body }), body, method: "PUT", reply: updated }],
    [`updateSegment: ${name}`, { call: (c) => c.updateSegment(body), body, method: "PUT", reply: updated }],
  ];
}

const person = { externalId: "crm-1", firstName: "Ada", lastName: "Lovelace", email: "ada@example.com" };
const [personsFragment] = propertyExamples<Schemas["Person"][]>("CreateSegmentRequest", "persons");
const updateExamples = requestExampleNames("updateSegment").filter((name) => name !== "removeAllPersons");
const removeAll = requestExample<Update>("updateSegment", "removeAllPersons");
// The docs' "remove all people" example is what clearSegmentPersons sends: its fields plus `persons: []`.
const { persons: removedPersons, ...removeAllFields } = removeAll;

const cases: Array<[string, WireCase]> = [
  // Every request example of both documents (the emptying one is the clear path, below).
  ...requestExampleNames("createSegment").flatMap((name) => createCases(`docs example ${name}`, requestExample<Create>("createSegment", name))),
  ...createCases("docs 'Substitution tags' persons fragment", { name: "Fragment", persons: personsFragment! }),
  ...updateExamples.flatMap((name) => updateCases(`docs example ${name}`, requestExample<Update>("updateSegment", name))),
  // The smallest bodies the spec allows.
  ...createCases("name only", { name: "Empty audience" }),
  ...updateCases("id and one person", { id: "seg-1", persons: [{ externalId: "crm-1" }] }),
  // Both spellings the docs use reach the server exactly as written.
  ...createCases("TagId + phone", { name: "A", TagId: "tag-1", persons: [{ ...person, phone: "+57 300" }] }),
  ...createCases("tagId + phoneNumber", { name: "A", tagId: "tag-1", persons: [{ ...person, phoneNumber: "+57 300" }] }),
  ...updateCases("TagId + phone", { id: "seg-1", TagId: "tag-1", persons: [{ ...person, phone: "+57 300" }] }),
  ...updateCases("tagId + phoneNumber", { id: "seg-1", tagId: "tag-1", persons: [{ ...person, phoneNumber: "+57 300" }] }),
  // Filters (item shape undocumented) pass through untouched.
  ...createCases("filters", { name: "A", filters: [{ field: "city", op: "eq", value: "Bogotá" }, "raw"] }),
  ...updateCases("filters", { id: "seg-1", filters: [], persons: [person] }),
  [
    "clearSegmentPersons: docs example removeAllPersons",
    {
      call: (c) => c.clearSegmentPersons(removeAllFields satisfies ClearSegmentPersonsRequest),
      body: removeAll,
      method: "PUT",
      reply: updated,
    },
  ],
];

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("wire format of every documented operation", () => {
  it.each(cases)("%s", async (_name, { call, body, method, reply }) => {
    const started = await clientWithServer(() => ({ status: 200, json: reply }));
    server = started.server;

    const result = await call(started.client);

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe(method);
    expect(request?.path).toBe(`${PREFIX}/segments`);
    expect(request?.rawQuery).toBe("");
    expect(request?.headers["x-api-key"]).toBe(API_KEY);
    expect(request?.headers.authorization).toBeUndefined();
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["user-agent"]).toMatch(/^@seg\/segmenter\/\S+ @seg\/core\/\S+$/);
    // Byte for byte: every key keeps the spelling the caller used (TagId/tagId, phone/phoneNumber).
    expect(request?.body).toBe(JSON.stringify(body));
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual(reply);
  });
});

describe("documented success bodies", () => {
  it("the docs' remove-all example is the empty persons array clearSegmentPersons adds", () => {
    expect(removedPersons).toEqual([]);
  });

  it("create returns the segment id and the created persons", async () => {
    const started = await clientWithServer(() => ({ status: 200, json: created }));
    server = started.server;
    const { data } = await started.client.createSegment(requestExample<Create>("createSegment", "segmentWithPersons"));
    expect(data?.data.id).toBe("Id of the segment created");
    expect(data?.data.persons?.[0]?.externalId).toBe("External id of the person created");
    expect(data?.errorMessage).toBe("");
  });

  it("an update that did not happen shows isUpdated: false with its error message", async () => {
    const started = await clientWithServer(() => ({ status: 200, json: { data: { isUpdated: false }, errorMessage: "segment locked" } }));
    server = started.server;
    const { data, error } = await started.client.updateSegment({ id: "seg-1", persons: [person] });
    expect(error).toBeUndefined();
    expect(data).toEqual({ data: { isUpdated: false }, errorMessage: "segment locked" });
  });
});

describe("the named methods' errors", () => {
  it.each<[string, (client: SegmenterClient) => Promise<{ data?: unknown; error?: unknown; response: Response }>, string]>([
    ["createSegment", (c) => c.createSegment({ name: "A" }), "createSegment"],
    ["updateSegment", (c) => c.updateSegment({ id: "seg-1", persons: [person] }), "updateSegment"],
    ["clearSegmentPersons", (c) => c.clearSegmentPersons({ id: "seg-1" }), "updateSegment"],
  ])("%s returns the documented 400 typed, and unwrap throws it for its operation", async (_name, call, operation) => {
    const badRequest = responseExample("createSegment", "400", "badRequest");
    const started = await clientWithServer(() => ({ status: 400, json: badRequest }));
    server = started.server;
    const result = await call(started.client);
    expect(result.error).toEqual(badRequest);
    expect(() => unwrap(result)).toThrow(expect.objectContaining({ name: "SegApiError", vendor: "segmenter", operation, status: 400, kind: "bad_request" }) as Error);
  });
});

describe("per-call options of the named methods", () => {
  it("extra headers reach the server; one that would replace x-api-key is refused, sending nothing", async () => {
    const started = await clientWithServer(() => ({ status: 200, json: created }));
    server = started.server;
    await expect(started.client.createSegment({ name: "A" }, { headers: { "x-api-key": "other" } })).rejects.toMatchObject({
      name: "SegConfigError",
      field: "headers.x-api-key",
    });
    expect(server.requests).toHaveLength(0);
    await started.client.createSegment({ name: "A" }, { headers: { "x-request-id": "trace-1" } });
    expect(server.requests[0]?.headers["x-request-id"]).toBe("trace-1");
    expect(server.requests[0]?.headers["x-api-key"]).toBe(API_KEY);
  });

  it("an aborted signal rejects with the caller's reason", async () => {
    const started = await clientWithServer(() => "hang");
    server = started.server;
    const controller = new AbortController();
    const pending = started.client.updateSegment({ id: "seg-1", persons: [person] }, { signal: controller.signal });
    const reason = new Error("caller gave up");
    setTimeout(() => {
      controller.abort(reason);
    }, 20);
    await expect(pending).rejects.toBe(reason);
  });

  it("timeoutMs bounds an attempt of a create (not retried)", async () => {
    const started = await clientWithServer(() => "hang", { retry: { maxRetries: 2, baseDelayMs: 1 } });
    server = started.server;
    await expect(started.client.createSegment({ name: "A" }, { timeoutMs: 50 })).rejects.toMatchObject({ name: "SegTimeoutError", scope: "attempt" });
    expect(server.requests).toHaveLength(1);
  });
});
