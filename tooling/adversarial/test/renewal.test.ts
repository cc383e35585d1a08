// The token exchange and the renewal after a 401 run inside the call's limits: what is left of its
// deadline, its attempt timeout and the caller's signal. A hung token endpoint cannot hold a call.
import { SegTimeoutError } from "@seg/core";
import { startTestServer, type Reply, type TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { rejection } from "./surfaces.ts";
import { SEGMINT_TOKEN, segmint } from "./vendors.ts";

/** Generous: a busy 2-core machine delays timers and sockets. */
const SLACK_MS = 1000;
const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** Segmint whose n-th token request gets `token(n)`; the API answers 401 to the first call, then 200. */
async function segmintServer(token: (n: number) => Reply): Promise<TestServer> {
  let tokens = 0;
  let calls = 0;
  const server = await startTestServer((request) => {
    if (request.path.endsWith("/auth/v1/token")) return token(++tokens);
    return ++calls === 1 ? { status: 401, json: { message: "token revoked" } } : { status: 200, json: { id: 1234 } };
  });
  servers.push(server);
  return server;
}

const issued: Reply = { status: 200, json: { access_token: SEGMINT_TOKEN } };
const getCampaign = (client: ReturnType<typeof segmint>, signal?: AbortSignal) =>
  client.GET("/campaigns/{campaignId}", { params: { path: { campaignId: "1234" } }, ...(signal ? { signal } : {}) });

async function timed(run: () => Promise<unknown>): Promise<{ ms: number; error: unknown }> {
  const started = performance.now();
  const error = await rejection(run);
  return { ms: performance.now() - started, error };
}

describe.each([
  ["the first token exchange", (n: number): Reply => (n === 1 ? "hang" : issued)],
  ["the renewal after a 401", (n: number): Reply => (n === 1 ? issued : "hang")],
])("%s hangs", (_name, token) => {
  it("the call's deadline ends it on time, as a timeout of the call's own operation", async () => {
    const server = await segmintServer(token);
    const client = segmint(server.url, { deadlineMs: 1500, timeoutMs: 60_000 });
    const { ms, error } = await timed(() => getCampaign(client));
    expect(error).toBeInstanceOf(SegTimeoutError);
    expect(error).toMatchObject({ scope: "deadline", timeoutMs: 1500, operation: "getCampaign" });
    expect(ms).toBeGreaterThanOrEqual(1400);
    expect(ms).toBeLessThan(1500 + SLACK_MS);
  });

  it("the caller's abort ends it promptly, with the caller's reason", async () => {
    const server = await segmintServer(token);
    const client = segmint(server.url, { deadlineMs: 60_000, timeoutMs: 60_000 });
    const controller = new AbortController();
    const reason = new Error("the caller gave up");
    setTimeout(() => {
      controller.abort(reason);
    }, 300);
    const { ms, error } = await timed(() => getCampaign(client, controller.signal));
    expect(error).toBe(reason);
    expect(ms).toBeLessThan(300 + SLACK_MS);
  });

  it("the attempt timeout bounds it too", async () => {
    const server = await segmintServer(token);
    const client = segmint(server.url, { deadlineMs: 60_000, timeoutMs: 1500, retry: false });
    const { ms, error } = await timed(() => getCampaign(client));
    expect(error).toBeInstanceOf(SegTimeoutError);
    expect(error).toMatchObject({ scope: "attempt", operation: "getCampaign" });
    expect(ms).toBeLessThan(1500 + SLACK_MS);
  });
});

describe("a token the exchange issues", () => {
  it.each([
    ["a line break", "tok\r\nX-Injected: 1"],
    ["a NUL", "tok\u0000x"],
  ])("with %s is never sent, and never quoted", async (_name, bad) => {
    const server = await segmintServer(() => ({ status: 200, json: { access_token: bad } }));
    const error = await rejection(() => getCampaign(segmint(server.url, { retry: false })));
    expect((error as Error).name).toBe("SegError");
    expect((error as Error).message).not.toContain("X-Injected");
    expect(server.requests.filter((request) => request.path.includes("/campaigns/"))).toHaveLength(0);
  });

  it("redirected to another origin never yields a token", async () => {
    const other = await startTestServer(() => issued);
    servers.push(other);
    const server = await segmintServer(() => ({ status: 307, headers: { location: `${other.url}/auth/v1/token?grant_type=token` } }));
    const error = await rejection(() => getCampaign(segmint(server.url, { retry: false })));
    expect((error as Error).name).toBe("SegRedirectError");
    expect(other.requests).toHaveLength(0);
    expect(server.requests.filter((request) => request.path.includes("/campaigns/"))).toHaveLength(0);
  });
});
