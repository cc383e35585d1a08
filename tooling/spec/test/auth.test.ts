import { describe, expect, it } from "vitest";
import { credentialOf, readSpec, specVendors } from "../src/index.ts";

const spec = (extra: Record<string, unknown>): Record<string, unknown> => ({ openapi: "3.1.0", paths: {}, ...extra });
const schemes = (securitySchemes: Record<string, unknown>) => ({ components: { securitySchemes } });

describe("credentialOf", () => {
  it("reads each vendor spec's credential", () => {
    const found = Object.fromEntries(specVendors().map((vendor) => [vendor, credentialOf(readSpec(vendor))]));
    expect(found).toEqual({
      segmenter: { kind: "header", scheme: "apiKey", header: "x-api-key" },
      segmenthub: { kind: "body", bind: "token" },
      segmetrics: { kind: "header", scheme: "apiKey", header: "Authorization" },
      segmint: { kind: "exchange", scheme: "bearerAuth", basicScheme: "basicAuth", operation: "POST /auth/v1/token" },
    });
  });

  it("reads bearer and basic schemes without an exchange", () => {
    expect(credentialOf(spec({ security: [{ b: [] }], ...schemes({ b: { type: "http", scheme: "Bearer" } }) }))).toEqual({ kind: "bearer", scheme: "b" });
    expect(credentialOf(spec({ security: [{ b: [] }], ...schemes({ b: { type: "http", scheme: "basic" } }) }))).toEqual({ kind: "basic", scheme: "b" });
    expect(credentialOf(spec({ security: [] }))).toEqual({ kind: "none" });
  });

  it("refuses what seg cannot send, saying what to change", () => {
    expect(() => credentialOf(spec({ security: [{ k: [] }], ...schemes({ k: { type: "apiKey", in: "query", name: "key" } }) }))).toThrow(
      /apiKey query is not supported: seg sends keys in a header/,
    );
    expect(() => credentialOf(spec({ security: [{ o: [] }], ...schemes({ o: { type: "oauth2", flows: {} } }) }))).toThrow(/type oauth2 is not supported/);
    expect(() => credentialOf(spec({ security: [{ a: [] }, { b: [] }], ...schemes({ a: { type: "http", scheme: "basic" }, b: { type: "http", scheme: "bearer" } }) }))).toThrow(
      /names a, b: seg sends one credential per vendor/,
    );
    expect(() => credentialOf(spec({ security: [{ missing: [] }] }))).toThrow(/security missing: names no entry of components.securitySchemes/);
  });
});
