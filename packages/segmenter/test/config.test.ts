// Configuration: the API key and the base URL (which Segmenter does not publish, so it has no
// default) are checked when the client is created, with errors naming the option and its variable.
// The key's own checks and the browser refusal: conformance.test.ts.
import { startTestServer } from "@seg/test-server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createSegmenterClient, SegConfigError } from "../src/index.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

function configError(attempt: () => unknown): SegConfigError {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(SegConfigError);
    return error as SegConfigError;
  }
  throw new Error("expected a SegConfigError");
}

describe("required configuration", () => {
  it.each([
    ["baseUrl", "SEGMENTER_BASE_URL", { apiKey: "k" }],
  ])("a missing %s is a SegConfigError naming the option and %s (a missing key: conformance.test.ts)", (field, env, options) => {
    vi.stubEnv("SEGMENTER_API_KEY", undefined);
    vi.stubEnv("SEGMENTER_BASE_URL", undefined);
    const error = configError(() => createSegmenterClient(options));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(new RegExp(`^${field}: is required.*${env}`));
  });

  it("says why there is no default base URL", () => {
    vi.stubEnv("SEGMENTER_BASE_URL", undefined);
    expect(configError(() => createSegmenterClient({ apiKey: "k" })).message).toMatch(/does not publish its base URL/);
  });

  it.each([
    ["apiKey", { apiKey: "   ", baseUrl: "https://segmenter.example.com" }],
    ["baseUrl", { apiKey: "k", baseUrl: "  " }],
    ["baseUrl", { apiKey: "k", baseUrl: "" }],
  ])("a blank %s is as missing as an absent one", (field, options) => {
    vi.stubEnv("SEGMENTER_API_KEY", undefined);
    vi.stubEnv("SEGMENTER_BASE_URL", undefined);
    expect(configError(() => createSegmenterClient(options)).field).toBe(field);
  });

  it("reads both from the environment, and options win over it", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { data: { id: "s" }, errorMessage: "" } }));
    vi.stubEnv("SEGMENTER_API_KEY", "env-key");
    vi.stubEnv("SEGMENTER_BASE_URL", `${server.url}/from-env`);

    await createSegmenterClient().createSegment({ name: "A" });
    await createSegmenterClient({ apiKey: "option-key", baseUrl: `${server.url}/from-option` }).createSegment({ name: "A" });

    expect(server.requests.map((r) => [r.path, r.headers["x-api-key"]])).toEqual([
      ["/from-env/segments", "env-key"],
      ["/from-option/segments", "option-key"],
    ]);
  });
});

describe("baseUrl must be an absolute http(s) URL that paths can be appended to", () => {
  it.each([
    ["no scheme", "segmenter.example.com/api", /must be an absolute http\(s\) URL/],
    ["a relative path", "/segmenter/v1", /must be an absolute http\(s\) URL/],
    ["another scheme", "ftp://segmenter.example.com", /must be an absolute http\(s\) URL/],
    ["a key pasted by mistake", "sgklive:7f3a9", /must be an absolute http\(s\) URL/],
    ["credentials in the URL", "https://ops:s3cr3tpw@segmenter.example.com", /must not carry credentials/],
    ["a query string", "https://segmenter.example.com/api?tenant=1", /must not have a query string or fragment/],
    ["an empty query string", "https://segmenter.example.com/api?", /must not have a query string/],
    ["a fragment", "https://segmenter.example.com/api#x", /must not have a query string or fragment/],
  ])("%s is refused at construction, without echoing the value", (_name, baseUrl, reason) => {
    const error = configError(() => createSegmenterClient({ apiKey: "k", baseUrl }));
    expect(error.field).toBe("baseUrl");
    expect(error.message).toMatch(reason);
    // The value may hold a secret (credentials, or an API key in the wrong option).
    const host = /\/\/(?:[^@/]*@)?([^/?#]+)/.exec(baseUrl)?.[1];
    for (const part of ["s3cr3tpw", "7f3a9", "tenant", ...(host ? [host] : [])]) expect(error.message).not.toContain(part);
  });
});

describe("paths are appended to the base URL and its prefix", () => {
  it.each([
    ["no prefix", "", "/segments"],
    ["a prefix", "/segmenter/v1", "/segmenter/v1/segments"],
    ["a trailing slash", "/segmenter/v1/", "/segmenter/v1/segments"],
    ["several trailing slashes", "/api//", "/api/segments"],
    ["a bare trailing slash", "/", "/segments"],
    ["characters a path must encode", "/tenant {a} b", "/tenant%20%7Ba%7D%20b/segments"],
  ])("%s", async (_name, prefix, path) => {
    await using server = await startTestServer(() => ({ status: 200, json: { data: { isUpdated: true }, errorMessage: "" } }));
    const client = createSegmenterClient({ apiKey: "k", baseUrl: `${server.url}${prefix}` });
    await client.createSegment({ name: "A" });
    await client.updateSegment({ id: "s", persons: [{ externalId: "p" }] });
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${path}`, `PUT ${path}`]);
  });

  it("accepts an https base URL with a port (the host is lower-cased, as URLs are)", async () => {
    const asked: string[] = [];
    await using server = await startTestServer(() => ({ status: 200, json: {} }));
    const client = createSegmenterClient({
      apiKey: "k",
      baseUrl: "https://Segmenter.Example.com:8443/api/v1",
      fetch: (request) => {
        asked.push(request.url);
        const local = new URL(request.url);
        return fetch(new Request(`${server.url}${local.pathname}`, request));
      },
    });
    await client.createSegment({ name: "A" });
    expect(asked).toEqual(["https://segmenter.example.com:8443/api/v1/segments"]);
  });
});
