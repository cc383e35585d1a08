// Firing an event records it and may trigger campaigns, so it is never repeated on its own; the
// queries and updates are safe to repeat and are retried. Faults are real: 500s, connection resets
// and hangs from a local server.
import { sequence, startTestServer, type Reply, type TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { createSegmentHubClient, SegConnectionError, SegTimeoutError, unwrap } from "../src/index.ts";
import { ACCOUNT, clientWithServer, FAST_RETRY, gcSafeFetch, TOKEN } from "./harness.ts";
import { cases } from "./operations.ts";

const ok = (reply: unknown): Reply => ({ status: 200, json: reply });

/**
 * Each fault, the attempt timeout it runs under, and what the caller then holds. Only the hang
 * needs the timeout to fire; the others get one a loaded 2-core machine cannot reach.
 */
const faults: [string, Reply, number, (result: Promise<{ response: Response }>) => Promise<void>][] = [
  ["a 500", { status: 500, json: { status: 500, message: "An unexpected error occurred on the server." } }, 30_000, async (r) => {
    expect((await r).response.status).toBe(500);
  }],
  ["a connection reset", "reset", 30_000, async (r) => {
    await expect(r).rejects.toBeInstanceOf(SegConnectionError);
  }],
  ["a hang past the attempt timeout", "hang", 1_500, async (r) => {
    await expect(r).rejects.toBeInstanceOf(SegTimeoutError);
  }],
];

const events = Object.entries(cases).filter(([, c]) => !c.idempotent);
const repeatable = Object.entries(cases).filter(([, c]) => c.idempotent);

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("events are never retried automatically", () => {
  it.each(events.flatMap(([name, c]) => faults.map(([fault, reply, timeoutMs, expectFailure]) => [`${name} on ${fault}`, c, reply, timeoutMs, expectFailure] as const)))(
    "%s → exactly 1 request",
    async (_name, { call }, reply, timeoutMs, expectFailure) => {
      const started = await clientWithServer(() => reply, { retry: FAST_RETRY, timeoutMs, fetch: gcSafeFetch });
      server = started.server;
      await expectFailure(call(started.client));
      expect(server.requests).toHaveLength(1);
    },
  );

  it("unless the caller opts in for one call (retry: true)", async () => {
    const started = await clientWithServer(sequence("reset", { status: 500 }, ok({ campaigns: [] })), { retry: FAST_RETRY });
    server = started.server;
    const body = { event: "purchase", visitorId: "v1", platform: "p", orderId: "A-1" } as const;
    expect(unwrap(await started.client.fireEvent(body, { retry: true }))).toEqual({ campaigns: [] });
    expect(server.requests).toHaveLength(3);
    // Every attempt sent the same bytes.
    expect(new Set(server.requests.map((request) => request.body)).size).toBe(1);
  });
});

describe("queries and updates are retried", () => {
  it.each(repeatable)("%s → 1 + retries on 500s, then the error", async (_name, { call }) => {
    const started = await clientWithServer(() => ({ status: 500, json: { status: 500 } }), { retry: FAST_RETRY });
    server = started.server;
    const { response } = await call(started.client);
    expect(response.status).toBe(500);
    expect(server.requests).toHaveLength(1 + FAST_RETRY.maxRetries);
  });

  it.each(repeatable)("%s → succeeds after a reset and a 500, sending the same body each time", async (_name, { call, reply, wire }) => {
    const started = await clientWithServer(sequence("reset", { status: 500 }, ok(reply)), { retry: FAST_RETRY });
    server = started.server;
    const { data } = await call(started.client);
    expect(data).toEqual(reply);
    expect(server.requests.map((request) => request.json())).toEqual([wire, wire, wire]);
  });

  it("not when the caller opts out for one call (retry: false)", async () => {
    const started = await clientWithServer(() => ({ status: 500 }), { retry: FAST_RETRY });
    server = started.server;
    await started.client.POST("/profiles/query", { body: { profileId: "p1" }, retry: false });
    expect(server.requests).toHaveLength(1);
  });

  it("not when the client turns retries off (retry: false)", async () => {
    await using local = await startTestServer(() => ({ status: 503 }));
    const client = createSegmentHubClient({ account: ACCOUNT, token: TOKEN, baseUrl: local.url, retry: false });
    await client.POST("/visitors/segments", { body: { visitorId: "v1", assignees: ["VIP"] } });
    expect(local.requests).toHaveLength(1);
  });
});
