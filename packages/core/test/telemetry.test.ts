// Spans and metrics against the real OpenTelemetry SDK (in-memory exporters) and real servers: one
// CLIENT span per attempt, the HTTP semantic conventions' attributes, the token exchange as a child
// of the attempt that needed it, and no secret anywhere in what an exporter would ship.
import { SpanKind, SpanStatusCode, propagation, trace } from "@opentelemetry/api";
import { sequence, startTestServer, type TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { SegApiError, SegTimeoutError, basicAuth, bodyTokenAuth, headerKeyAuth, tokenExchangeAuth, unwrap, type AuthStrategy } from "../src/index.ts";
import { acmeClient, routes, settle } from "./fixtures/acme.ts";
import { installOtel, points, spanData } from "./fixtures/otel.ts";

const otel = installOtel();
afterEach(() => {
  otel.reset();
});

const API_KEY = "sk_live_SPAN_KEY_1";
const USER = "acme-user-SPAN_USER";
const PASSWORD = "hunter22-SPAN_PASS";
const TOKEN = (n: number) => `tok_SPAN_TOKEN_${n}`;
const BODY_TOKEN = "bt_SPAN_BODY_TOKEN";
/** Every secret the tests plant, in the forms they could leak in. */
const SECRETS = [API_KEY, USER, PASSWORD, TOKEN(1), TOKEN(2), BODY_TOKEN, btoa(`${USER}:${PASSWORD}`)];
const thing = { params: { path: { id: "1" } } };

async function telemetryText(): Promise<string> {
  return `${spanData(otel.spans())}\n${JSON.stringify(await otel.collect())}`;
}

async function expectNoSecrets(): Promise<void> {
  const text = await telemetryText();
  expect(text.length).toBeGreaterThan(100);
  expect(SECRETS.filter((secret) => text.includes(secret))).toEqual([]);
}

/** The attributes every span of acme's getThing carries, on `server`. */
const getThing = (server: TestServer) => ({
  "http.request.method": "GET",
  "server.address": "127.0.0.1",
  "server.port": Number(new URL(server.url).port),
  "url.full": `${server.url}/v1/acct_1/things/1`,
  "url.template": "/things/{id}",
  "seg.vendor": "acme",
  "seg.operation": "getThing",
});

/** The token exchange as a vendor package makes it: its own client call, with Basic credentials. */
function exchangeAuth(server: TestServer): AuthStrategy {
  const tokens = acmeClient(server, { auth: basicAuth(USER, PASSWORD), baseUrls: { api: server.url, public: server.url } });
  return tokenExchangeAuth({
    secrets: [USER, PASSWORD],
    exchange: async () => {
      const { access_token } = unwrap(await tokens.undocumented("POST", "/auth/token")) as { access_token: string };
      return { token: access_token };
    },
  });
}

describe("spans and metrics", () => {
  it("a retried call (503 then 200): one CLIENT span per attempt, resend_count on the second, a retry counted", async () => {
    await using server = await startTestServer(sequence({ status: 503, json: { message: `busy ${API_KEY}` } }, { status: 200, json: { id: "1", name: "W" } }));
    const client = acmeClient(server, { auth: headerKeyAuth({ header: "x-api-key", key: API_KEY }) });
    expect(unwrap(await client.GET("/things/{id}", thing))).toEqual({ id: "1", name: "W" });

    const [first, second] = otel.spans();
    expect(otel.spans()).toHaveLength(2);
    for (const span of [first!, second!]) {
      expect(span.name).toBe("GET /things/{id}");
      expect(span.kind).toBe(SpanKind.CLIENT);
      expect(span.instrumentationScope.name).toBe("@seg/core");
    }
    expect(first!.attributes).toEqual({ ...getThing(server), "http.response.status_code": 503, "error.type": "503" });
    expect(first!.status).toEqual({ code: SpanStatusCode.ERROR, message: "HTTP 503" });
    expect(second!.attributes).toEqual({ ...getThing(server), "http.request.resend_count": 1, "http.response.status_code": 200 });
    expect(second!.status.code).toBe(SpanStatusCode.UNSET);
    // Two roots of their own (the test has no span open), so each attempt is its own trace here.
    expect(first!.parentSpanContext).toBeUndefined();

    const metrics = await otel.collect();
    // url.full would make one series per URL: metrics carry the rest.
    const metricAttributes = { ...getThing(server) } as Record<string, unknown>;
    delete metricAttributes["url.full"];
    const durations = points(metrics, "http.client.request.duration");
    expect(durations.map((point) => point.attributes)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ ...metricAttributes, "http.response.status_code": 503, "error.type": "503" }),
        expect.objectContaining({ ...metricAttributes, "http.response.status_code": 200 }),
      ]),
    );
    for (const point of durations) expect(point.value).toMatchObject({ count: 1 });
    const retries = points(metrics, "seg.client.request.retries");
    expect(retries).toHaveLength(1);
    expect(retries[0]!.attributes).toEqual({ ...metricAttributes, "http.response.status_code": 503, "error.type": "503" });
    expect(retries[0]!.value).toBe(1);
    await expectNoSecrets();
  });

  it("a timeout: the span has error.type SegTimeoutError, no status code, and the redacted message", async () => {
    await using server = await startTestServer(() => "hang");
    const client = acmeClient(server, { auth: headerKeyAuth({ header: "Authorization", key: API_KEY, prefix: "Bearer " }), timeoutMs: 1500, retry: false });
    const { error } = await settle(() => client.GET("/things", { params: { query: { token: API_KEY } } }));
    expect(error).toBeInstanceOf(SegTimeoutError);

    const [span] = otel.spans();
    expect(otel.spans()).toHaveLength(1);
    expect(span!.name).toBe("GET /things");
    expect(span!.attributes["error.type"]).toBe("SegTimeoutError");
    expect(span!.attributes["http.response.status_code"]).toBeUndefined();
    // The query's secret-named value is masked in url.full.
    expect(span!.attributes["url.full"]).toBe(`${server.url}/v1/acct_1/things?account=acct_1&token=%5BREDACTED%5D`);
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: (error as Error).message });
    expect(span!.status.message).toMatch(/^acme listThings timed out: attempt timeout of 1500 ms/);
    await expectNoSecrets();
  });

  it("a token renewal: the exchange is a child span of the attempt that needed it, the 401 and the replay are two spans", async () => {
    let issued = 0;
    await using server = await startTestServer(
      routes({
        "POST /auth/token": () => ({ status: 200, json: { access_token: TOKEN(++issued) } }),
        // Only the second token is accepted: the first call gets a 401, renews, and replays.
        "GET /v1/acct_1/things/1": (request) =>
          request.headers.authorization === `Bearer ${TOKEN(2)}`
            ? { status: 200, json: { id: "1", name: "W" } }
            : { status: 401, json: { message: `token ${request.headers.authorization ?? ""} revoked` } },
      }),
    );
    const client = acmeClient(server, { auth: exchangeAuth(server), propagateTraceContext: true });
    expect(unwrap(await client.GET("/things/{id}", thing))).toEqual({ id: "1", name: "W" });

    const spans = otel.spans();
    const api = spans.filter((span) => span.attributes["seg.operation"] === "getThing");
    const exchanges = spans.filter((span) => span.name === "POST");
    expect(api.map((span) => span.attributes["http.response.status_code"])).toEqual([401, 200]);
    expect(api[0]!.attributes["error.type"]).toBe("401");
    expect(api[1]!.attributes["http.request.resend_count"]).toBe(1);
    expect(exchanges).toHaveLength(2);
    expect(exchanges.map((span) => span.attributes)).toEqual(
      Array(2).fill(expect.objectContaining({ "seg.operation": "POST /auth/token", "url.full": `${server.url}/auth/token`, "http.response.status_code": 200 })),
    );
    // Each exchange ran inside (and under the trace of) the attempt it obtained credentials for.
    for (const [at, exchange] of exchanges.entries()) {
      expect(exchange.parentSpanContext?.spanId).toBe(api[at]!.spanContext().spanId);
      expect(exchange.spanContext().traceId).toBe(api[at]!.spanContext().traceId);
    }
    // traceparent goes with each attempt, naming that attempt's span.
    const sent = server.requests.filter((request) => request.path.startsWith("/v1/")).map((request) => request.headers.traceparent);
    expect(sent).toEqual(api.map((span) => `00-${span.spanContext().traceId}-${span.spanContext().spanId}-01`));
    await expectNoSecrets();
  });

  it("a typed 4xx: error.type is the status, the status message names only the status", async () => {
    await using server = await startTestServer(() => ({ status: 404, headers: { "x-request-id": BODY_TOKEN }, json: { message: `no thing for ${BODY_TOKEN}` } }));
    const client = acmeClient(server, { auth: bodyTokenAuth({ field: "token", token: BODY_TOKEN }) });
    const result = await client.POST("/search", { body: { query: "q" } });
    const { error } = await settle(async () => unwrap(result));
    expect(error).toBeInstanceOf(SegApiError);
    expect((error as SegApiError).kind).toBe("not_found");

    const [span] = otel.spans();
    expect(otel.spans()).toHaveLength(1);
    expect(span!.name).toBe("POST /search");
    expect(span!.attributes).toMatchObject({ "seg.operation": "search", "http.request.method": "POST", "http.response.status_code": 404, "error.type": "404" });
    expect(span!.status).toEqual({ code: SpanStatusCode.ERROR, message: "HTTP 404" });
    await expectNoSecrets();
  });

  it("sends no traceparent unless the client opts in", async () => {
    await using server = await startTestServer(() => ({ status: 200, json: { id: "1", name: "W" } }));
    await acmeClient(server).GET("/things/{id}", thing);
    expect(otel.spans()).toHaveLength(1);
    expect(server.requests[0]!.headers.traceparent).toBeUndefined();
  });

  it("with a registered propagator, lets it write the headers instead", async () => {
    propagation.setGlobalPropagator({
      inject: (active, carrier, setter) => {
        setter.set(carrier, "x-trace", trace.getSpan(active)?.spanContext().spanId ?? "none");
      },
      extract: (active) => active,
      fields: () => ["x-trace"],
    });
    try {
      await using server = await startTestServer(() => ({ status: 200, json: { id: "1", name: "W" } }));
      await acmeClient(server, { propagateTraceContext: true }).GET("/things/{id}", thing);
      expect(server.requests[0]!.headers["x-trace"]).toBe(otel.spans()[0]!.spanContext().spanId);
      expect(server.requests[0]!.headers.traceparent).toBeUndefined();
    } finally {
      propagation.disable();
    }
  });
});
