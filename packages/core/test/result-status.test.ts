// Every result carries the response's status beside openapi-fetch's data, error and response, so
// callers can narrow on it (the types: types.test-d.ts).
import { startTestServer } from "@seg/test-server";
import { describe, expect, it } from "vitest";
import { acmeClient } from "./fixtures/acme.ts";

const thing = { params: { path: { id: "1" } } };

describe("result.status", () => {
  it.each([
    ["a documented success", 200, { id: "1", name: "Widget" }, "data"],
    ["a documented error", 404, { message: "no thing 1" }, "error"],
    ["an undocumented error", 418, { message: "teapot" }, "error"],
    ["an undocumented success", 203, { id: "1", name: "Widget" }, "data"],
  ] as const)("is the status of %s, next to its body", async (_name, status, json, side) => {
    await using server = await startTestServer(() => ({ status, json }));
    const result = await acmeClient(server, { retry: false }).GET("/things/{id}", thing);
    expect(result.status).toBe(status);
    expect(result.response.status).toBe(status);
    expect(side === "data" ? result.data : result.error).toEqual(json);
    expect(side === "data" ? result.error : result.data).toBeUndefined();
  });

  it("is the status of the last attempt after retries", async () => {
    let calls = 0;
    await using server = await startTestServer(() => (++calls < 3 ? { status: 503, json: { message: "busy" } } : { status: 200, json: { id: "1", name: "Widget" } }));
    const result = await acmeClient(server).GET("/things/{id}", thing);
    expect(calls).toBe(3);
    expect(result.status).toBe(200);
  });

  it("is set on a 204 without a body, and on undocumented calls", async () => {
    await using server = await startTestServer((request) => (request.method === "DELETE" ? { status: 204 } : { status: 409, json: { message: "busy" } }));
    const client = acmeClient(server, { retry: false });
    const deleted = await client.DELETE("/things/{id}", thing);
    expect(deleted).toMatchObject({ status: 204, data: undefined });
    const other = await client.undocumented("POST", "/elsewhere", { body: { any: "thing" } });
    expect(other).toMatchObject({ status: 409, error: { message: "busy" } });
  });
});
