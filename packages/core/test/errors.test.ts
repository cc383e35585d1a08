import { startTestServer, type Reply, type TestServer } from "@seg/test-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  SegApiError,
  SegConfigError,
  SegConnectionError,
  SegError,
  SegTimeoutError,
  apiErrorKind,
  unwrap,
  type SegApiErrorKind,
} from "../src/index.ts";
import type * as ErrorsModule from "../src/errors.ts";
import { acmeClient } from "./fixtures/acme.ts";

const HTML_502 = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>";

let server: TestServer;
beforeAll(async () => {
  // GET /v1/acct_1/things/<status> answers <status>; "html502" answers a proxy's HTML page.
  server = await startTestServer((request): Reply => {
    const id = request.path.split("/").pop() ?? "";
    if (id === "html502") return { status: 502, headers: { "content-type": "text/html" }, body: HTML_502 };
    if (id === "ok") return { status: 200, json: { id: "ok", name: "Widget" } };
    if (id === "gone") return { status: 204 };
    const status = Number(id);
    return { status, headers: { "x-request-id": `req-${id}` }, json: { message: `failed with ${id}`, code: `E${id}` } };
  });
});
afterAll(() => server.close());

describe("results", () => {
  it("keeps openapi-fetch's { data, response } on success, and unwrap returns data", async () => {
    const result = await acmeClient(server).GET("/things/{id}", { params: { path: { id: "ok" } } });
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual({ id: "ok", name: "Widget" });
    expect(result.response.status).toBe(200);
    expect(result.response.headers.get("content-type")).toBe("application/json");
    expect(unwrap(result)).toEqual({ id: "ok", name: "Widget" });
  });

  it("returns undefined data for a 204, and unwrap does not throw", async () => {
    const result = await acmeClient(server).DELETE("/things/{id}", { params: { path: { id: "gone" } } });
    expect(result.response.status).toBe(204);
    expect(result.data).toBeUndefined();
    // eslint-disable-next-line @typescript-eslint/no-confusing-void-expression -- a 204's data is undefined: that is the point
    expect(unwrap(result)).toBeUndefined();
  });

  it("keeps openapi-fetch's { error, response } on an error status", async () => {
    const result = await acmeClient(server, { retry: false }).GET("/things/{id}", { params: { path: { id: "404" } } });
    expect(result.data).toBeUndefined();
    expect(result.error).toEqual({ message: "failed with 404", code: "E404" });
    expect(result.response.status).toBe(404);
    expect(result.response.headers.get("x-request-id")).toBe("req-404");
  });
});

describe("unwrap() throws a SegApiError", () => {
  const cases: [number, SegApiErrorKind][] = [
    [400, "bad_request"],
    [401, "unauthorized"],
    [403, "forbidden"],
    [404, "not_found"],
    [409, "client_error"],
    [415, "unsupported_media_type"],
    [418, "client_error"],
    [422, "client_error"],
    [429, "rate_limited"],
    [500, "server_error"],
    [503, "server_error"],
    [504, "server_error"],
  ];

  it.each(cases)("HTTP %i → kind %s, with the call's context and parsed body", async (status, kind) => {
    const client = acmeClient(server, { retry: false });
    const result = await client.GET("/things/{id}", { params: { path: { id: String(status) } } });
    const error = caught(() => unwrap(result));
    expect(error).toBeInstanceOf(SegApiError);
    expect(error).toBeInstanceOf(SegError);
    expect(error).toMatchObject({
      name: "SegApiError",
      vendor: "acme",
      operation: "getThing",
      method: "GET",
      url: `${server.url}/v1/acct_1/things/${status}`,
      status,
      kind,
      body: { message: `failed with ${status}`, code: `E${status}` },
      requestId: `req-${status}`,
      attempts: 1,
    });
    expect(error.message).toContain(`acme getThing failed: HTTP ${status}`);
    expect(error.message).toContain(`(request id req-${status})`);
    expect(error.message).toContain("after 1 attempt:");
  });

  it("keeps an HTML 502 page as text and counts every attempt", async () => {
    const client = acmeClient(server, { retry: { maxRetries: 2, baseDelayMs: 1 } });
    const result = await client.GET("/things/{id}", { params: { path: { id: "html502" } } });
    expect(result.error).toBe(HTML_502);
    const error = caught(() => unwrap(result));
    expect(error).toMatchObject({ status: 502, kind: "server_error", body: HTML_502, requestId: undefined, attempts: 3 });
    expect(error.message).toContain("after 3 attempts: <html>");
  });

  it("serialises to a plain object with the same fields", async () => {
    const client = acmeClient(server, { retry: false });
    const result = await client.GET("/things/{id}", { params: { path: { id: "403" } } });
    const error = caught(() => unwrap(result));
    expect(JSON.parse(JSON.stringify(error))).toEqual({
      name: "SegApiError",
      message: error.message,
      kind: "forbidden",
      status: 403,
      body: { message: "failed with 403", code: "E403" },
      requestId: "req-403",
      vendor: "acme",
      operation: "getThing",
      method: "GET",
      url: `${server.url}/v1/acct_1/things/403`,
      attempts: 1,
    });
  });
});

describe("statuses outside HTTP's range", () => {
  it.each([600, 999])("a %i is a SegApiError whose message says the status is not HTTP's", async (status) => {
    const result = await acmeClient(server).GET("/things/{id}", { params: { path: { id: String(status) } }, retry: false });
    let error: unknown;
    try {
      unwrap(result);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SegApiError);
    expect(error).toMatchObject({ status, kind: "server_error" });
    expect((error as Error).message).toContain(`HTTP ${status} (outside HTTP's 200–599)`);
  });
});

describe("apiErrorKind()", () => {
  it.each([
    [400, "bad_request"],
    [402, "client_error"],
    [499, "client_error"],
    [500, "server_error"],
    [599, "server_error"],
  ] as const)("%i → %s", (status, kind) => {
    expect(apiErrorKind(status)).toBe(kind);
  });
});

describe("instanceof across two copies of @seg/core", () => {
  const context = { vendor: "acme", operation: "getThing", method: "GET", url: "https://api.acme.example", attempts: 1 };

  it("recognises errors built by a second copy of the error classes", async () => {
    // A query string makes the loader evaluate errors.ts a second time: new, distinct classes.
    const specifier = "../src/errors.ts?copy";
    const copyB = (await import(/* @vite-ignore */ specifier)) as typeof ErrorsModule;
    expect(copyB.SegApiError).not.toBe(SegApiError);

    const fromB = new copyB.SegApiError({ ...context, status: 404, statusText: "Not Found", body: { message: "nope" } });
    expect(fromB instanceof SegApiError).toBe(true);
    expect(fromB instanceof SegError).toBe(true);
    expect(fromB instanceof SegTimeoutError).toBe(false);
    expect(new SegApiError({ ...context, status: 500, statusText: "", body: "" }) instanceof copyB.SegApiError).toBe(true);

    const timeoutB = new copyB.SegTimeoutError(context, "attempt", 5);
    expect(timeoutB instanceof SegTimeoutError).toBe(true);
    expect(timeoutB instanceof SegError).toBe(true);
    expect(timeoutB instanceof SegApiError).toBe(false);
    expect(new copyB.SegConfigError("apiKey", "is required") instanceof SegConfigError).toBe(true);
    expect(new copyB.SegConfigError("apiKey", "is required") instanceof SegConnectionError).toBe(false);
  });

  it("does not mistake other values for seg errors", () => {
    for (const value of [new Error("x"), new TypeError("x"), { message: "x" }, null, undefined, "SegApiError", 42]) {
      expect(value instanceof SegError).toBe(false);
      expect(value instanceof SegApiError).toBe(false);
    }
  });

  it("unwraps a response from a client built by a whole second module graph", async () => {
    vi.resetModules();
    const copyB = await import("../src/index.ts");
    expect(copyB.SegApiError).not.toBe(SegApiError);

    const clientB = copyB.createVendorClient<object>({
      vendor: "acme",
      servers: { api: `${server.url}/v1/acct_1` },
      operations: { "GET /things/{id}": { operationId: "getThing", host: "api", idempotent: true } },
      auth: copyB.noAuth,
      userAgent: "test",
      retry: false,
    });
    const resultB = await clientB.undocumented("GET", "/things/{id}", { params: { path: { id: "404" } } });

    // Copy B's own unwrap, caught as copy A's class.
    const errorB = caught(() => copyB.unwrap(resultB));
    expect(errorB instanceof SegApiError).toBe(true);
    expect(errorB).toMatchObject({ vendor: "acme", operation: "getThing", status: 404, kind: "not_found", requestId: "req-404" });

    // Copy A's unwrap on copy B's response still knows the call it came from.
    const errorA = caught(() => unwrap(resultB));
    expect(errorA instanceof copyB.SegApiError).toBe(true);
    expect(errorA).toMatchObject({ vendor: "acme", operation: "getThing", status: 404, requestId: "req-404", attempts: 1 });
  });
});

/** The SegApiError that `run` throws; fails the test if it throws nothing or something else. */
function caught(run: () => unknown): SegApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof SegApiError) return error;
    throw error;
  }
  throw new Error("expected a SegApiError, but nothing was thrown");
}
