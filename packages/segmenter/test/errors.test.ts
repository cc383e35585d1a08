// Every documented error body comes back typed in `error`, and `unwrap()` throws the SegApiError
// carrying it (vendor, operation, status, kind, body).
import type { TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { SegApiError, unwrap, type components, type SegmenterClient } from "../src/index.ts";
import { requestExample, responseExample } from "./doc-examples.ts";
import { clientWithServer } from "./harness.ts";

type Schemas = components["schemas"];

const createBody = requestExample<Schemas["CreateSegmentRequest"]>("createSegment", "segmentWithPersons");
const updateBody = requestExample<Schemas["UpdateSegmentRequest"]>("updateSegment", "updateWithPersons");

type Call = (client: SegmenterClient) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

const calls: Record<string, { operation: string; call: Call }> = {
  "POST /segments": { operation: "createSegment", call: (c) => c.POST("/segments", { body: createBody }) },
  createSegment: { operation: "createSegment", call: (c) => c.createSegment(createBody) },
  "PUT /segments": { operation: "updateSegment", call: (c) => c.PUT("/segments", { body: updateBody }) },
  updateSegment: { operation: "updateSegment", call: (c) => c.updateSegment(updateBody) },
  clearSegmentPersons: { operation: "updateSegment", call: (c) => c.clearSegmentPersons({ id: "seg-1" }) },
};

/** Each documented error response: status, the docs' body, and the calls it is documented for. */
const documented: Array<{ status: number; kind: string; body: unknown; for: string[] }> = [
  { status: 400, kind: "bad_request", body: responseExample("createSegment", "400", "badRequest"), for: Object.keys(calls) },
  { status: 401, kind: "unauthorized", body: responseExample("createSegment", "401", "unauthorized"), for: Object.keys(calls) },
  {
    status: 500,
    kind: "server_error",
    body: responseExample("updateSegment", "500", "notUpdated"),
    for: ["PUT /segments", "updateSegment", "clearSegmentPersons"],
  },
];

const cases = documented.flatMap(({ status, kind, body, for: names }) =>
  names.map((name) => [`${name} → ${status}`, { ...calls[name]!, status, kind, body }] as const),
);

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("documented error responses come back as the typed error body", () => {
  it.each(cases)("%s", async (_name, { call, operation, status, kind, body }) => {
    // Retries off: this is about the body; retry counts are in retries.test.ts.
    const started = await clientWithServer(() => ({ status, json: body }), { retry: false });
    server = started.server;

    const result = await call(started.client);

    expect(result.data).toBeUndefined();
    expect(result.response.status).toBe(status);
    expect(result.error).toEqual(body);

    const thrown: unknown = (() => {
      try {
        unwrap(result);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(thrown).toBeInstanceOf(SegApiError);
    expect(thrown).toMatchObject({ vendor: "segmenter", operation, status, kind, body, attempts: 1 });
  });

  it("the 400 and 401 bodies are the same on both operations (the spec shares them)", () => {
    expect(responseExample("updateSegment", "400", "badRequest")).toEqual(responseExample("createSegment", "400", "badRequest"));
    expect(responseExample("updateSegment", "401", "unauthorized")).toEqual(responseExample("createSegment", "401", "unauthorized"));
  });

  it("an error body that is not JSON (a proxy's HTML page) is kept as text", async () => {
    const started = await clientWithServer(() => ({ status: 502, body: "<h1>Bad gateway</h1>", headers: { "content-type": "text/html" } }), {
      retry: false,
    });
    server = started.server;
    const result = await started.client.createSegment({ name: "A" });
    expect(result.response.status).toBe(502);
    expect(() => unwrap(result)).toThrow(expect.objectContaining({ kind: "server_error", body: "<h1>Bad gateway</h1>" }) as Error);
  });
});
