import { SegConfigError } from "@seg/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSegmintClient, type SegmintEnvironment } from "../src/index.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

const valid = { username: "user", password: "pass" };

// Missing options, environment variables and the browser refusal: conformance.test.ts.
describe("configuration", () => {
  it("a blank password is as missing as an absent one", () => {
    vi.stubEnv("SEGMINT_PASSWORD", undefined);
    expect(() => createSegmintClient({ username: "u", password: "  " })).toThrow(/password/);
  });

  it("an unknown environment is a SegConfigError listing the known ones", () => {
    const attempt = (): unknown => createSegmintClient({ ...valid, environment: "staging" as SegmintEnvironment });
    expect(attempt).toThrow(SegConfigError);
    expect(attempt).toThrow(/environment: must be one of production, stage, demo/);
  });

  it.each([
    ["not a URL", "dataservices.segmint.net", /absolute http\(s\) URL/],
    ["not http(s)", "ftp://example.com", /absolute http\(s\) URL/],
    ["with a query string", "https://example.com/?a=1", /query string/],
    ["with credentials", "https://user:SECRET-IN-URL@example.com", /must not carry credentials/],
  ])("a baseUrl %s is a SegConfigError that does not echo it", (_name, baseUrl, message) => {
    let thrown: unknown;
    try {
      createSegmintClient({ ...valid, baseUrl });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SegConfigError);
    expect(thrown).toMatchObject({ field: "baseUrl" });
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain(baseUrl);
  });

  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])("tokenTtlMs %s is a SegConfigError", (tokenTtlMs) => {
    expect(() => createSegmintClient({ ...valid, tokenTtlMs })).toThrow(/tokenTtlMs: must be a positive number/);
  });
});
