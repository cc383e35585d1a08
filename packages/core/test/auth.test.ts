import { sequence, startTestServer, type Handler, type TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  basicAuth,
  optionalCredential,
  SegApiError,
  SegConfigError,
  bodyTokenAuth,
  headerKeyAuth,
  noAuth,
  requireCredential,
  tokenExchangeAuth,
  unwrap,
  type AuthStrategy,
  type TokenExchangeOptions,
} from "../src/index.ts";
import { acmeClient, acmeTokenExchange, exchanges, routes, settle } from "./fixtures/acme.ts";

const THING = { id: "1", name: "Widget" };
const thing = { params: { path: { id: "1" } } };
const THING_PATH = "/v1/acct_1/things/1";

describe("headerKeyAuth", () => {
  it.each([
    ["a raw Authorization key", { header: "Authorization", key: "key_abc" }, "authorization", "key_abc"],
    ["a Bearer key", { header: "Authorization", key: "key_abc", prefix: "Bearer " }, "authorization", "Bearer key_abc"],
    ["an x-api-key header", { header: "x-api-key", key: "key_abc" }, "x-api-key", "key_abc"],
  ])("sends %s exactly, on every attempt", async (_name, options, header, value) => {
    await using server = await startTestServer(sequence({ status: 500 }, { status: 200, json: THING }));
    await acmeClient(server, { auth: headerKeyAuth(options) }).GET("/things/{id}", thing);
    expect(server.requests.map((request) => request.headers[header])).toEqual([value, value]);
  });

  it("sends no credentials for an anonymous operation", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { ok: true } }));
    const client = acmeClient(server, { auth: headerKeyAuth({ header: "Authorization", key: "key_abc", prefix: "Bearer " }) });
    expect(unwrap(await client.GET("/status"))).toEqual({ ok: true });
    const [request] = server.requests;
    expect(request!.path).toBe("/public/status");
    expect(request!.headers.authorization).toBeUndefined();
    expect(request!.headers["user-agent"]).toBeDefined();
  });

  it("sends no credentials with noAuth", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: THING }));
    await acmeClient(server, { auth: noAuth }).GET("/things/{id}", thing);
    expect(server.requests[0]!.headers["x-api-key"]).toBeUndefined();
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });
});

describe("tokenExchangeAuth", () => {
  /** Token endpoint issuing tok-1, tok-2, …; the API accepts only the tokens in `accepted`. */
  function tokenServer(accepted: Set<string>, exchange: Handler = (_r, i) => ({ status: 200, json: { access_token: `tok-${i + 1}`, expires_in: 3600 } })) {
    return startTestServer(
      routes({
        "POST /auth/token": exchange,
        [`GET ${THING_PATH}`]: (request) =>
          accepted.has(request.headers.authorization ?? "") ? { status: 200, json: THING } : { status: 401, json: { message: "bad token" } },
        "POST /v1/acct_1/things": (request) =>
          accepted.has(request.headers.authorization ?? "") ? { status: 201, json: THING } : { status: 401, json: { message: "bad token" } },
      }),
    );
  }
  const auth = (server: TestServer, options: Partial<TokenExchangeOptions> = {}): AuthStrategy =>
    tokenExchangeAuth({ exchange: acmeTokenExchange(server), ...options });
  const apiCalls = (server: TestServer) => server.requests.filter((request) => request.path !== "/auth/token");

  it("exchanges lazily, once, and reuses the cached token", async () => {
    await using server = await tokenServer(new Set(["Bearer tok-1"]));
    const client = acmeClient(server, { auth: auth(server) });
    expect(server.requests).toHaveLength(0);
    for (let i = 0; i < 3; i++) expect(unwrap(await client.GET("/things/{id}", thing))).toEqual(THING);
    expect(exchanges(server)).toBe(1);
    expect(server.requests[0]!.headers.authorization).toBe(`Basic ${btoa("acme-user:hunter22")}`);
    expect(apiCalls(server).map((request) => request.headers.authorization)).toEqual(Array(3).fill("Bearer tok-1"));
  });

  it("shares one exchange among concurrent first calls", async () => {
    await using server = await tokenServer(new Set(["Bearer tok-1"]));
    const client = acmeClient(server, { auth: auth(server) });
    await Promise.all(Array.from({ length: 5 }, () => client.GET("/things/{id}", thing)));
    expect(exchanges(server)).toBe(1);
  });

  it.each([
    ["the exchange's expires_in, less the margin", { refreshMarginMs: 10_000 }, 3_600_000 - 10_000],
    ["the default TTL when the exchange gives none", { defaultTtlMs: 5_000, refreshMarginMs: 1_000 }, 4_000],
  ])("renews at %s", async (_name, options, renewAt) => {
    let clock = 1_000_000;
    const ttl = "defaultTtlMs" in options ? undefined : 3600;
    await using server = await tokenServer(new Set(["Bearer tok-1", "Bearer tok-2"]), (_r, i) => ({
      status: 200,
      json: { access_token: `tok-${i + 1}`, expires_in: ttl },
    }));
    const client = acmeClient(server, { auth: auth(server, { ...options, now: () => clock }) });
    await client.GET("/things/{id}", thing);
    clock += renewAt - 1;
    await client.GET("/things/{id}", thing);
    expect(exchanges(server)).toBe(1);
    clock += 1;
    await client.GET("/things/{id}", thing);
    expect(exchanges(server)).toBe(2);
    expect(apiCalls(server).map((request) => request.headers.authorization)).toEqual(["Bearer tok-1", "Bearer tok-1", "Bearer tok-2"]);
  });

  it("on 401 renews exactly once and replays, and the replay succeeds", async () => {
    await using server = await tokenServer(new Set(["Bearer tok-2"]));
    const client = acmeClient(server, { auth: auth(server) });
    expect(unwrap(await client.GET("/things/{id}", thing))).toEqual(THING);
    expect(exchanges(server)).toBe(2);
    expect(apiCalls(server).map((request) => request.headers.authorization)).toEqual(["Bearer tok-1", "Bearer tok-2"]);
    // The renewed token is cached for the next call.
    await client.GET("/things/{id}", thing);
    expect(exchanges(server)).toBe(2);
  });

  it("replays a non-idempotent operation once after a 401, with the same body", async () => {
    await using server = await tokenServer(new Set(["Bearer tok-2"]));
    const result = await acmeClient(server, { auth: auth(server) }).POST("/things", { body: { name: "Widget" } });
    expect(result.response.status).toBe(201);
    const [first, replay] = apiCalls(server);
    expect(replay!.body).toBe(first!.body);
  });

  it("returns a second 401 after the replay instead of looping", async () => {
    await using server = await tokenServer(new Set());
    const result = await acmeClient(server, { auth: auth(server) }).GET("/things/{id}", thing);
    expect(result.response.status).toBe(401);
    expect(result.error).toEqual({ message: "bad token" });
    expect(exchanges(server)).toBe(2);
    expect(apiCalls(server)).toHaveLength(2);
    expect(() => unwrap(result)).toThrow(SegApiError);
    expect(() => unwrap(result)).toThrow(expect.objectContaining({ kind: "unauthorized", attempts: 2 }) as Error);
  });

  it("ten concurrent calls rejected for the same old token cost exactly one exchange", async () => {
    const accepted = new Set(["Bearer tok-1"]);
    await using server = await tokenServer(accepted);
    const client = acmeClient(server, { auth: auth(server) });
    await client.GET("/things/{id}", thing);
    accepted.clear(); // tok-1 is revoked server-side
    accepted.add("Bearer tok-2");
    const results = await Promise.all(Array.from({ length: 10 }, () => client.GET("/things/{id}", thing)));
    expect(results.map((result) => result.response.status)).toEqual(Array(10).fill(200));
    expect(exchanges(server)).toBe(2);
    const calls = apiCalls(server).slice(1);
    expect(calls).toHaveLength(20);
    expect(calls.filter((request) => request.headers.authorization === "Bearer tok-1")).toHaveLength(10);
    expect(calls.filter((request) => request.headers.authorization === "Bearer tok-2")).toHaveLength(10);
  });

  it("rejects with a failing exchange's error, without looping, and tries again on the next call", async () => {
    await using server = await tokenServer(
      new Set(["Bearer tok-2"]),
      sequence({ status: 500 }, { status: 200, json: { access_token: "tok-2" } }),
    );
    const client = acmeClient(server, { auth: auth(server) });
    const { error } = await settle(() => client.GET("/things/{id}", thing));
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe("acme token exchange failed: HTTP 500");
    expect(exchanges(server)).toBe(1);
    expect(apiCalls(server)).toHaveLength(0);
    expect(unwrap(await client.GET("/things/{id}", thing))).toEqual(THING);
    expect(exchanges(server)).toBe(2);
  });

  it("rejects with the error of an exchange that fails during a renew", async () => {
    await using server = await tokenServer(new Set(), sequence({ status: 200, json: { access_token: "tok-1" } }, { status: 503 }));
    const { error } = await settle(() => acmeClient(server, { auth: auth(server) }).GET("/things/{id}", thing));
    expect((error as Error).message).toBe("acme token exchange failed: HTTP 503");
    expect(exchanges(server)).toBe(2);
    expect(apiCalls(server)).toHaveLength(1);
  });

  it("uses a custom header and prefix", async () => {
    await using server = await startTestServer(
      routes({
        "POST /auth/token": () => ({ status: 200, json: { access_token: "tok-1" } }),
        [`GET ${THING_PATH}`]: () => ({ status: 200, json: THING }),
      }),
    );
    await acmeClient(server, { auth: auth(server, { header: "x-acme-token", prefix: "" }) }).GET("/things/{id}", thing);
    const call = server.requests.find((request) => request.path === THING_PATH)!;
    expect(call.headers["x-acme-token"]).toBe("tok-1");
    expect(call.headers.authorization).toBeUndefined();
  });

  it("does not exchange for an anonymous operation", async () => {
    await using server = await startTestServer(routes({ "GET /public/status": () => ({ status: 200, json: { ok: true } }) }));
    await acmeClient(server, { auth: auth(server) }).GET("/status");
    expect(exchanges(server)).toBe(0);
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });
});

describe("bodyTokenAuth", () => {
  it("fills the token into the bound body property, and sends no auth header", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { hits: [] } }));
    const client = acmeClient(server, { auth: bodyTokenAuth({ field: "token", token: "body_tok_1" }) });
    await client.POST("/search", { body: { query: "widgets" } });
    expect(server.requests[0]!.json()).toEqual({ query: "widgets", token: "body_tok_1" });
    expect(server.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("refuses a token the caller passed in place of the configured one, sending nothing", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { hits: [] } }));
    const client = acmeClient(server, { auth: bodyTokenAuth({ field: "token", token: "body_tok_1" }) });
    const { error } = await settle(() => client.POST("/search", { body: { query: "widgets", token: "mine" } }));
    expect(error).toBeInstanceOf(SegConfigError);
    expect(error).toMatchObject({ field: "body.token" });
    expect((error as Error).message).not.toContain("body_tok_1");
    expect(server.requests).toHaveLength(0);
  });

  it("leaves bodies of unbound operations alone", async () => {
    await using server = await startTestServer(() => ({ status: 201, json: THING }));
    await acmeClient(server, { auth: bodyTokenAuth({ field: "token", token: "body_tok_1" }) }).POST("/things", { body: { name: "x" } });
    expect(server.requests[0]!.json()).toEqual({ name: "x" });
  });
});

describe("requireCredential", () => {
  const ENV = "ACME_TEST_API_KEY";
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each([
    ["the option", "from-option", undefined, "from-option"],
    ["the option over the environment", "from-option", "from-env", "from-option"],
    ["the environment when the option is absent", undefined, "from-env", "from-env"],
  ])("reads %s", (_name, value, env, want) => {
    vi.stubEnv(ENV, env);
    expect(requireCredential(value, "apiKey", ENV)).toBe(want);
  });

  it.each([
    ["absent everywhere", undefined, undefined],
    ["blank", "  ", undefined],
    ["blank in the environment", undefined, ""],
  ])("throws SegConfigError naming the field and variable when %s", (_name, value, env) => {
    vi.stubEnv(ENV, env);
    let error: unknown;
    try {
      requireCredential(value, "apiKey", ENV);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(SegConfigError);
    expect(error).toMatchObject({ field: "apiKey", name: "SegConfigError" });
    expect((error as Error).message).toContain("apiKey");
    expect((error as Error).message).toContain(ENV);
  });
});

describe("basicAuth", () => {
  it("sends Basic base64(user:password), encoding the pair as UTF-8 first", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { id: "1", name: "a" } }));
    await acmeClient(server, { auth: basicAuth("clïent", "sëcret ✓") }).GET("/things/{id}", { params: { path: { id: "1" } } });
    const expected = Buffer.from("clïent:sëcret ✓", "utf8").toString("base64");
    expect(server.requests[0]?.headers.authorization).toBe(`Basic ${expected}`);
  });

  it("holds the username, the password and their encoded pair as secrets", () => {
    expect(basicAuth("user", "pass").secrets()).toEqual(["user", "pass", btoa("user:pass")]);
  });
});

describe("optionalCredential", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each<[string, string | undefined, string | undefined, string | undefined]>([
    ["the option first", "from-option", "from-env", "from-option"],
    ["else the environment", undefined, "from-env", "from-env"],
    ["blank as absent", "  ", undefined, undefined],
    ["nothing at all", undefined, undefined, undefined],
  ])("takes %s", (_name, option, env, want) => {
    vi.stubEnv("SEG_TEST_OPTIONAL", env);
    expect(optionalCredential(option, "SEG_TEST_OPTIONAL")).toBe(want);
  });
});
