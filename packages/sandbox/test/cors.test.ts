import { describe, expect, it } from "vitest";
import { call, useSandbox } from "./harness.ts";

const sandbox = await useSandbox();
const ORIGIN = "http://app.example.com";
const preflight = (path: string, method: string, headers: string) =>
  call(sandbox, "OPTIONS", path, { headers: { origin: ORIGIN, "access-control-request-method": method, "access-control-request-headers": headers } });

describe("CORS", () => {
  it("answers a preflight with the vendor's methods and only Content-Type and its credential header", async () => {
    const hub = await preflight("/segmenthub/campaigns/query", "POST", "content-type");
    expect(hub.status).toBe(204);
    expect(hub.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(hub.headers.get("access-control-allow-methods")).toBe("POST");
    expect(hub.headers.get("access-control-allow-headers")).toBe("content-type");

    const segmenter = await preflight("/segmenter/segments", "PUT", "content-type, x-api-key");
    expect(segmenter.headers.get("access-control-allow-methods")?.split(", ").sort()).toEqual(["POST", "PUT"]);
    expect(segmenter.headers.get("access-control-allow-headers")).toBe("content-type, x-api-key");

    const track = await preflight("/segmetrics/track/identify", "GET", "user-agent");
    expect(track.headers.get("access-control-allow-headers")).toBe("content-type, authorization");
    expect(track.headers.get("access-control-allow-headers")).not.toMatch(/user-agent/);
  });

  it("lets a page read a response: the origin is allowed and the request id exposed; nothing is sent without an Origin", async () => {
    const withOrigin = await call(sandbox, "POST", "/segmenthub/campaigns/query", {
      headers: { origin: ORIGIN },
      body: { account: "acc-1", event: "pageView", visitorId: "v1", platform: "www.example.com" },
    });
    expect(withOrigin.status).toBe(200);
    expect(withOrigin.headers.get("access-control-allow-origin")).toBe(ORIGIN);
    expect(withOrigin.headers.get("access-control-expose-headers")).toMatch(/x-request-id/);
    const without = await call(sandbox, "GET", "/__sandbox/faults");
    expect(without.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("an OPTIONS without a preflight's request method is no preflight: the vendor answers it", async () => {
    const plain = await call(sandbox, "OPTIONS", "/segmenthub/campaigns/query", { headers: { origin: ORIGIN } });
    expect(plain.status).not.toBe(204);
    expect(plain.headers.get("access-control-allow-methods")).toBeNull();
  });
});
