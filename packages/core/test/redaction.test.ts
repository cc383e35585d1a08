import { inspect } from "node:util";
import { startTestServer, type RecordedRequest, type Reply, type TestServer } from "@seg/test-server";
import { describe, expect, it } from "vitest";
import {
  REDACTED,
  SegApiError,
  SegConnectionError,
  SegTimeoutError,
  bodyTokenAuth,
  createRedactor,
  headerKeyAuth,
  tokenExchangeAuth,
  unwrap,
  type VendorClient,
  type VendorClientOptions,
} from "../src/index.ts";
import { acmeClient, acmeTokenExchange, capturingLogger, type AcmePaths } from "./fixtures/acme.ts";

const SECRET = "sk_live_SECRET_123";
/** Every form the secret could leak in: as is, URL-encoded and base64 (Basic credentials). */
const FORMS = [SECRET, encodeURIComponent(SECRET), btoa(SECRET), "SECRET_123"];

type Call = (client: VendorClient<AcmePaths>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;

/** Each place a credential can travel, with the call that carries it. */
const slots: [string, (server: TestServer) => Partial<VendorClientOptions>, Call][] = [
  ["an x-api-key header", () => ({ auth: headerKeyAuth({ header: "x-api-key", key: SECRET }) }), getThing],
  ["a bearer key", () => ({ auth: headerKeyAuth({ header: "Authorization", key: SECRET, prefix: "Bearer " }) }), getThing],
  [
    "a token exchange's username, password and tokens",
    (server) => {
      const credentials = { username: SECRET, password: `${SECRET}_pass` };
      return {
        auth: tokenExchangeAuth({
          exchange: acmeTokenExchange(server, credentials),
          secrets: [credentials.username, credentials.password],
        }),
      };
    },
    getThing,
  ],
  ["a body token", () => ({ auth: bodyTokenAuth({ field: "token", token: SECRET }) }), (client) => client.POST("/search", { body: { query: "q" } })],
  ["a ?token= query parameter", () => ({}), (client) => client.GET("/things", { params: { query: { token: SECRET } } })],
  ["an ?api_key= query parameter", () => ({}), (client) => client.GET("/things", { params: { query: { api_key: SECRET } } })],
  [
    "a caller's own Authorization header",
    () => ({}),
    (client) => client.GET("/things/{id}", { params: { path: { id: "1" } }, headers: { Authorization: `Bearer ${SECRET}` } }),
  ],
];

function getThing(client: VendorClient<AcmePaths>) {
  return client.GET("/things/{id}", { params: { path: { id: "1" } } });
}

/** Everything the server saw of a request, which a careless vendor echoes back. */
const seen = (request: RecordedRequest) => ({
  url: `${request.path}?${request.rawQuery}`,
  headers: request.headers,
  query: Object.fromEntries(request.query),
  body: request.body,
});

/** Each way a call fails, as the server produces it, with the class the caller then holds. */
const failures: [string, (request: RecordedRequest) => Reply, Partial<VendorClientOptions>, abstract new (...args: never[]) => Error][] = [
  [
    "a 4xx echoing the credentials in JSON",
    (request) => ({
      status: 401,
      headers: { "x-request-id": "req-1" },
      json: { message: `Invalid credentials: ${JSON.stringify(seen(request))}`, received: seen(request), [SECRET]: "rejected" },
    }),
    {},
    SegApiError,
  ],
  [
    "a 400 echoing the request body as a string",
    (request) => ({ status: 400, json: { message: "bad request", echo: request.body, detail: seen(request).url } }),
    {},
    SegApiError,
  ],
  [
    "an HTML 502 page echoing everything, after retries",
    (request) => ({
      status: 502,
      headers: { "content-type": "text/html" },
      body: `<html><body><h1>502 Bad Gateway</h1><pre>${JSON.stringify(seen(request))}</pre></body></html>`,
    }),
    {},
    SegApiError,
  ],
  ["a connection reset, after retries", () => "reset", {}, SegConnectionError],
  ["an attempt timeout, after retries", () => "hang", { timeoutMs: 400 }, SegTimeoutError],
  // Long enough for the request to reach the server on a loaded machine before the deadline.
  ["the deadline", () => "hang", { deadlineMs: 1000 }, SegTimeoutError],
  [
    "a stalled body that echoes the credentials",
    (request) => ({ status: 200, json: { echoed: seen(request) }, stallBody: true }),
    { timeoutMs: 400 },
    SegTimeoutError,
  ],
];

describe.each(slots)("a secret in %s", (_slot, slotOptions, call) => {
  // Concurrent: each case has its own server, and a third of them wait out timeouts.
  it.concurrent.for(failures)("never leaks on %s", async ([, reply, failureOptions, ErrorClass], { expect }) => {
    let issued = 0;
    await using server = await startTestServer((request) =>
      request.path === "/auth/token" ? { status: 200, json: { access_token: `${SECRET}_tok${++issued}` } } : reply(request),
    );
    const logger = capturingLogger();
    const client = acmeClient(server, {
      ...slotOptions(server),
      logger,
      logLevel: "debug",
      retry: { maxRetries: 1, baseDelayMs: 1 },
      ...failureOptions,
    });

    let error: unknown;
    let raw: unknown;
    try {
      const result = await call(client);
      raw = result.error;
      unwrap(result);
    } catch (caught) {
      error = caught;
    }

    // The secret did reach the wire, and the failure is the one this case is about.
    const wire = JSON.stringify(server.requests.filter((request) => request.path !== "/auth/token").map(seen));
    expect(wire).toContain(SECRET);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(logger.lines.length).toBeGreaterThan(0);

    const thrown = error as Error;
    const surfaces = {
      message: thrown.message,
      string: String(thrown),
      stack: thrown.stack ?? "",
      json: JSON.stringify(thrown),
      inspect: inspect(thrown, { depth: 10 }),
      cause: inspect(thrown.cause, { depth: 10 }),
      logs: logger.lines.join("\n"),
    };
    const leaks = Object.entries(surfaces).flatMap(([where, text]) => FORMS.filter((form) => text.includes(form)).map((form) => `${where}: ${form}`));
    expect(leaks).toEqual([]);

    if (JSON.stringify(raw ?? "").includes(SECRET)) {
      // The server did echo the secret (openapi-fetch's `error` is the caller's, unredacted); the
      // typed error holds the echo, masked.
      expect(JSON.stringify((error as SegApiError).body)).toContain(REDACTED);
    }
  });
});

describe("createRedactor", () => {
  const redactor = createRedactor(() => [SECRET, "abc"]);

  it.each([
    ["a known value in text", `key ${SECRET} rejected`, `key ${REDACTED} rejected`],
    ["its URL-encoded form", `?k=${encodeURIComponent("p@ss/word+1")}`, `?k=${REDACTED}`],
    ["its base64 form", `Basic ${btoa(SECRET)}`, `Basic ${REDACTED}`],
    ["nothing shorter than 4 characters", "abc abcd", "abc abcd"],
  ])("text masks %s", (_name, input, want) => {
    const withSpecial = createRedactor(() => [SECRET, "p@ss/word+1", "abc"]);
    expect(withSpecial.text(input)).toBe(want);
  });

  it("reads the secrets anew each time (a token that changes)", () => {
    let current = "first-token";
    const live = createRedactor(() => [current]);
    expect(live.text("first-token")).toBe(REDACTED);
    current = "second-token";
    expect(live.text("first-token second-token")).toBe(`first-token ${REDACTED}`);
  });

  it.each([
    ["secret-named query values", "https://h.example/p?api_key=k1&token=k2&access_token=k3&client_secret=k4&page=2", "https://h.example/p?api_key=%5BREDACTED%5D&token=%5BREDACTED%5D&access_token=%5BREDACTED%5D&client_secret=%5BREDACTED%5D&page=2"],
    ["userinfo", "https://user:pw@h.example/p", "https://h.example/p"],
    ["a known secret in the path", `https://h.example/keys/${SECRET}`, `https://h.example/keys/${REDACTED}`],
  ])("url masks %s", (_name, input, want) => {
    expect(redactor.url(input)).toBe(want);
  });

  it("json masks secret-named keys, known values and known keys, at any depth", () => {
    expect(
      redactor.json({
        password: "hunter2",
        nested: [{ Authorization: "Bearer x", note: `saw ${SECRET}` }],
        [SECRET]: "invalid",
        count: 3,
        token: null,
      }),
    ).toEqual({
      password: REDACTED,
      nested: [{ Authorization: REDACTED, note: `saw ${REDACTED}` }],
      [REDACTED]: "invalid",
      count: 3,
      token: null,
    });
  });

});
