import { SegConfigError } from "@seg/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSegmetricsClient } from "../src/index.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("configuration", () => {
  it.each([
    ["accountId", "SEGMETRICS_ACCOUNT_ID"],
    ["integrationId", "SEGMETRICS_INTEGRATION_ID"],
    ["apiKey", "SEGMETRICS_API_KEY"],
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

  it("a blank key is as missing as an absent one", () => {
    expect(() => createSegmetricsClient({ accountId: "a", integrationId: "i", apiKey: "  " })).toThrow(/apiKey/);
  });
});
