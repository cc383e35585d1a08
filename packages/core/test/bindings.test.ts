import { sequence, startTestServer, type TestServer } from "@seg/test-server";
import { describe, expect, it } from "vitest";
import { version } from "../package.json" with { type: "json" };
import type { Middleware } from "openapi-fetch";
import { SegConfigError, createVendorClient, headerKeyAuth, unwrap, userAgent } from "../src/index.ts";
import { ACME_USER_AGENT, acmeClient, operations, servers, settle, type AcmePaths } from "./fixtures/acme.ts";

const THING = { id: "1", name: "Widget" };
const thing = { params: { path: { id: "1" } } };

/**
 * A `fetch` that sends every request to `server` instead of the spec's hosts (keeping the path and
 * query), and records the URL the client meant to reach.
 */
function redirectTo(server: TestServer, seen: string[]) {
  return async (request: Request): Promise<Response> => {
    seen.push(request.url);
    const url = new URL(request.url);
    return fetch(`${server.url}${url.pathname}${url.search}`, {
      method: request.method,
      headers: request.headers,
      body: request.body ? await request.arrayBuffer() : null,
      signal: request.signal,
    });
  };
}

/** An acme client on the spec's own server URLs (no baseUrls), redirected to `server`. */
function specClient(server: TestServer, seen: string[], variables: Record<string, string | undefined>) {
  return acmeClient(server, { baseUrls: undefined, variables, fetch: redirectTo(server, seen) });
}

describe("server URLs", () => {
  it.each([
    ["plain", "acct_1", "acct_1"],
    ["with spaces and slashes", "acme corp/eu", "acme%20corp%2Feu"],
    ["with reserved characters", "a?b#c&d=e", "a%3Fb%23c%26d%3De"],
    ["non-ASCII", "zürich", "z%C3%BCrich"],
  ])("fills a %s variable, percent-encoded", async (_name, value, encoded) => {
    await using server = await startTestServer(() => ({ status: 200, json: THING }));
    const seen: string[] = [];
    await specClient(server, seen, { account_id: value }).GET("/things/{id}", thing);
    expect(seen).toEqual([`https://api.acme.example/v1/${encoded}/things/1`]);
    expect(server.requests[0]!.path).toBe(`/v1/${encoded}/things/1`);
  });

  it("routes each operation to its host", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: {} }));
    const seen: string[] = [];
    const client = specClient(server, seen, { account_id: "acct_1" });
    await client.GET("/status");
    await client.GET("/things/{id}", thing);
    expect(seen).toEqual(["https://status.acme.example/status", "https://api.acme.example/v1/acct_1/things/1"]);
  });

  it("takes baseUrls per host, filling their variables", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: {} }));
    const client = acmeClient(server, {
      baseUrls: { api: `${server.url}/sandbox/{account_id}/`, public: `${server.url}/status-host` },
      variables: { account_id: "a/b" },
    });
    await client.GET("/things/{id}", thing);
    await client.GET("/status");
    expect(server.requests.map((request) => request.path)).toEqual(["/sandbox/a%2Fb/things/1", "/status-host/status"]);
  });

  it.each([
    ["absent", {}, {}, "account_id"],
    ["empty", { account_id: "" }, {}, "account_id"],
    ["only in a baseUrls template", { account_id: "acct_1" }, { api: "https://api.acme.example", public: "https://{region}.status.acme.example" }, "region"],
  ])("throws SegConfigError at construction when a server variable is %s", async (_name, variables, baseUrls, field) => {
    await using server = await startTestServer();
    let error: unknown;
    try {
      createVendorClient<AcmePaths>({
        vendor: "acme",
        servers,
        operations,
        variables,
        baseUrls,
        auth: headerKeyAuth({ header: "x-api-key", key: "key_123" }),
        userAgent: ACME_USER_AGENT,
        fetch: redirectTo(server, []),
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SegConfigError);
    expect(error).toMatchObject({ field });
    expect((error as Error).message).toContain(field);
    expect(server.requests).toHaveLength(0);
  });
});

describe("query bindings", () => {
  it("fills a bound query parameter the caller left out", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { items: [], page: 1, last_page: 1 } }));
    await acmeClient(server).GET("/things", { params: { query: { page: 2 } } });
    await acmeClient(server).GET("/things");
    expect(server.requests.map((request) => Object.fromEntries(request.query))).toEqual([{ page: "2", account: "acct_1" }, { account: "acct_1" }]);
  });

  it("refuses a caller's value that differs from the configured one, and takes an equal one", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { items: [], page: 1, last_page: 1 } }));
    const { error } = await settle(() => acmeClient(server).GET("/things", { params: { query: { account: "other" } } }));
    expect(error).toBeInstanceOf(SegConfigError);
    expect(error).toMatchObject({ field: "params.query.account" });
    expect(server.requests).toHaveLength(0);
    await acmeClient(server).GET("/things", { params: { query: { account: "acct_1" } } });
    expect(server.requests[0]!.query.getAll("account")).toEqual(["acct_1"]);
  });

  it("takes the caller's value where the client has none", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { items: [], page: 1, last_page: 1 } }));
    const client = acmeClient(server, { baseUrls: { api: `${server.url}/v1`, public: `${server.url}/public` }, variables: {} });
    await client.GET("/things", { params: { query: { account: "mine" } } });
    expect(server.requests[0]!.query.getAll("account")).toEqual(["mine"]);
  });

  it("rejects with SegConfigError, sending nothing, when a bound value is configured nowhere", async () => {
    await using server = await startTestServer();
    const client = acmeClient(server, { baseUrls: { api: `${server.url}/v1`, public: `${server.url}/public` }, variables: {} });
    let call: Promise<unknown> | undefined;
    expect(() => {
      call = client.GET("/reports/{report}", { params: { path: { report: "r" }, query: { from: "2024" } } });
    }).not.toThrow();
    const { error } = await settle(() => call!);
    expect(error).toBeInstanceOf(SegConfigError);
    expect(error).toMatchObject({ field: "params.query.account" });
    // It says how to configure it: the option named after the bound value, and its environment variable.
    expect((error as Error).message).toBe(
      "params.query.account: has no value: pass it per call, or give the client its `accountId` option or the ACME_ACCOUNT_ID environment variable",
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe("user agent", () => {
  it("is sent on every request", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: THING }));
    await acmeClient(server).GET("/things/{id}", thing);
    await acmeClient(server).GET("/status");
    expect(server.requests.map((request) => request.headers["user-agent"])).toEqual([ACME_USER_AGENT, ACME_USER_AGENT]);
  });

  it("yields to a caller's header", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: THING }));
    await acmeClient(server).GET("/things/{id}", { ...thing, headers: { "User-Agent": "my-app/2.0" } });
    expect(server.requests[0]!.headers["user-agent"]).toBe("my-app/2.0");
  });

  it("names the vendor package and this core", () => {
    expect(userAgent({ name: "@acme/sdk", version: "1.2.3" })).toBe(`@acme/sdk/1.2.3 @seg/core/${version}`);
  });
});

describe("operations", () => {
  it("reads a parseAs: 'text' operation's body as text", async () => {
    await using server = await startTestServer(() => ({ status: 200, headers: { "content-type": "text/csv" }, body: "id,name\n1,Widget\n" }));
    expect(unwrap(await acmeClient(server).GET("/export"))).toBe("id,name\n1,Widget\n");
  });

  it.each([
    ["GET", 3],
    ["PUT", 3],
    ["DELETE", 3],
    ["POST", 1],
  ] as const)("an undocumented %s goes to the default host with HTTP's retry safety (%i requests on 503)", async (method, requests) => {
    await using server = await startTestServer(sequence({ status: 503 }));
    const { response } = await acmeClient(server).undocumented(method, "/undocumented/thing");
    expect(response.status).toBe(503);
    expect(server.requests).toHaveLength(requests);
    expect(server.requests[0]!.path).toBe("/v1/acct_1/undocumented/thing");
  });

  it("undocumented() on a documented path uses that operation's row", async () => {
    await using server = await startTestServer(sequence({ status: 503 }));
    const result = await acmeClient(server).undocumented("POST", "/things", { body: { name: "x" } });
    expect(server.requests).toHaveLength(1);
    expect(() => unwrap(result)).toThrow(expect.objectContaining({ operation: "createThing", status: 503 }) as Error);
  });

  it("sends undocumented paths to defaultHost when given", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: {} }));
    await acmeClient(server, { defaultHost: "public" }).undocumented("GET", "/undocumented");
    expect(server.requests[0]!.path).toBe("/public/undocumented");
  });

  it("serialises queries the way the vendor configures", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: {} }));
    const client = acmeClient(server, { querySerializer: { array: { style: "form", explode: false } } });
    await client.undocumented("GET", "/undocumented", { params: { query: { tags: ["a", "b"] } } });
    expect(server.requests[0]!.rawQuery).toBe("tags=a,b");
  });
});

describe("middleware", () => {
  it("runs once per call, before retries, and what it sets reaches every attempt", async () => {
    await using server = await startTestServer(sequence({ status: 503 }, "reset", { status: 200, json: THING }));
    let calls = 0;
    const tag: Middleware = {
      onRequest({ request }) {
        calls++;
        request.headers.set("x-trace", "trace-1");
        return request;
      },
    };
    expect(unwrap(await acmeClient(server, { middleware: [tag] }).GET("/things/{id}", thing))).toEqual(THING);
    expect(calls).toBe(1);
    expect(server.requests.map((request) => request.headers["x-trace"])).toEqual(["trace-1", "trace-1", "trace-1"]);
  });

  it("can be added and removed with use() and eject()", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: THING }));
    const client = acmeClient(server);
    const tag: Middleware = {
      onRequest({ request }) {
        request.headers.set("x-trace", "on");
      },
    };
    client.use(tag);
    await client.GET("/things/{id}", thing);
    client.eject(tag);
    await client.GET("/things/{id}", thing);
    expect(server.requests.map((request) => request.headers["x-trace"])).toEqual(["on", undefined]);
  });
});
