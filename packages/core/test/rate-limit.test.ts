import { startTestServer } from "@seg/test-server";
import { describe, expect, it } from "vitest";
import { createRateLimiter, SegTimeoutError } from "../src/index.ts";
import { acmeClient, settle } from "./fixtures/acme.ts";

const thing = { params: { path: { id: "1" } } };

describe("rate limit", () => {
  it("starts at most `requests` requests per window, the rest in order as the window moves", async () => {
    const arrivals: number[] = [];
    await using server = await startTestServer(() => {
      arrivals.push(performance.now());
      return { status: 200, json: { id: "1", name: "a" } };
    });
    const client = acmeClient(server, { rateLimit: createRateLimiter({ requests: 2, perMs: 400 }) });
    const started = performance.now();
    await Promise.all(Array.from({ length: 5 }, () => client.GET("/things/{id}", thing)));
    const offsets = arrivals.map((at) => at - started).sort((a, b) => a - b);
    expect(offsets).toHaveLength(5);
    // 2 at once, 2 after one window, 1 after two windows (arrival adds a little on a busy machine).
    expect(offsets[1]).toBeLessThan(400);
    expect(offsets[2]).toBeGreaterThanOrEqual(395);
    expect(offsets[3]).toBeLessThan(800);
    expect(offsets[4]).toBeGreaterThanOrEqual(795);
  });

  it("is shared by every client given the same limiter, and counts retries", async () => {
    await using server = await startTestServer((_request, index) => (index === 0 ? { status: 503 } : { status: 200, json: { id: "1", name: "a" } }));
    const limiter = createRateLimiter({ requests: 2, perMs: 500 });
    const a = acmeClient(server, { rateLimit: limiter, retry: { baseDelayMs: 1 } });
    const b = acmeClient(server, { rateLimit: limiter });
    const started = performance.now();
    await a.GET("/things/{id}", thing); // a 503, then its retry: both count
    await b.GET("/things/{id}", thing); // the third request of the window waits for the next one
    expect(server.requests).toHaveLength(3);
    expect(performance.now() - started).toBeGreaterThanOrEqual(495);
  });

  it("a caller's abort while waiting rejects with its reason and does not hold up the queue", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { id: "1", name: "a" } }));
    const client = acmeClient(server, { rateLimit: createRateLimiter({ requests: 1, perMs: 300 }) });
    await client.GET("/things/{id}", thing);
    const controller = new AbortController();
    const waiting = client.GET("/things/{id}", { ...thing, signal: controller.signal });
    controller.abort(new DOMException("changed my mind", "AbortError"));
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
    const { error } = await settle(() => client.GET("/things/{id}", thing));
    expect(error).toBeUndefined();
    expect(server.requests).toHaveLength(2);
  });

  it("a wait longer than the deadline ends in SegTimeoutError scope 'deadline', without sending", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { id: "1", name: "a" } }));
    const client = acmeClient(server, { rateLimit: createRateLimiter({ requests: 1, perMs: 5_000 }) });
    await client.GET("/things/{id}", thing);
    const { ms, error } = await settle(() => client.GET("/things/{id}", { ...thing, deadlineMs: 200 }));
    expect(error).toBeInstanceOf(SegTimeoutError);
    expect(error).toMatchObject({ scope: "deadline", timeoutMs: 200 });
    expect(ms).toBeLessThan(1_500);
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    [{ requests: 0, perMs: 1000 }, "rateLimit.requests"],
    [{ requests: 1.5, perMs: 1000 }, "rateLimit.requests"],
    [{ requests: Number.NaN, perMs: 1000 }, "rateLimit.requests"],
    [{ requests: 1, perMs: 0 }, "rateLimit.perMs"],
    [{ requests: 1, perMs: Infinity }, "rateLimit.perMs"],
  ])("refuses %o with a SegConfigError naming the field", (options, field) => {
    expect(() => createRateLimiter(options)).toThrow(expect.objectContaining({ name: "SegConfigError", field }) as Error);
  });
});
