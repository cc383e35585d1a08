import { sequence, startTestServer, type Reply } from "@seg/test-server";
import { describe, expect, it } from "vitest";
import {
  SegApiError,
  SegConnectionError,
  SegTimeoutError,
  unwrap,
  type RetryEvent,
  type VendorClient,
} from "../src/index.ts";
import { backoffDelay, parseRetryAfter, RETRY_DEFAULTS } from "../src/retry.ts";
import { acmeClient, settle, type AcmePaths } from "./fixtures/acme.ts";

const HTML_502 = "<html><body><h1>502 Bad Gateway</h1><p>upstream went away</p></body></html>";
const THING = { id: "1", name: "Widget" };

const getThing = (client: VendorClient<AcmePaths>, options: { retry?: boolean | { maxRetries?: number } } = {}) =>
  client.GET("/things/{id}", { params: { path: { id: "1" } }, ...options });
const createThing = (client: VendorClient<AcmePaths>, options: { retry?: boolean } = {}) =>
  client.POST("/things", { body: { name: "Wídget ✓" }, ...options });

/** Each fault a server produces, and what the caller sees once retries run out. */
const faults: [string, Reply, (error: unknown, attempts: number) => void][] = [
  ["500", { status: 500, json: { message: "boom" } }, expectApiError(500)],
  ["502 with an HTML page", { status: 502, headers: { "content-type": "text/html" }, body: HTML_502 }, expectApiError(502)],
  ["503", { status: 503 }, expectApiError(503)],
  ["504", { status: 504 }, expectApiError(504)],
  ["408", { status: 408 }, expectApiError(408)],
  ["429 with Retry-After: 0", { status: 429, headers: { "retry-after": "0" } }, expectApiError(429)],
  ["a connection reset", "reset", (error, attempts) => {
    expect(error).toBeInstanceOf(SegConnectionError);
    expect(error).toMatchObject({ vendor: "acme", operation: "getThing", attempts });
  }],
  ["a hang (per-attempt timeout)", "hang", (error, attempts) => {
    expect(error).toBeInstanceOf(SegTimeoutError);
    expect(error).toMatchObject({ scope: "attempt", timeoutMs: 400, attempts });
  }],
];

function expectApiError(status: number) {
  return (error: unknown, attempts: number): void => {
    expect(error).toBeInstanceOf(SegApiError);
    expect(error).toMatchObject({ status, attempts, operation: "getThing" });
  };
}

/** Runs a GET and returns what the caller ends up holding: the thrown error or the unwrap error. */
async function failureOf(run: () => Promise<{ data?: unknown; error?: unknown; response: Response }>): Promise<unknown> {
  try {
    unwrap(await run());
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail");
}

describe("retryable failures", () => {
  describe.each([0, 1, 3])("maxRetries: %i", (maxRetries) => {
    it.each(faults)("%s: tries 1 + maxRetries times, then surfaces the last failure", async (_name, reply, check) => {
      await using server = await startTestServer(sequence(reply));
      // A short per-attempt timeout for the hang only: a busy machine can take 40 ms to answer.
      const client = acmeClient(server, { timeoutMs: reply === "hang" ? 400 : 10_000, retry: { maxRetries, baseDelayMs: 1, maxDelayMs: 2 } });
      check(await failureOf(() => getThing(client)), maxRetries + 1);
      expect(server.requests).toHaveLength(maxRetries + 1);
    });
  });

  it("keeps openapi-fetch's result for a status that ran out of retries", async () => {
    await using server = await startTestServer(sequence({ status: 503, json: { message: "busy" } }));
    const result = await getThing(acmeClient(server));
    expect(result.error).toEqual({ message: "busy" });
    expect(result.response.status).toBe(503);
    expect(server.requests).toHaveLength(RETRY_DEFAULTS.maxRetries + 1);
  });

  it("succeeds when a retry does", async () => {
    await using server = await startTestServer(sequence({ status: 503 }, "reset", { status: 200, json: THING }));
    expect(unwrap(await getThing(acmeClient(server)))).toEqual(THING);
    expect(server.requests).toHaveLength(3);
  });

  it.each([400, 401, 403, 404, 409, 415, 422])("does not retry HTTP %i", async (status) => {
    await using server = await startTestServer(sequence({ status }));
    const result = await getThing(acmeClient(server));
    expect(result.response.status).toBe(status);
    expect(server.requests).toHaveLength(1);
  });
});

describe("Retry-After", () => {
  it("waits the seconds a 429 asks for", async () => {
    await using server = await startTestServer(sequence({ status: 429, headers: { "retry-after": "1" } }, { status: 200, json: THING }));
    const events: RetryEvent[] = [];
    const client = acmeClient(server, { retry: { onRetry: (event) => events.push(event) } });
    const started = performance.now();
    expect(unwrap(await getThing(client))).toEqual(THING);
    expect(performance.now() - started).toBeGreaterThanOrEqual(950);
    expect(events.map((event) => event.delayMs)).toEqual([1000]);
    expect(server.requests).toHaveLength(2);
  });

  it("reads an HTTP date", async () => {
    const inAnHour = new Date(Date.now() + 3_600_000).toUTCString();
    await using server = await startTestServer(sequence({ status: 503, headers: { "retry-after": inAnHour } }));
    const controller = new AbortController();
    const events: RetryEvent[] = [];
    const client = acmeClient(server, {
      deadlineMs: 7_200_000,
      retry: {
        maxRetryAfterMs: 7_200_000,
        // Seen the delay: stop instead of waiting an hour.
        onRetry: (event) => {
          events.push(event);
          controller.abort();
        },
      },
    });
    const { error } = await settle(() => client.GET("/things/{id}", { params: { path: { id: "1" } }, signal: controller.signal }));
    expect(error).toBe(controller.signal.reason);
    expect(events).toHaveLength(1);
    expect(events[0]!.delayMs).toBeGreaterThan(3_600_000 - 2_000);
    expect(events[0]!.delayMs).toBeLessThanOrEqual(3_600_000);
  });

  it("retries at once after an HTTP date in the past", async () => {
    const past = new Date(Date.now() - 60_000).toUTCString();
    await using server = await startTestServer(sequence({ status: 429, headers: { "retry-after": past } }, { status: 200, json: THING }));
    const events: RetryEvent[] = [];
    expect(unwrap(await getThing(acmeClient(server, { retry: { onRetry: (event) => events.push(event) } })))).toEqual(THING);
    expect(events.map((event) => event.delayMs)).toEqual([0]);
  });

  it.each([
    ["above the default 60 s cap", "120", {}],
    ["above a configured cap", "3", { maxRetryAfterMs: 2_000 }],
  ])("does not wait for a Retry-After %s: the response is returned at once", async (_name, retryAfter, retry) => {
    await using server = await startTestServer(sequence({ status: 429, headers: { "retry-after": retryAfter } }, { status: 200 }));
    const events: RetryEvent[] = [];
    const { ms } = await settle(async () => {
      const result = await getThing(acmeClient(server, { retry: { ...retry, onRetry: (event) => events.push(event) } }));
      expect(result.response.status).toBe(429);
    });
    expect(ms).toBeLessThan(1_000);
    expect(events).toEqual([]);
    expect(server.requests).toHaveLength(1);
  });

  it("does not wait past the deadline: the response is returned at once", async () => {
    await using server = await startTestServer(sequence({ status: 503, headers: { "retry-after": "5" } }, { status: 200 }));
    const started = performance.now();
    const result = await getThing(acmeClient(server, { deadlineMs: 3_000 }));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result.response.status).toBe(503);
    expect(server.requests).toHaveLength(1);
  });
});

describe("backoff", () => {
  it("stays within [0, min(maxDelayMs, baseDelayMs · 2^(attempt-1))) on every retry", async () => {
    await using server = await startTestServer(sequence({ status: 500 }));
    const events: RetryEvent[] = [];
    const client = acmeClient(server, {
      retry: { maxRetries: 5, baseDelayMs: 4, maxDelayMs: 10, onRetry: (event) => events.push(event) },
    });
    await getThing(client);
    expect(events.map((event) => event.attempt)).toEqual([1, 2, 3, 4, 5]);
    const ceilings = [4, 8, 10, 10, 10];
    events.forEach((event, index) => {
      expect(Number.isInteger(event.delayMs)).toBe(true);
      expect(event.delayMs).toBeGreaterThanOrEqual(0);
      expect(event.delayMs).toBeLessThan(ceilings[index]!);
    });
  });

  const options = { ...RETRY_DEFAULTS, baseDelayMs: 100, maxDelayMs: 1_000 };
  it.each([
    [1, 100],
    [2, 200],
    [3, 400],
    [4, 800],
    [5, 1_000],
    [12, 1_000],
  ])("attempt %i: the ceiling is %i ms", (attempt, ceiling) => {
    expect(backoffDelay(attempt, options, () => 0)).toBe(0);
    expect(backoffDelay(attempt, options, () => 0.999_999)).toBe(ceiling - 1);
    expect(backoffDelay(attempt, options, () => 0.5)).toBe(ceiling / 2);
  });

  it.each([
    ["1", 1_000],
    [" 3 ", 3_000],
    ["0", 0],
    ["Thu, 01 Jan 2037 00:00:10 GMT", 10_000],
    ["Thu, 01 Jan 2037 00:00:00 GMT", 0],
    ["Wed, 31 Dec 2036 23:00:00 GMT", 0],
    ["soon", undefined],
    ["", undefined],
  ] as const)("parseRetryAfter(%j) = %j", (header, want) => {
    expect(parseRetryAfter(header, Date.UTC(2037, 0, 1))).toBe(want);
  });

  it("parseRetryAfter(null) is undefined", () => {
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("which calls are retried", () => {
  it.each<[string, Reply]>([
    ["503", { status: 503 }],
    ["a reset", "reset"],
    ["a hang", "hang"],
  ])("never retries a non-idempotent operation on %s", async (_name, reply) => {
    await using server = await startTestServer(sequence(reply));
    await settle(() => createThing(acmeClient(server, { timeoutMs: reply === "hang" ? 400 : 10_000 })));
    expect(server.requests).toHaveLength(1);
  });

  it("retries a non-idempotent operation when the call says retry: true, resending the same bytes", async () => {
    await using server = await startTestServer(sequence("reset", { status: 503 }, { status: 201, json: THING }));
    expect(unwrap(await createThing(acmeClient(server), { retry: true }))).toEqual(THING);
    expect(server.requests).toHaveLength(3);
    const [first, ...rest] = server.requests;
    expect(first!.json()).toEqual({ name: "Wídget ✓" });
    for (const request of rest) {
      expect(request.body).toBe(first!.body);
      expect(request.headers["content-type"]).toBe(first!.headers["content-type"]);
      expect(request.headers["content-length"]).toBe(first!.headers["content-length"]);
    }
  });

  it("resends the same body on an idempotent PUT", async () => {
    await using server = await startTestServer(sequence({ status: 500 }, { status: 200, json: THING }));
    const body = { name: "x".repeat(70_000) + "✓" };
    await acmeClient(server).PUT("/things/{id}", { params: { path: { id: "1" } }, body });
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]!.body).toBe(server.requests[0]!.body);
    expect(server.requests[0]!.json()).toEqual(body);
  });

  it("does not retry an idempotent operation when the call says retry: false", async () => {
    await using server = await startTestServer(sequence({ status: 503 }));
    await getThing(acmeClient(server), { retry: false });
    expect(server.requests).toHaveLength(1);
  });

  it("does not retry anything when the client says retry: false", async () => {
    await using server = await startTestServer(sequence({ status: 503 }));
    await getThing(acmeClient(server, { retry: false }));
    expect(server.requests).toHaveLength(1);
  });

  it("a per-call opt-in still retries under a client-wide retry: false", async () => {
    await using server = await startTestServer(sequence({ status: 503 }, { status: 200, json: THING }));
    expect(unwrap(await getThing(acmeClient(server, { retry: false }), { retry: true }))).toEqual(THING);
    expect(server.requests).toHaveLength(2);
  });

  it("a per-call retry object overrides the client's settings", async () => {
    await using server = await startTestServer(sequence({ status: 503 }));
    await getThing(acmeClient(server, { retry: { maxRetries: 4, baseDelayMs: 1 } }), { retry: { maxRetries: 1 } });
    expect(server.requests).toHaveLength(2);
  });
});

describe("onRetry", () => {
  it("sees each failure being retried, its attempt number and the wait", async () => {
    await using server = await startTestServer(sequence({ status: 503 }, "reset", { status: 200, json: THING }));
    const events: RetryEvent[] = [];
    await getThing(acmeClient(server, { retry: { baseDelayMs: 2, maxDelayMs: 2, onRetry: (event) => events.push(event) } }));
    expect(events).toHaveLength(2);
    expect(events[0]!.error).toBeInstanceOf(SegApiError);
    expect(events[0]!.error).toMatchObject({ status: 503, attempts: 1 });
    expect(events[1]!.error).toBeInstanceOf(SegConnectionError);
    expect(events[1]!.error).toMatchObject({ attempts: 2 });
    expect(events.map((event) => event.attempt)).toEqual([1, 2]);
    for (const event of events) expect(event.delayMs).toBeLessThan(2);
  });

  it("is not called when nothing is retried", async () => {
    await using server = await startTestServer(sequence({ status: 503 }));
    const events: RetryEvent[] = [];
    await createThing(acmeClient(server, { retry: { onRetry: (event) => events.push(event) } }));
    expect(events).toEqual([]);
  });
});
