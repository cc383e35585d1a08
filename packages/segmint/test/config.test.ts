import { SegConfigError } from "@seg/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSegmintClient, type SegmintEnvironment } from "../src/index.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

const valid = { username: "user", password: "pass" };

describe("configuration", () => {
  it.each([
    ["username", "SEGMINT_USERNAME"],
    ["password", "SEGMINT_PASSWORD"],
  ])("a missing %s is a SegConfigError naming the option and %s, before any request", (field, env) => {
    vi.stubEnv(env, undefined);
    const attempt = (): unknown => createSegmintClient({ ...valid, [field]: undefined });
    expect(attempt).toThrow(SegConfigError);
    expect(attempt).toThrow(new RegExp(`${field}.*${env}`));
  });

  it("reads the credentials from the environment when not passed", () => {
    vi.stubEnv("SEGMINT_USERNAME", "env-user");
    vi.stubEnv("SEGMINT_PASSWORD", "env-pass");
    expect(() => createSegmintClient()).not.toThrow();
  });

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

describe("in a browser", () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("refuses a client holding a secret without dangerouslyAllowBrowser, and creates it with", () => {
    vi.stubGlobal("document", {});
    const options = valid;
    const refused = (): unknown => createSegmintClient(options);
    expect(refused).toThrow(SegConfigError);
    expect(refused).toThrow(/^dangerouslyAllowBrowser: this segmint client is configured with a secret/);
    expect(() => createSegmintClient({ ...options, dangerouslyAllowBrowser: true })).not.toThrow();
  });
});
