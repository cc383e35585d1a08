// Configuration: where account and token come from, what happens without a token, and hosts. An
// absent account or token, the environment variables and the browser refusal: conformance.test.ts.
import { startTestServer } from "@seg/test-server";
import { caught } from "@seg/test-server/conformance";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSegmentHubClient, SegConfigError, unwrap } from "../src/index.ts";
import { ACCOUNT, clientWithServer, TOKEN } from "./harness.ts";
import { cases } from "./operations.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("account", () => {
  it.each([
    ["blank", "  "],
  ])("%s is a SegConfigError naming `account` and SEGMENTHUB_ACCOUNT, at construction", (_name, account) => {
    vi.stubEnv("SEGMENTHUB_ACCOUNT", undefined);
    const attempt = (): unknown => createSegmentHubClient({ account, token: TOKEN });
    expect(attempt).toThrow(SegConfigError);
    expect(attempt).toThrow(/account.*SEGMENTHUB_ACCOUNT/);
    expect(attempt).toThrow(expect.objectContaining({ field: "account" }) as Error);
  });

  it("options win over the environment", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: {} }));
    vi.stubEnv("SEGMENTHUB_ACCOUNT", "env-account");
    vi.stubEnv("SEGMENTHUB_TOKEN", "env-token-1234");
    const client = createSegmentHubClient({ account: ACCOUNT, token: TOKEN, baseUrl: server.url });
    await client.POST("/visitors/query", { body: { visitorId: "v1" } });
    expect(server.requests[0]?.json()).toEqual({ account: ACCOUNT, token: TOKEN, visitorId: "v1" });
  });
});

describe("without a token", () => {
  it.each(["", "   "])("a blank token (%j) counts as none", async (token) => {
    vi.stubEnv("SEGMENTHUB_TOKEN", undefined);
    const started = await clientWithServer(undefined, { token });
    await using server = started.server;
    const { client } = started;
    const error = await caught(() => client.POST("/profiles/query", { body: { profileId: "p1" } }));
    expect(error).toMatchObject({ field: "body.token" });
    expect(String(error)).toContain("give the client its `token` option or the SEGMENTHUB_TOKEN environment variable");
    expect(server.requests).toHaveLength(0);
  });

  it.each(Object.entries(cases).filter(([, c]) => !c.needsToken))("%s needs none and sends none", async (_name, { call, reply }) => {
    vi.stubEnv("SEGMENTHUB_TOKEN", undefined);
    const started = await clientWithServer(() => ({ status: 200, json: reply }), { token: undefined });
    await using server = started.server;
    const { client } = started;
    expect(unwrap(await call(client))).toEqual(reply);
    expect(server.requests[0]?.json()).not.toHaveProperty("token");
  });

  it("an event with withToken rejects with SegConfigError naming `token`, sending nothing", async () => {
    vi.stubEnv("SEGMENTHUB_TOKEN", undefined);
    const started = await clientWithServer(undefined, { token: undefined });
    await using server = started.server;
    const { client } = started;
    const error = await caught(() => client.fireEvent({ event: "pageView", visitorId: "v1", platform: "p" }, { withToken: true }));
    expect(error).toBeInstanceOf(SegConfigError);
    expect(error).toMatchObject({ field: "token" });
    expect((error as Error).message).toContain("SEGMENTHUB_TOKEN");
    expect(server.requests).toHaveLength(0);
  });

  it("a token passed for one call is used", async () => {
    vi.stubEnv("SEGMENTHUB_TOKEN", undefined);
    const started = await clientWithServer(() => ({ status: 200, json: {} }), { token: undefined });
    await using server = started.server;
    const { client } = started;
    await client.POST("/profiles/segments", { body: { profileId: "p1", token: "per-call-token", assignees: ["VIP"] } });
    expect(server.requests[0]?.json()).toEqual({ account: ACCOUNT, token: "per-call-token", profileId: "p1", assignees: ["VIP"] });
  });
});

describe("hosts", () => {
  it("defaults to https://api.segmenthub.com", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: {} }));
    const asked: string[] = [];
    const client = createSegmentHubClient({
      account: ACCOUNT,
      token: TOKEN,
      fetch: (request) => {
        asked.push(request.url);
        const local = new URL(request.url);
        return fetch(new Request(`${server.url}${local.pathname}${local.search}`, request));
      },
    });
    await client.fireEvent({ event: "pageView", visitorId: "v1", platform: "p" });
    await client.POST("/profiles/query", { body: { profileId: "p1" } });
    await client.POST("/visitors/attributes", { body: { visitorId: "v1", attributes: { gender: "Man" } } });
    expect(asked).toEqual([
      "https://api.segmenthub.com/campaigns/query",
      "https://api.segmenthub.com/profiles/query",
      "https://api.segmenthub.com/visitors/attributes",
    ]);
  });

  it("baseUrl replaces it, keeping a path prefix", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: {} }));
    const client = createSegmentHubClient({ account: ACCOUNT, baseUrl: `${server.url}/proxy/segmenthub` });
    await client.fireEvent({ event: "pageView", visitorId: "v1", platform: "p" });
    expect(server.requests[0]?.path).toBe("/proxy/segmenthub/campaigns/query");
  });
});

describe("in a browser, without a token", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("is created and fires events (the page's use)", async () => {
    vi.stubGlobal("document", {});
    await using server = await startTestServer(() => ({ status: 200, json: { campaigns: [] } }));
    const client = createSegmentHubClient({ account: "acc", baseUrl: server.url });
    await client.fireEvent({ event: "pageView", visitorId: "v1", platform: "www.example.com" });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.headers["user-agent"]).not.toMatch(/@seg\/segmenthub/);
  });
});
