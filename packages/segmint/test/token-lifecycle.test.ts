// The bearer token's whole life against a real server: obtained lazily, cached, expired, renewed on
// 401 with the call replayed, shared by concurrent callers, and a failed exchange surfacing once.
import { SegApiError, SegError } from "@seg/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { unwrap } from "../src/index.ts";
import { FAST_RETRY, fakeSegmint, getCampaign, tokenNo, type FakeSegmint } from "./harness.ts";

let fake: FakeSegmint | undefined;
const start = async (options?: Parameters<typeof fakeSegmint>[0]): Promise<FakeSegmint> => (fake = await fakeSegmint(options));
afterEach(async () => {
  vi.useRealTimers();
  await fake?.server.close();
  fake = undefined;
});

/** Moves the clock the token cache reads (`Date.now`) forward; timers stay real. */
const advance = (ms: number): void => {
  vi.setSystemTime(Date.now() + ms);
};

describe("obtaining and caching the token", () => {
  it("asks for no token until the first call, then sends it as a bearer token", async () => {
    const segmint = await start();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(segmint.server.requests).toHaveLength(0);

    const campaign = unwrap(await getCampaign(segmint.client, "42"));

    expect(campaign).toEqual({ id: "42", name: "Spring sale" });
    expect(segmint.server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["POST /auth/v1/token", "GET /campaigns/42"]);
    expect(segmint.bearers()).toEqual([tokenNo(1)]);
  });

  it("reuses the token for later calls, documented or not", async () => {
    const segmint = await start();
    await getCampaign(segmint.client, "1");
    await getCampaign(segmint.client, "2");
    await segmint.client.undocumented("GET", "/customer-insights/v1/anything");
    expect(segmint.tokenRequests()).toHaveLength(1);
    expect(segmint.bearers()).toEqual([tokenNo(1), tokenNo(1), tokenNo(1)]);
  });

  it("ten concurrent first calls share one exchange", async () => {
    const segmint = await start({ onToken: () => ({ status: 200, json: { access_token: tokenNo(1) }, delayMs: 50 }) });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => getCampaign(segmint.client, String(i))));
    expect(results.map((r) => r.response.status)).toEqual(Array(10).fill(200));
    expect(segmint.tokenRequests()).toHaveLength(1);
    expect(new Set(segmint.bearers())).toEqual(new Set([tokenNo(1)]));
  });
});

describe("middleware", () => {
  it("runs on API calls only, never on the token exchange (it would see the token)", async () => {
    const seen: string[] = [];
    const segmint = await start({
      client: {
        middleware: [
          {
            onResponse: async ({ schemaPath, response }) => {
              seen.push(`${schemaPath} ${response.status} ${await response.clone().text()}`);
            },
          },
        ],
      },
    });
    await getCampaign(segmint.client, "5");
    expect(seen).toEqual(['/campaigns/{campaignId} 200 {"id":"5","name":"Spring sale"}']);
    expect(segmint.tokenRequests()).toHaveLength(1);
  });
});

describe("expiry", () => {
  it("with no stated expiry, trusts a token for tokenTtlMs, renewing 30 s early", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const segmint = await start({ client: { tokenTtlMs: 10 * 60_000 } });
    await getCampaign(segmint.client);
    advance(9 * 60_000 + 29_000);
    await getCampaign(segmint.client);
    expect(segmint.tokenRequests()).toHaveLength(1);
    advance(2_000);
    await getCampaign(segmint.client);
    expect(segmint.tokenRequests()).toHaveLength(2);
    expect(segmint.bearers()).toEqual([tokenNo(1), tokenNo(1), tokenNo(2)]);
  });

  it("defaults to a 15-minute TTL", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const segmint = await start();
    await getCampaign(segmint.client);
    advance(14 * 60_000 + 29_000);
    await getCampaign(segmint.client);
    advance(2_000);
    await getCampaign(segmint.client);
    expect(segmint.tokenRequests()).toHaveLength(2);
  });

  it("a short TTL still caches for half its life", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const segmint = await start({ client: { tokenTtlMs: 10_000 } });
    await getCampaign(segmint.client);
    advance(4_900);
    await getCampaign(segmint.client);
    advance(200);
    await getCampaign(segmint.client);
    expect(segmint.tokenRequests()).toHaveLength(2);
  });

  it.each([
    ["expires_in (seconds)", { expires_in: 120 }],
    ["expiresIn (seconds)", { expiresIn: 120 }],
    ["expires_in as a numeric string", { expires_in: "120" }],
  ])("honours %s over the TTL", async (_name, expiry) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const segmint = await start({ onToken: (_r, n) => ({ status: 200, json: { access_token: tokenNo(n), ...expiry } }) });
    await getCampaign(segmint.client);
    advance(89_000);
    await getCampaign(segmint.client);
    expect(segmint.tokenRequests()).toHaveLength(1);
    advance(2_000);
    await getCampaign(segmint.client);
    expect(segmint.tokenRequests()).toHaveLength(2);
    expect(segmint.bearers()).toEqual([tokenNo(1), tokenNo(1), tokenNo(2)]);
  });

  it.each([
    ["zero", 0],
    ["negative", -5],
    ["not a number", "soon"],
    ["null", null],
  ])("ignores an expiry that is %s and uses the TTL", async (_name, value) => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const segmint = await start({
      client: { tokenTtlMs: 10 * 60_000 },
      onToken: (_r, n) => ({ status: 200, json: { access_token: tokenNo(n), expires_in: value } }),
    });
    await getCampaign(segmint.client);
    advance(9 * 60_000);
    await getCampaign(segmint.client);
    expect(segmint.tokenRequests()).toHaveLength(1);
  });
});

describe("renewal on 401", () => {
  it("renews the token once and replays the call", async () => {
    const segmint = await start();
    await getCampaign(segmint.client, "1");
    segmint.revoke();

    const { data, response } = await getCampaign(segmint.client, "2");

    expect(response.status).toBe(200);
    expect(data).toEqual({ id: "2", name: "Spring sale" });
    expect(segmint.server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /auth/v1/token",
      "GET /campaigns/1",
      "GET /campaigns/2",
      "POST /auth/v1/token",
      "GET /campaigns/2",
    ]);
    expect(segmint.bearers()).toEqual([tokenNo(1), tokenNo(1), tokenNo(2)]);
  });

  it("a 401 after the renewal is surfaced, not looped on", async () => {
    const segmint = await start({ onApi: () => ({ status: 401, json: { message: "The authorization token provided is invalid" } }) });
    const result = await getCampaign(segmint.client);
    expect(result.response.status).toBe(401);
    expect(result.error).toEqual({ message: "The authorization token provided is invalid" });
    expect(segmint.tokenRequests()).toHaveLength(2);
    expect(segmint.apiRequests()).toHaveLength(2);
    expect(() => unwrap(result)).toThrow(expect.objectContaining({ kind: "unauthorized", operation: "getCampaign", status: 401 }));
  });

  it("ten concurrent calls rejected with the same token cost one exchange", async () => {
    const segmint = await start({
      onToken: (_r, n) => ({ status: 200, json: { access_token: tokenNo(n) }, delayMs: n > 1 ? 50 : 0 }),
    });
    await getCampaign(segmint.client);
    segmint.revoke();

    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => getCampaign(segmint.client, String(i))));

    expect(results.map((r) => r.response.status)).toEqual(Array(10).fill(200));
    expect(segmint.tokenRequests()).toHaveLength(2);
    // 1 warm-up + 10 rejected with the first token, 10 replays with the second.
    const count = (token: string): number => segmint.bearers().filter((b) => b === token).length;
    expect([count(tokenNo(1)), count(tokenNo(2))]).toEqual([11, 10]);
  });

  it("a renewal whose exchange fails surfaces the exchange's error", async () => {
    const segmint = await start({ onToken: (_r, n) => (n > 1 ? { status: 401, json: { message: "Invalid credentials" } } : undefined) });
    await getCampaign(segmint.client);
    segmint.revoke();
    const error = await getCampaign(segmint.client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SegApiError);
    expect(error).toMatchObject({ operation: "createToken", status: 401, kind: "unauthorized" });
    expect(segmint.tokenRequests()).toHaveLength(2);
  });
});

describe("a failed exchange", () => {
  const badCredentials = { onToken: () => ({ status: 401, json: { message: "Invalid credentials" } }) };

  it("bad credentials: one token request, no API request, a typed createToken error", async () => {
    const segmint = await start({ ...badCredentials, client: { retry: FAST_RETRY } });
    const error = await getCampaign(segmint.client).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(SegApiError);
    expect(error).toMatchObject({
      vendor: "segmint",
      operation: "createToken",
      method: "POST",
      status: 401,
      kind: "unauthorized",
      attempts: 1,
      body: { message: "Invalid credentials" },
    });
    expect((error as Error).message).toMatch(/^segmint createToken failed: HTTP 401/);
    expect(segmint.tokenRequests()).toHaveLength(1);
    expect(segmint.apiRequests()).toHaveLength(0);
  });

  it("ten concurrent callers with bad credentials share one rejected exchange", async () => {
    const segmint = await start({ onToken: () => ({ status: 401, json: { message: "Invalid credentials" }, delayMs: 30 }) });
    const outcomes = await Promise.allSettled(Array.from({ length: 10 }, () => getCampaign(segmint.client)));
    expect(outcomes.every((o) => o.status === "rejected" && o.reason instanceof SegApiError && o.reason.status === 401)).toBe(true);
    expect(segmint.tokenRequests()).toHaveLength(1);
  });

  it("is not remembered: the next call tries again (credentials may have been fixed server-side)", async () => {
    const segmint = await start({ onToken: (_r, n) => (n === 1 ? { status: 401, json: {} } : undefined) });
    await expect(getCampaign(segmint.client)).rejects.toThrow(SegApiError);
    expect((await getCampaign(segmint.client)).response.status).toBe(200);
    expect(segmint.tokenRequests()).toHaveLength(2);
  });

  it.each([
    [403, "forbidden"],
    [400, "bad_request"],
  ] as const)("a %i from the token endpoint is not retried", async (status, kind) => {
    const segmint = await start({ onToken: () => ({ status, json: { error: "nope" } }), client: { retry: FAST_RETRY } });
    await expect(getCampaign(segmint.client)).rejects.toMatchObject({ operation: "createToken", status, kind });
    expect(segmint.tokenRequests()).toHaveLength(1);
  });

  it.each([429, 500, 503])("a %i from the token endpoint is retried, then surfaced", async (status) => {
    const segmint = await start({ onToken: () => ({ status, json: { message: "busy" } }), client: { retry: FAST_RETRY } });
    await expect(getCampaign(segmint.client)).rejects.toMatchObject({ operation: "createToken", status, attempts: 3 });
    expect(segmint.tokenRequests()).toHaveLength(3);
    expect(segmint.apiRequests()).toHaveLength(0);
  });

  it("a transient token failure recovers within the same call", async () => {
    const segmint = await start({ onToken: (_r, n) => (n === 1 ? { status: 503, json: {} } : undefined), client: { retry: FAST_RETRY } });
    expect((await getCampaign(segmint.client)).response.status).toBe(200);
    expect(segmint.bearers()).toEqual([tokenNo(2)]);
  });

  it.each([
    ["an empty object", { json: {} }],
    ["an empty token", { json: { access_token: "" } }],
    ["a non-string token", { json: { access_token: 12345 } }],
    ["a JSON array", { json: ["tok"] }],
    ["text that is not JSON", { body: "tok-DO_NOT_LEAK-plain", headers: { "content-type": "text/plain" } }],
    ["no body", { body: "" }],
  ])("a 200 with %s is a clear SegError and no API call", async (_name, reply) => {
    const segmint = await start({ onToken: () => ({ status: 200, ...reply }) });
    const error = await getCampaign(segmint.client).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SegError);
    expect(error).not.toBeInstanceOf(SegApiError);
    expect((error as Error).message).toMatch(/createToken answered HTTP 200 without "access_token" or "token"/);
    expect((error as Error).message).not.toContain("DO_NOT_LEAK");
    expect(segmint.apiRequests()).toHaveLength(0);
  });
});
