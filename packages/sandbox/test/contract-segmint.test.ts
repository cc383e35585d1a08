// Contract: @seg/segmint, as its README documents it, against the sandbox — both documented
// operations (the token exchange the client makes for you, and getCampaign), the `undocumented`
// escape hatch, the token's life (issued once, reused, renewed on 401 and replayed once), typed
// errors, and the exchange's retries (the rules every vendor shares: test/contract.test.ts).
import { createSegmintClient, SegApiError, unwrap, type SegmintClient, type SegmintOptions } from "@seg/segmint";
import { beforeEach, describe, expect, it } from "vitest";
import type { LogEntry } from "../src/index.ts";
import { specProblems, useSandbox } from "./harness.ts";

const TTL_SECONDS = 3600;
const sandbox = await useSandbox({ now: () => Date.parse("2024-06-15T12:00:00Z"), tokenTtlSeconds: TTL_SECONDS });
/** A fresh client (so a fresh token cache) on the sandbox. */
const client = (options: Partial<SegmintOptions> = {}): SegmintClient =>
  createSegmintClient({ ...sandbox.clientOptions.segmint, retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...options });
const lastSeq = (): number => sandbox.log.at(-1)?.seq ?? 0;
const segmintCalls = (since: number): LogEntry[] => sandbox.log.filter((e) => e.vendor === "segmint" && e.seq > since);
/** `operationId status` of each Segmint request since `since`, in order. */
const trace = (since: number): string[] => segmintCalls(since).map((e) => `${e.operationId ?? e.path} ${e.result}`);
const getCampaign = (segmint: SegmintClient, campaignId: string, init: { retry?: boolean } = {}): ReturnType<SegmintClient["GET"]> =>
  segmint.GET("/campaigns/{campaignId}", { params: { path: { campaignId } }, ...init });

beforeEach(() => {
  sandbox.setFaults([]);
});

describe("every documented operation", () => {
  it("the first call exchanges the credentials for a token; every later call reuses it", async () => {
    const segmint = client();
    const before = lastSeq();
    const tokensBefore = Object.keys(sandbox.state.segmint.tokens).length;

    expect(unwrap(await getCampaign(segmint, "1001"))).toEqual({ id: "1001", name: "Spring Savings", status: "active", channel: "email", startDate: "2024-03-01" });
    expect(unwrap(await getCampaign(segmint, "1002"))).toMatchObject({ id: "1002", name: "Holiday Rewards" });
    // The escape hatch shares the token (here on a documented path, so the sandbox can answer it).
    const { data, response } = await segmint.undocumented("GET", "/campaigns/1001");
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ id: "1001" });

    // One exchange (its 200 also shows Basic credentials and grant_type were sent as the spec says).
    expect(trace(before)).toEqual(["createToken 200", "getCampaign 200", "getCampaign 200", "getCampaign 200"]);
    expect(Object.keys(sandbox.state.segmint.tokens)).toHaveLength(tokensBefore + 1);
  });

  it("the docs' 404 (/campaigns/1234) and an unknown path (/some-fake-endpoint) arrive typed, not retried", async () => {
    const segmint = client();
    const missing = await getCampaign(segmint, "1234").then(unwrap).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(SegApiError);
    expect(missing).toMatchObject({ vendor: "segmint", operation: "getCampaign", kind: "not_found", status: 404, attempts: 1 });
    const body = (missing as SegApiError).body;
    expect(body).toEqual({ error: "Not Found", message: "The resource does not exist: campaign 1234" });
    expect(specProblems("segmint", "getCampaign", { status: 404, body })).toEqual([]);

    const fake = await segmint.undocumented("GET", "/some-fake-endpoint").then(unwrap).catch((e: unknown) => e);
    expect(fake).toMatchObject({ vendor: "segmint", operation: "GET /some-fake-endpoint", kind: "not_found", status: 404, attempts: 1 });
  });
});

describe("the token", () => {
  it("an expired token is renewed transparently: 401 → new token → the call replayed", async () => {
    const segmint = client();
    unwrap(await getCampaign(segmint, "1001"));
    const [first] = Object.keys(sandbox.state.segmint.tokens);

    // The sandbox's clock passes the token's expiry; the client's own clock does not, so it still
    // sends the cached token and learns of the expiry from the 401.
    sandbox.advanceTime(TTL_SECONDS * 1000);
    const before = lastSeq();
    expect(unwrap(await getCampaign(segmint, "1002"))).toMatchObject({ id: "1002" });
    expect(trace(before)).toEqual(["getCampaign 401", "createToken 200", "getCampaign 200"]);
    expect(Object.keys(sandbox.state.segmint.tokens)).not.toContain(first);

    // The renewed token is the one reused from now on.
    const after = lastSeq();
    unwrap(await getCampaign(segmint, "1001"));
    expect(trace(after)).toEqual(["getCampaign 200"]);
  });

  it("concurrent calls rejected with the same expired token share one renewal", async () => {
    const segmint = client();
    unwrap(await getCampaign(segmint, "1001"));
    sandbox.advanceTime(TTL_SECONDS * 1000);
    const before = lastSeq();
    const results = await Promise.all(Array.from({ length: 5 }, () => getCampaign(segmint, "1001").then(unwrap)));
    expect(results.map((c) => c?.id)).toEqual(["1001", "1001", "1001", "1001", "1001"]);
    const calls = trace(before);
    expect(calls.filter((c) => c === "createToken 200")).toHaveLength(1);
    expect(calls.filter((c) => c === "getCampaign 401")).toHaveLength(5);
    expect(calls.filter((c) => c === "getCampaign 200")).toHaveLength(5);
  });

  it("a call rejected again after the renewal returns the second 401", async () => {
    const segmint = client();
    unwrap(await getCampaign(segmint, "1001"));
    sandbox.setFaults(["segmint:getCampaign:status=401:times=2"]);
    const before = lastSeq();
    const error = await getCampaign(segmint, "1001").then(unwrap).catch((e: unknown) => e);
    expect(error).toMatchObject({ operation: "getCampaign", kind: "unauthorized", status: 401 });
    expect(trace(before)).toEqual(["getCampaign 401", "createToken 200", "getCampaign 401"]);
  });

  it("wrong credentials fail the call as createToken 401 after exactly one token request, and are never echoed", async () => {
    const segmint = client({ password: "not-the-password" });
    const before = lastSeq();
    const error = await getCampaign(segmint, "1001").then(unwrap).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SegApiError);
    expect(error).toMatchObject({ vendor: "segmint", operation: "createToken", kind: "unauthorized", status: 401 });
    expect(specProblems("segmint", "createToken", { status: 401, body: (error as SegApiError).body })).toEqual([]);
    expect(trace(before)).toEqual(["createToken 401"]);
    expect(JSON.stringify(error)).not.toContain("not-the-password");

    // Nothing is remembered: the next call asks again.
    await getCampaign(segmint, "1001").catch(() => undefined);
    expect(trace(before)).toEqual(["createToken 401", "createToken 401"]);
  });
});

describe("@seg/core's retry rules, end to end", () => {
  it("getCampaign (safe) is retried through a 503 and a 429 with Retry-After, then succeeds", async () => {
    const segmint = client();
    unwrap(await getCampaign(segmint, "1001"));
    sandbox.setFaults(["segmint:getCampaign:status=503:times=1", "segmint:getCampaign:status=429:retry-after=0:times=1"]);
    const before = lastSeq();
    expect(unwrap(await getCampaign(segmint, "1002"))).toMatchObject({ id: "1002" });
    expect(trace(before)).toEqual(["getCampaign 503", "getCampaign 429", "getCampaign 200"]);
  });

  it("the token exchange is retried like any safe call", async () => {
    sandbox.setFaults(["segmint:createToken:status=503:times=2"]);
    const before = lastSeq();
    expect(unwrap(await getCampaign(client(), "1001"))).toMatchObject({ id: "1001" });
    expect(trace(before)).toEqual(["createToken 503", "createToken 503", "createToken 200", "getCampaign 200"]);
  });
});
