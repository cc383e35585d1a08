// The named methods keep the operations' retry safety: a create is never retried on its own (a
// retry after a lost response would duplicate the segment), an update (a full replace) is. The
// raw calls' retries, for every operation: conformance.test.ts.
import { sequence } from "@seg/test-server";
import type { TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import type { SegmenterClient } from "../src/index.ts";
import { responseExample } from "./doc-examples.ts";
import { clientWithServer } from "./harness.ts";

const created = responseExample("createSegment", "200", "created");
const updated = responseExample("updateSegment", "200", "updated");
const unavailable = { status: 503, json: { statusCode: 503, message: "Service Unavailable" } };
const fast = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 };
const person = { externalId: "crm-1" };

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("createSegment", () => {
  it("returns a 503 after exactly 1 request", async () => {
    const started = await clientWithServer(sequence(unavailable, { status: 200, json: created }), { retry: fast });
    server = started.server;
    const { response } = await started.client.createSegment({ name: "A", persons: [person] });
    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });

  it("is retried when the call opts in (retry: true)", async () => {
    const started = await clientWithServer(sequence(unavailable, { status: 200, json: created }), { retry: fast });
    server = started.server;
    const { data } = await started.client.createSegment({ name: "A" }, { retry: true });
    expect(data).toEqual(created);
    expect(server.requests).toHaveLength(2);
  });
});

describe("updates are retried (1 + retries), sending the same bytes each time", () => {
  it.each<[string, (client: SegmenterClient) => Promise<{ error?: unknown; response: Response }>]>([
    ["updateSegment", (c) => c.updateSegment({ id: "seg-1", persons: [person] })],
    ["clearSegmentPersons", (c) => c.clearSegmentPersons({ id: "seg-1" })],
  ])("%s: 503, 503, then 200", async (_name, call) => {
    const started = await clientWithServer(sequence(unavailable, unavailable, { status: 200, json: updated }), { retry: fast });
    server = started.server;
    const { error, response } = await call(started.client);
    expect(error).toBeUndefined();
    expect(response.status).toBe(200);
    expect(server.requests).toHaveLength(3);
    expect(new Set(server.requests.map((r) => r.body)).size).toBe(1);
  });

  it("updateSegment with retry: false per call is sent once", async () => {
    const started = await clientWithServer(() => unavailable, { retry: fast });
    server = started.server;
    await started.client.updateSegment({ id: "seg-1", persons: [person] }, { retry: false });
    expect(server.requests).toHaveLength(1);
  });
});
