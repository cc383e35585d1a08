import { describe, expect, it } from "vitest";
import { readSpec, serverEnvironments, serverHosts } from "../src/index.ts";

const server = (url: string, host: string, environment?: string) => ({ url, "x-seg-host": host, ...(environment ? { "x-seg-environment": environment } : {}) });

describe("servers", () => {
  it("reads Segmint's environments, production first, as one host", () => {
    const doc = readSpec("segmint");
    expect(serverHosts(doc.servers, "servers")).toEqual({ api: "https://dataservices.segmint.net" });
    expect(serverEnvironments(doc)).toEqual({
      production: { api: "https://dataservices.segmint.net" },
      stage: { api: "https://dataservices-stage.segmint.net" },
      demo: { api: "https://dataservices-demo.segmint.net" },
    });
  });

  it("keeps separate APIs apart from environments", () => {
    const doc = readSpec("segmetrics");
    expect(Object.keys(serverHosts(doc.servers, "servers"))).toEqual(["import", "track", "reporting"]);
    expect(serverEnvironments(doc)).toEqual({});
  });

  it("pairs each environment's hosts", () => {
    const servers = [server("https://a", "api", "live"), server("https://t", "track", "live"), server("https://a.test", "api", "test"), server("https://t.test", "track", "test")];
    expect(serverEnvironments({ servers })).toEqual({ live: { api: "https://a", track: "https://t" }, test: { api: "https://a.test", track: "https://t.test" } });
  });

  it("refuses servers that share a host without naming environments, or environments with a host missing", () => {
    expect(() => serverHosts([server("https://a", "api"), server("https://b", "api")], "servers")).toThrow(
      "servers: servers share x-seg-host api: name each one's environment with x-seg-environment, or give each API its own x-seg-host",
    );
    expect(() => serverEnvironments({ servers: [server("https://a", "api", "live"), server("https://t", "track", "live"), server("https://a.test", "api", "test")] })).toThrow(
      "environment test must have a server for each host (api, track)",
    );
    expect(() => serverEnvironments({ servers: [server("https://a", "api", "live"), server("https://t", "track")] })).toThrow("x-seg-environment must be on every root server or none");
  });
});
