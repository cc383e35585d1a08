// What @seg/core relies on in openapi-fetch 0.17 (pinned: frozen upstream since 2026-09-19), each
// named and proven against a real server, so a replacement or a patched copy that breaks one fails here.
import { startTestServer } from "@seg/test-server";
import { describe, expect, it } from "vitest";
import { SegConfigError } from "../src/index.ts";
import { acmeClient, settle } from "./fixtures/acme.ts";

describe("openapi-fetch, as @seg/core uses it", () => {
  it("calls the pathSerializer option to fill the path, so every path value passes core's check", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { id: "a", name: "b" } }));
    await acmeClient(server).GET("/things/{id}", { params: { path: { id: "a/b c" } } });
    expect(server.requests[0]?.path).toBe("/v1/acct_1/things/a%2Fb%20c");
    const { error } = await settle(() => acmeClient(server).GET("/things/{id}", { params: { path: { id: ".." } } }));
    expect(error).toBeInstanceOf(SegConfigError);
    expect(server.requests).toHaveLength(1);
  });

  it("calls the querySerializer option with the whole query object", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { items: [], page: 1, last_page: 1 } }));
    await acmeClient(server).GET("/things", { params: { query: { page: 2, "odd&name": "x y" } as never } });
    expect(server.requests[0]?.rawQuery).toBe("account=acct_1&page=2&odd%26name=x%20y");
  });

  it("calls the bodySerializer option with the call's merged headers as its second argument", async () => {
    await using server = await startTestServer(() => ({ status: 201, json: { id: "1", name: "x" } }));
    await acmeClient(server).POST("/things", { body: { name: "a b&c" }, headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(server.requests[0]?.body).toBe("name=a%20b%26c");
    expect(server.requests[0]?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
  });

  it("with parseAs 'stream' hands back an ok response without reading its body (core has read it)", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { id: "1", name: "Widget" } }));
    const result = await acmeClient(server).GET("/things/{id}", { params: { path: { id: "1" } } });
    expect(result.data).toEqual({ id: "1", name: "Widget" });
    expect(result.response.bodyUsed).toBe(true);
  });

  it("reads an error body itself (text, then JSON if it parses) after the transport returned", async () => {
    await using server = await startTestServer(() => ({ status: 404, json: { message: "no such thing" } }));
    const result = await acmeClient(server).GET("/things/{id}", { params: { path: { id: "1" } } });
    expect(result.error).toEqual({ message: "no such thing" });
  });
});
