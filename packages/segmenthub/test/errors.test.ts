// Every status the docs list (400, 401, 403, 404 for an unknown or suspended account, 415, 500), for
// every operation: the result carries the typed error body, and `unwrap` throws a `SegApiError` of
// the right kind naming the vendor and the operation.
import { SegApiError, unwrap, type components } from "../src/index.ts";
import type { TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { clientWithServer } from "./harness.ts";
import { cases } from "./operations.ts";

type ErrorResponse = components["schemas"]["ErrorResponse"];

/** Each documented status, the body a server sends with it (the docs' wording) and its kind. */
const statuses: [number, ErrorResponse, SegApiError["kind"]][] = [
  [400, { status: 400, message: "The request was malformed or missing required parameters.", errors: ["visitorId is required"] }, "bad_request"],
  [401, { status: 401, message: "The API token provided was invalid or missing.", errors: [] }, "unauthorized"],
  [403, { status: 403, message: "The client does not have access rights to the content.", errors: [] }, "forbidden"],
  [404, { status: 404, message: "Account not found.", errors: [] }, "not_found"],
  [404, { status: 404, message: "Account suspended.", errors: [] }, "not_found"],
  [415, { status: 415, message: "API is only willing to process application/json.", errors: [] }, "unsupported_media_type"],
  [500, { status: 500, message: "An unexpected error occurred on the server.", errors: [] }, "server_error"],
];

const table = Object.entries(cases).flatMap(([name, operation]) =>
  statuses.map(([status, body, kind]) => [`${name} → ${status} ${body.message ?? ""}`, operation, status, body, kind] as const),
);

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("documented error responses", () => {
  it.each(table)("%s", async (_name, { call, operationId, path }, status, body, kind) => {
    const started = await clientWithServer(() => ({ status, json: body, headers: { "x-request-id": "req-77" } }), { retry: false });
    server = started.server;

    const result = await call(started.client);
    expect(result.data).toBeUndefined();
    expect(result.response.status).toBe(status);
    expect(result.error).toEqual(body);

    let thrown: unknown;
    try {
      unwrap(result);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SegApiError);
    expect(thrown).toMatchObject({
      kind,
      status,
      body,
      vendor: "segmenthub",
      operation: operationId,
      method: "POST",
      url: `${server.url}${path}`,
      requestId: "req-77",
      attempts: 1,
    });
    expect((thrown as Error).message).toContain(`segmenthub ${operationId} failed: HTTP ${status}`);
  });

  it("an error body that is not JSON (a proxy's HTML page) is kept as text", async () => {
    const started = await clientWithServer(() => ({ status: 502, body: "<h1>Bad Gateway</h1>", headers: { "content-type": "text/html" } }), {
      retry: false,
    });
    server = started.server;
    const result = await started.client.POST("/profiles/query", { body: { profileId: "p1" } });
    expect(() => unwrap(result)).toThrow(expect.objectContaining({ kind: "server_error", status: 502, body: "<h1>Bad Gateway</h1>" }) as Error);
  });
});
