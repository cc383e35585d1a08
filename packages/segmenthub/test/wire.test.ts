// For every documented SegmentHub operation: the request that reaches a real server is what the docs
// specify — POST, the path, an `application/json` body with the account (and, where the operation
// needs it, the token) filled in — and the documented success body comes back as `data`.
import type { TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { ACCOUNT, clientWithServer, TOKEN } from "./harness.ts";
import { cases } from "./operations.ts";

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("wire format of every documented operation (the docs' examples)", () => {
  it.each(Object.entries(cases))("%s", async (_name, { call, path, wire, needsToken, reply }) => {
    const started = await clientWithServer(() => ({ status: 200, json: reply }));
    server = started.server;

    const result = await call(started.client);

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe("POST");
    expect(request?.path).toBe(path);
    expect(request?.rawQuery).toBe("");
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["user-agent"]).toMatch(/^@seg\/segmenthub\/\S+ @seg\/core\/\S+$/);
    expect(request?.json()).toEqual(wire);
    const sent = request?.json() as Record<string, unknown>;
    expect(sent.account).toBe(ACCOUNT);
    // The token travels in the body of the calls that need it, and nowhere else.
    if (needsToken) expect(sent.token).toBe(TOKEN);
    else expect(sent).not.toHaveProperty("token");
    expect(`${request?.path}?${request?.rawQuery}`).not.toContain(TOKEN);
    expect(JSON.stringify(request?.headers)).not.toContain(TOKEN);

    expect(result.error).toBeUndefined();
    expect(result.data).toEqual(reply);
  });
});

describe("bound body fields", () => {
  it("refuses an account the caller passes in place of the configured one, sending nothing", async () => {
    const started = await clientWithServer(() => ({ status: 200, json: {} }));
    server = started.server;
    const refused = { name: "SegConfigError", field: "body.account" };
    await expect(started.client.fireEvent({ account: "other-account", event: "pageView", visitorId: "v1", platform: "www.example.com" })).rejects.toMatchObject(refused);
    await expect(started.client.POST("/visitors/query", { body: { account: "other-account", visitorId: "v1" } })).rejects.toMatchObject(refused);
    expect(server.requests).toHaveLength(0);
  });

  it("sends the configured token with an event only when asked (withToken)", async () => {
    const started = await clientWithServer(() => ({ status: 200, json: {} }));
    server = started.server;
    const body = { event: "productView", visitorId: "v1", platform: "www.example.com", sku: "SKU-1" } as const;
    await started.client.fireEvent(body);
    await started.client.fireEvent(body, { withToken: true });
    expect(server.requests.map((request) => request.json())).toEqual([
      { ...body, account: ACCOUNT },
      { ...body, account: ACCOUNT, token: TOKEN },
    ]);
  });

  it("passes per-call options through fireEvent (headers, signal)", async () => {
    const started = await clientWithServer(() => ({ status: 200, json: {} }));
    server = started.server;
    await started.client.fireEvent(
      { event: "pageView", visitorId: "v1", platform: "p" },
      { headers: { "x-trace": "t-1" }, signal: new AbortController().signal },
    );
    expect(server.requests[0]?.headers["x-trace"]).toBe("t-1");
  });

  it("rejects with the caller's reason when the caller aborts", async () => {
    const started = await clientWithServer(() => "hang");
    server = started.server;
    const controller = new AbortController();
    const call = started.client.fireEvent({ event: "pageView", visitorId: "v1", platform: "p" }, { signal: controller.signal });
    setTimeout(() => {
      controller.abort(new Error("user left"));
    }, 20);
    await expect(call).rejects.toThrow("user left");
  });
});
