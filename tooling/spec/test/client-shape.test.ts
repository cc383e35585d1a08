import { describe, expect, it } from "vitest";
import { camelCase, clientShape, displayName, envSuffix, readSpec } from "../src/index.ts";

const shape = (vendor: string) => {
  const { options, hosts, multiHost } = clientShape(vendor, readSpec(vendor));
  return { options: options.map((option) => `${option.name}${option.secret ? " (secret)" : ""} ${option.env}`), hosts, multiHost };
};

describe("clientShape", () => {
  it("derives each vendor's options, environment variables and hosts from its spec", () => {
    expect(shape("segmetrics")).toEqual({
      options: ["apiKey (secret) SEGMETRICS_API_KEY", "accountId SEGMETRICS_ACCOUNT_ID", "integrationId SEGMETRICS_INTEGRATION_ID"],
      hosts: ["import", "track", "reporting"],
      multiHost: true,
    });
    expect(shape("segmenter")).toEqual({ options: ["apiKey (secret) SEGMENTER_API_KEY"], hosts: ["api"], multiHost: false });
    expect(shape("segmenthub")).toEqual({ options: ["token (secret) SEGMENTHUB_TOKEN", "account SEGMENTHUB_ACCOUNT"], hosts: ["api"], multiHost: false });
    expect(shape("segmint").options).toEqual(["username (secret) SEGMINT_USERNAME", "password (secret) SEGMINT_PASSWORD"]);
  });

  it("converts names between the spec's and the client's spellings", () => {
    expect(camelCase("account_id")).toBe("accountId");
    expect(envSuffix("integrationId")).toBe("INTEGRATION_ID");
    expect(envSuffix("new-vendor")).toBe("NEW_VENDOR");
    expect(displayName({ info: { title: "SegmentHub REST API" } })).toBe("SegmentHub");
    expect(displayName({ info: { title: "Segmenter API" } })).toBe("Segmenter");
  });
});
