import { SegConfigError } from "@seg/core";
import { startTestServer } from "@seg/test-server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSegmetricsClient } from "../src/index.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("configuration", () => {
  it.each([
    ["accountId", "SEGMETRICS_ACCOUNT_ID"],
    ["integrationId", "SEGMETRICS_INTEGRATION_ID"],
  ])("a missing %s is a SegConfigError naming the option and %s, before any request", (field, env) => {
    const options = { accountId: "a", integrationId: "i", apiKey: "k", [field]: undefined };
    vi.stubEnv(env, undefined);
    const attempt = (): unknown => createSegmetricsClient(options);
    expect(attempt).toThrow(SegConfigError);
    expect(attempt).toThrow(new RegExp(`${field}.*${env}`));
  });

  it("reads credentials from the environment when not passed", () => {
    vi.stubEnv("SEGMETRICS_ACCOUNT_ID", "env-acc");
    vi.stubEnv("SEGMETRICS_INTEGRATION_ID", "env-int");
    vi.stubEnv("SEGMETRICS_API_KEY", "env-key");
    expect(() => createSegmetricsClient()).not.toThrow();
  });

  it.each([
    ["absent", undefined],
    ["blank", "  "],
  ])("with the key %s, identify is sent without credentials and every other call is refused unsent", async (_how, apiKey) => {
    vi.stubEnv("SEGMETRICS_API_KEY", undefined);
    await using server = await startTestServer(() => ({ status: 200, body: "ok" }));
    const url = server.url;
    const client = createSegmetricsClient({
      accountId: "a",
      integrationId: "i",
      apiKey,
      baseUrls: { import: `${url}/import`, track: `${url}/track`, reporting: `${url}/reporting` },
    });
    await client.GET("/identify", { params: { query: { seg_uid: "u1", email: "jo@example.com" } } });
    expect(server.requests.map((r) => [r.path, r.headers.authorization])).toEqual([["/track/identify", undefined]]);
    const refused = client.POST("/contact", { body: { email: "jo@example.com" } });
    await expect(refused).rejects.toThrow(SegConfigError);
    await expect(refused).rejects.toThrow(/apiKey.*SEGMETRICS_API_KEY/);
    expect(server.requests).toHaveLength(1);
  });
});

describe("in a browser", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("refuses a client holding a secret without dangerouslyAllowBrowser, and creates it with", () => {
    vi.stubGlobal("document", {});
    const options = { accountId: "a", integrationId: "i", apiKey: "k" };
    const refused = (): unknown => createSegmetricsClient(options);
    expect(refused).toThrow(SegConfigError);
    expect(refused).toThrow(/^dangerouslyAllowBrowser: this segmetrics client is configured with a secret/);
    expect(() => createSegmetricsClient({ ...options, dangerouslyAllowBrowser: true })).not.toThrow();
  });
});
