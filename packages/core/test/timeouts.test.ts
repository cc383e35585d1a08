import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { sequence, startTestServer, type Reply } from "@seg/test-server";
import { describe, expect, it } from "vitest";
import { SegTimeoutError, unwrap, type RetryEvent, type VendorClientOptions } from "../src/index.ts";
import { acmeClient, settle } from "./fixtures/acme.ts";

const THING = { id: "1", name: "Widget" };
const thing = { params: { path: { id: "1" } } };
/** Timing slack for a shared, noisy machine; far below the timeouts a broken limit would hit. */
const SLACK_MS = 1_000;

describe("per-attempt timeout", () => {
  it("ends a hung attempt with SegTimeoutError scope 'attempt', retrying idempotent operations", async () => {
    await using server = await startTestServer(sequence("hang"));
    // 400 ms: long enough for each attempt to reach the server on a loaded machine.
    const client = acmeClient(server, { timeoutMs: 400, retry: { maxRetries: 2, baseDelayMs: 1 } });
    const { ms, error } = await settle(() => client.GET("/things/{id}", thing));
    expect(error).toBeInstanceOf(SegTimeoutError);
    expect(error).toMatchObject({ scope: "attempt", timeoutMs: 400, attempts: 3, operation: "getThing" });
    expect((error as Error).message).toContain("attempt timeout of 400 ms exceeded after 3 attempts");
    expect(server.requests).toHaveLength(3);
    expect(ms).toBeGreaterThanOrEqual(3 * 395);
    expect(ms).toBeLessThan(3 * 400 + SLACK_MS);
  });

  it("recovers when a later attempt answers in time", async () => {
    await using server = await startTestServer(sequence({ status: 200, json: THING, delayMs: 500 }, { status: 200, json: THING }));
    const client = acmeClient(server, { timeoutMs: 150 });
    expect(unwrap(await client.GET("/things/{id}", thing))).toEqual(THING);
    expect(server.requests).toHaveLength(2);
  });

  it("does not retry a timed-out non-idempotent operation", async () => {
    await using server = await startTestServer(sequence("hang"));
    const { error } = await settle(() => acmeClient(server, { timeoutMs: 400 }).POST("/things", { body: { name: "x" } }));
    expect(error).toBeInstanceOf(SegTimeoutError);
    expect(error).toMatchObject({ scope: "attempt", attempts: 1, operation: "createThing" });
    expect(server.requests).toHaveLength(1);
  });

  it("takes a per-call timeoutMs over the client's", async () => {
    await using server = await startTestServer(sequence("hang"));
    const client = acmeClient(server, { timeoutMs: 10_000, retry: false });
    const { ms, error } = await settle(() => client.GET("/things/{id}", { ...thing, timeoutMs: 50 }));
    expect(error).toMatchObject({ scope: "attempt", timeoutMs: 50 });
    expect(ms).toBeLessThan(50 + SLACK_MS);
  });

  it("covers the body too: headers then a stalled body times out", async () => {
    await using server = await startTestServer(sequence({ status: 200, json: { id: "1", name: "a long enough name" }, stallBody: true }));
    const client = acmeClient(server, { timeoutMs: 400, retry: { maxRetries: 1, baseDelayMs: 1 } });
    const { ms, error } = await settle(() => client.GET("/things/{id}", thing));
    expect(error).toBeInstanceOf(SegTimeoutError);
    expect(error).toMatchObject({ scope: "attempt", timeoutMs: 400, attempts: 2 });
    expect(server.requests).toHaveLength(2);
    expect(ms).toBeLessThan(2 * 400 + SLACK_MS);
  });
});

describe("overall deadline", () => {
  it("ends a hung call with SegTimeoutError scope 'deadline' on time", async () => {
    await using server = await startTestServer(sequence("hang"));
    const client = acmeClient(server, { timeoutMs: 10_000, deadlineMs: 500 });
    const { ms, error } = await settle(() => client.GET("/things/{id}", thing));
    expect(error).toBeInstanceOf(SegTimeoutError);
    expect(error).toMatchObject({ scope: "deadline", timeoutMs: 500, attempts: 1 });
    expect(ms).toBeGreaterThanOrEqual(490);
    expect(ms).toBeLessThan(500 + SLACK_MS);
    expect(server.requests).toHaveLength(1);
  });

  it("bounds the whole call across retries", async () => {
    await using server = await startTestServer(sequence("hang"));
    // Attempts time out at ~280, ~560 and ~840 ms; the fourth is still running at 1000 ms.
    const client = acmeClient(server, { timeoutMs: 280, deadlineMs: 1000, retry: { maxRetries: 100, baseDelayMs: 1 } });
    const { ms, error } = await settle(() => client.GET("/things/{id}", thing));
    expect(error).toBeInstanceOf(SegTimeoutError);
    expect(error).toMatchObject({ scope: "deadline", timeoutMs: 1000 });
    expect(ms).toBeLessThan(1000 + SLACK_MS);
    expect(server.requests.length).toBeGreaterThanOrEqual(2);
    expect(server.requests.length).toBeLessThanOrEqual(4);
  });

  it("takes a per-call deadlineMs over the client's", async () => {
    await using server = await startTestServer(sequence("hang"));
    const client = acmeClient(server, { timeoutMs: 10_000, deadlineMs: 10_000 });
    const { ms, error } = await settle(() => client.GET("/things/{id}", { ...thing, deadlineMs: 80 }));
    expect(error).toMatchObject({ scope: "deadline", timeoutMs: 80 });
    expect(ms).toBeLessThan(80 + SLACK_MS);
  });

  it("times out a stalled body", async () => {
    await using server = await startTestServer(sequence({ status: 200, json: THING, stallBody: true }));
    const client = acmeClient(server, { timeoutMs: 10_000, deadlineMs: 100 });
    const { ms, error } = await settle(() => client.GET("/things/{id}", thing));
    expect(error).toMatchObject({ scope: "deadline" });
    expect(ms).toBeLessThan(100 + SLACK_MS);
  });
});

describe("caller's AbortSignal", () => {
  it("rejects a hung call with the caller's abort reason, and never retries it", async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    // Aborted once the request is on the server, whatever the machine's load: never before it is sent.
    await using server = await startTestServer(() => {
      abortedAt = performance.now();
      controller.abort();
      return "hang";
    });
    const events: RetryEvent[] = [];
    const client = acmeClient(server, { timeoutMs: 10_000, retry: { maxRetries: 5, baseDelayMs: 1, onRetry: (event) => events.push(event) } });
    const { error } = await settle(() => client.GET("/things/{id}", { ...thing, signal: controller.signal }));
    const settledAfterAbort = performance.now() - abortedAt;
    expect(error).toBe(controller.signal.reason);
    expect(events).toEqual([]);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(error).not.toBeInstanceOf(SegTimeoutError);
    expect(settledAfterAbort).toBeLessThan(SLACK_MS);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(server.requests).toHaveLength(1);
  });

  it("rejects with a custom reason as given", async () => {
    const controller = new AbortController();
    const reason = new Error("user navigated away");
    await using server = await startTestServer(() => {
      controller.abort(reason);
      return "hang";
    });
    const { error } = await settle(() => acmeClient(server).GET("/things/{id}", { ...thing, signal: controller.signal }));
    expect(error).toBe(reason);
    expect(server.requests).toHaveLength(1);
  });

  it("interrupts the wait between retries", async () => {
    await using server = await startTestServer(sequence({ status: 503, headers: { "retry-after": "5" } }));
    const controller = new AbortController();
    const events: RetryEvent[] = [];
    const client = acmeClient(server, {
      retry: {
        onRetry: (event) => {
          events.push(event);
          setTimeout(() => {
            controller.abort();
          }, 20);
        },
      },
    });
    const { ms, error } = await settle(() => client.GET("/things/{id}", { ...thing, signal: controller.signal }));
    expect(events.map((event) => event.delayMs)).toEqual([5_000]);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(ms).toBeLessThan(SLACK_MS);
    expect(server.requests).toHaveLength(1);
  });

  it("sends nothing when the signal is already aborted", async () => {
    await using server = await startTestServer();
    const { error } = await settle(() => acmeClient(server).GET("/things/{id}", { ...thing, signal: AbortSignal.abort() }));
    expect(error).toMatchObject({ name: "AbortError" });
    expect(server.requests).toHaveLength(0);
  });
});

describe("after a garbage collection mid-request", () => {
  // Node's fetch follows a Request's signal through objects it holds weakly: once they are
  // collected, aborting no longer reaches the fetch (nodejs/node#55428). A GC while a request hangs
  // must not turn a timeout or an abort into a call that never settles.
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  const collecting = (request: Request): Promise<Response> => {
    setTimeout(gc, 20);
    return fetch(request);
  };

  it.each<[string, Reply, Partial<VendorClientOptions>, object]>([
    ["a per-attempt timeout", "hang", { timeoutMs: 150 }, { scope: "attempt" }],
    ["the deadline", "hang", { deadlineMs: 150 }, { scope: "deadline" }],
    ["a per-attempt timeout on a stalled body", { status: 200, json: THING, stallBody: true }, { timeoutMs: 150 }, { scope: "attempt" }],
  ])("%s still ends the call", async (_name, reply, options, want) => {
    await using server = await startTestServer(sequence(reply));
    const client = acmeClient(server, { retry: false, fetch: collecting, ...options });
    const { ms, error } = await settle(() => client.GET("/things/{id}", thing));
    expect(error).toBeInstanceOf(SegTimeoutError);
    expect(error).toMatchObject(want);
    expect(ms).toBeLessThan(150 + SLACK_MS);
  }, 3_000);

  it("the caller's abort still ends the call", async () => {
    await using server = await startTestServer(sequence("hang"));
    const controller = new AbortController();
    setTimeout(() => {
      controller.abort();
    }, 150);
    const { error } = await settle(() => acmeClient(server, { fetch: collecting }).GET("/things/{id}", { ...thing, signal: controller.signal }));
    expect(error).toBe(controller.signal.reason);
  }, 3_000);
});
