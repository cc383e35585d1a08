// Create is not idempotent (a retry after a lost response would create a duplicate segment), so it
// is never retried automatically; update is a full replace, so it is. Counted on a real server
// answering 503.
import type { TestServer } from "@seg/test-server";
import { sequence } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { SegConnectionError, type SegmenterClient } from "../src/index.ts";
import { responseExample } from "./doc-examples.ts";
import { clientWithServer } from "./harness.ts";

const created = responseExample("createSegment", "200", "created");
const updated = responseExample("updateSegment", "200", "updated");
const unavailable = { status: 503, json: { statusCode: 503, message: "Service Unavailable" } };
const fast = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 };

const person = { externalId: "crm-1" };
type Call = (client: SegmenterClient) => Promise<{ error?: unknown; response: Response }>;

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("create is never retried automatically", () => {
  it.each<[string, Call]>([
    ["POST /segments", (c) => c.POST("/segments", { body: { name: "A" } })],
    ["createSegment", (c) => c.createSegment({ name: "A", persons: [person] })],
  ])("%s: a 503 is returned after exactly 1 request", async (_name, call) => {
    const started = await clientWithServer(sequence(unavailable, { status: 200, json: created }), { retry: fast });
    server = started.server;
    const { error, response } = await call(started.client);
    expect(response.status).toBe(503);
    expect(error).toEqual(unavailable.json);
    expect(server.requests).toHaveLength(1);
  });

  it("a connection reset on create is thrown after 1 request", async () => {
    const started = await clientWithServer(sequence("reset", { status: 200, json: created }), { retry: fast });
    server = started.server;
    await expect(started.client.createSegment({ name: "A" })).rejects.toThrow(SegConnectionError);
    expect(server.requests).toHaveLength(1);
  });

  it("retry: true per call opts a create in", async () => {
    const started = await clientWithServer(sequence(unavailable, { status: 200, json: created }), { retry: fast });
    server = started.server;
    const { data } = await started.client.createSegment({ name: "A" }, { retry: true });
    expect(data).toEqual(created);
    expect(server.requests).toHaveLength(2);
  });
});

describe("update is retried (1 + retries), sending the same bytes each time", () => {
  it.each<[string, Call]>([
    ["PUT /segments", (c) => c.PUT("/segments", { body: { id: "seg-1", persons: [person] } })],
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
    expect(new Set(server.requests.map((r) => r.headers["x-api-key"])).size).toBe(1);
  });

  it("gives up after maxRetries and returns the last 503", async () => {
    const started = await clientWithServer(() => unavailable, { retry: fast });
    server = started.server;
    const { error, response } = await started.client.updateSegment({ id: "seg-1", persons: [person] });
    expect(response.status).toBe(503);
    expect(error).toEqual(unavailable.json);
    expect(server.requests).toHaveLength(1 + fast.maxRetries);
  });

  it("retry: false per call opts an update out", async () => {
    const started = await clientWithServer(() => unavailable, { retry: fast });
    server = started.server;
    await started.client.updateSegment({ id: "seg-1", persons: [person] }, { retry: false });
    expect(server.requests).toHaveLength(1);
  });

  it("the documented 401 is not retried", async () => {
    const started = await clientWithServer(() => ({ status: 401, json: { statusCode: 401, message: "Unauthorized" } }), { retry: fast });
    server = started.server;
    await started.client.updateSegment({ id: "seg-1", persons: [person] });
    expect(server.requests).toHaveLength(1);
  });
});
