// A body the spec takes as a form (`application/x-www-form-urlencoded`, no JSON) is sent as one, and
// one it takes as another JSON type (`application/merge-patch+json`) as JSON, each with that content
// type (`contentType` in the operation table), without the caller naming it; a caller's own content
// type wins, and every other operation still sends `application/json`.
import { startTestServer } from "@seg/test-server";
import { describe, expect, it } from "vitest";
import { SegConfigError } from "../src/index.ts";
import { acmeClient, settle } from "./fixtures/acme.ts";

const note = { params: { path: { id: "1" } }, body: { text: "a b&c=d", pinned: "true" as const } };

describe("a body the spec takes as a form", () => {
  it("is sent form-encoded with the form content type, the caller naming none", async () => {
    await using server = await startTestServer(() => ({ status: 201, json: { text: "a b&c=d" } }));
    const result = await acmeClient(server).POST("/things/{id}/notes", note);
    expect(result.response.status).toBe(201);
    expect(server.requests[0]?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(server.requests[0]?.body))).toEqual({ text: "a b&c=d", pinned: "true" });
  });

  it("keeps the caller's content type, and its headers object as it was", async () => {
    await using server = await startTestServer(() => ({ status: 201, json: { text: "x" } }));
    const headers = { "Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "x-trace": "t1" };
    await acmeClient(server).POST("/things/{id}/notes", { ...note, headers });
    expect(server.requests[0]?.headers["content-type"]).toBe("application/x-www-form-urlencoded; charset=utf-8");
    expect(server.requests[0]?.headers["x-trace"]).toBe("t1");
    expect(Object.fromEntries(new URLSearchParams(server.requests[0]?.body))).toEqual({ text: "a b&c=d", pinned: "true" });
    expect(headers).toEqual({ "Content-Type": "application/x-www-form-urlencoded; charset=utf-8", "x-trace": "t1" });
  });

  it("takes a Headers object too", async () => {
    await using server = await startTestServer(() => ({ status: 201, json: { text: "x" } }));
    const headers = new Headers({ "x-trace": "t2" });
    await acmeClient(server).POST("/things/{id}/notes", { ...note, headers });
    expect(server.requests[0]?.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(server.requests[0]?.headers["x-trace"]).toBe("t2");
    expect(headers.has("content-type")).toBe(false);
  });

  it("refuses a body that is not an object of fields, naming `body`, before sending", async () => {
    await using server = await startTestServer();
    const { error } = await settle(() => acmeClient(server).POST("/things/{id}/notes", { ...note, body: ["text"] as never }));
    expect(error).toBeInstanceOf(SegConfigError);
    expect(error).toMatchObject({ field: "body" });
    expect(server.requests).toHaveLength(0);
  });

  it("a body of another JSON type is sent as JSON with that type", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { id: "1", name: "x" } }));
    await acmeClient(server).PATCH("/things/{id}/labels", { params: { path: { id: "1" } }, body: { labels: { tier: "gold" } } });
    expect(server.requests[0]?.headers["content-type"]).toBe("application/merge-patch+json");
    expect(server.requests[0]?.json()).toEqual({ labels: { tier: "gold" } });
  });

  it("leaves every other operation's body JSON", async () => {
    await using server = await startTestServer(() => ({ status: 201, json: { id: "1", name: "x" } }));
    await acmeClient(server).POST("/things", { body: { name: "a b&c" } });
    expect(server.requests[0]?.headers["content-type"]).toBe("application/json");
    expect(server.requests[0]?.json()).toEqual({ name: "a b&c" });
  });
});
