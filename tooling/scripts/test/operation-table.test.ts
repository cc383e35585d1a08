import { describe, expect, it } from "vitest";
import { operationTable } from "../src/operation-table.ts";

const base = (paths: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  openapi: "3.1.0",
  servers: [{ url: "https://api.example.test/{tenant}", "x-seg-host": "api" }],
  paths,
  ...extra,
});
const ok = { "200": { description: "ok", content: { "application/json": { schema: {} } } } };

describe("operationTable", () => {
  it("records host, retry safety, anonymous calls, text bodies and bindings", () => {
    const table = operationTable(
      base(
        {
          "/things/{id}": {
            get: { operationId: "getThing", "x-seg-idempotent": true, responses: ok },
            post: {
              operationId: "track",
              "x-seg-idempotent": false,
              security: [],
              servers: [{ url: "https://track.example.test", "x-seg-host": "track" }],
              parameters: [{ $ref: "#/components/parameters/Account" }],
              requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Body" } } } },
              responses: { "200": { description: "ok", content: { "*/*": { schema: {} } } } },
            },
          },
        },
        {
          components: {
            parameters: { Account: { name: "account_id", in: "query", "x-seg-bind": "accountId" } },
            schemas: {
              Token: { type: "string" },
              // x-seg-bind may sit beside a $ref (OpenAPI 3.1).
              Body: { oneOf: [{ properties: { token: { $ref: "#/components/schemas/Token", "x-seg-bind": "token" } } }, { allOf: [{ properties: { account: { "x-seg-bind": "account" } } }] }] },
            },
          },
        },
      ),
    );
    expect(table.servers).toEqual({ api: "https://api.example.test/{tenant}", track: "https://track.example.test" });
    expect(table.operations).toEqual({
      "GET /things/{id}": { operationId: "getThing", host: "api", idempotent: true },
      "POST /things/{id}": {
        operationId: "track",
        host: "track",
        idempotent: false,
        anonymous: true,
        parseAs: "text",
        bind: { query: { account_id: "accountId" }, body: { token: "token", account: "account" } },
      },
    });
  });

  it.each([
    ["no x-seg-idempotent", { get: { operationId: "a", responses: ok } }, /x-seg-idempotent/],
    ["no operationId", { get: { "x-seg-idempotent": true, responses: ok } }, /operationId/],
    ["a server without x-seg-host", { get: { operationId: "a", "x-seg-idempotent": true, servers: [{ url: "https://x" }], responses: ok } }, /x-seg-host/],
  ])("refuses a spec with %s", (_name, item, message) => {
    expect(() => operationTable(base({ "/a": item }))).toThrow(message);
  });
});
