import { SegConfigError } from "@seg/core";
import { startTestServer } from "@seg/test-server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSegmetricsClient } from "../src/index.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

// Missing options, environment variables and the browser refusal: conformance.test.ts.
describe("configuration", () => {
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
