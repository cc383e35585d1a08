// The matrix for one operation: each documented status → the typed result or `SegApiError`, retry
// safety counted on the server, where the credential travels, and no secret on any failure path.
import type { SpecOperation } from "@seg/spec";
import { describe, expect, it } from "vitest";
import { sequence, startTestServer, type RecordedRequest, type Reply } from "../index.ts";
import { callOf, formFields, validCall, type Init } from "./calls.ts";
import { failureOf, isSegError, start, type SuiteContext } from "./context.ts";
import { apiSlot, credentialProblems } from "./credential.ts";
import { ECHOES, errorSurfaces, keepingLogger, leaksIn, REDACTED } from "./leaks.ts";
import { DEFAULT_RETRIES, isRetryable, kindOf, replyOf, statusCases } from "./statuses.ts";

const REQUEST_ID = "conformance-request-1";

export function operationSuite(context: SuiteContext, operation: SpecOperation): void {
  const { spec } = context;
  const { vendor } = spec;
  const { init, path, wireBody } = validCall(spec.doc, operation, spec.values);
  const wirePath = spec.wirePath(operation, path);
  const method = operation.method.toUpperCase();
  const call = (client: unknown, change: Partial<Init> = {}) => callOf(client, operation)({ ...structuredClone(init), ...change });
  const exchanged = spec.credential.kind === "exchange";
  const allForms = spec.canaries.flatMap((canary) => canary.forms);

  /** The request reached its host and path, carrying the inputs the client fills in. */
  const expectWire = (request: RecordedRequest | undefined): void => {
    expect(request?.method).toBe(method);
    expect(request?.path).toBe(wirePath);
    expect(request?.headers["user-agent"]).toMatch(new RegExp(`^@seg/${vendor}/\\S+ @seg/core/\\S+$`));
    for (const [name, option] of Object.entries(operation.bind.query)) expect(request?.query.get(name)).toBe(spec.values[option]);
    if (wireBody === undefined) expect(request?.body).toBe("");
    else {
      // In the media type the spec takes (a form, `application/merge-patch+json`, …), the caller naming none.
      expect(request?.headers["content-type"]?.split(";")[0]?.toLowerCase()).toBe(wireBody.mediaType.toLowerCase());
      if (wireBody.type === "json") expect(request?.json()).toEqual(wireBody.value);
      else expect(Object.fromEntries(new URLSearchParams(request?.body))).toEqual(formFields(wireBody.value));
    }
  };

  describe(`${operation.where} (${operation.operationId})`, () => {
    describe("each documented status", () => {
      it.each(statusCases(spec.doc, operation).map((found) => [found.label, found] as const))("%s", async (_label, found) => {
        await using harness = await start(context, { api: () => replyOf(found, { "x-request-id": REQUEST_ID }) });
        const result = await call(harness.client);
        expect(result.response.status).toBe(found.status);

        if (found.status < 300) {
          expect(harness.apiRequests()).toHaveLength(1);
          expectWire(harness.apiRequests()[0]);
          expect(result.error).toBeUndefined();
          expect(result.data).toEqual(found.body);
          expect(context.unwrap(result)).toEqual(found.body);
          return;
        }
        const retried = operation.idempotent && isRetryable(found.status);
        const attempts = found.status === 401 && exchanged ? 2 : retried ? 1 + DEFAULT_RETRIES : 1;
        expect(harness.apiRequests()).toHaveLength(attempts);
        expect(result.data).toBeUndefined();
        expect(result.error).toEqual(found.body);
        const error = await failureOf(context, () => Promise.resolve(result));
        expect(isSegError(error, "SegApiError")).toBe(true);
        expect(error).toMatchObject({ vendor, operation: operation.operationId, method, status: found.status, kind: kindOf(found.status), attempts, requestId: REQUEST_ID });
        expect((error as { body: unknown }).body).toEqual(found.body);
        expect(new URL((error as { url: string }).url).pathname).toBe(wirePath);
        expect((error as Error).message).toContain(`${vendor} ${operation.operationId} failed: HTTP ${found.status}`);
      });

      it("an error page that is not JSON (a proxy's HTML) is kept as text", async () => {
        const page = "<html><h1>502 Bad Gateway</h1></html>";
        await using harness = await start(context, { api: () => ({ status: 502, body: page, headers: { "content-type": "text/html" } }), client: { retry: false } });
        const error = await failureOf(context, () => call(harness.client));
        expect(error).toMatchObject({ kind: "server_error", status: 502, body: page, attempts: 1 });
      });
    });

    describe("retry safety", () => {
      const success: Reply = { status: 200, json: {} };
      if (operation.idempotent) {
        it(`is retried (${DEFAULT_RETRIES} retries, core's default) through a 503 and a reset, sending the same request each time`, async () => {
          await using harness = await start(context, { api: sequence({ status: 503, json: {} }, "reset", success) });
          const result = await call(harness.client);
          expect(result.response.status).toBe(200);
          const requests = harness.apiRequests();
          expect(requests).toHaveLength(3);
          expect(new Set(requests.map((request) => `${request.method} ${request.path}?${request.rawQuery} ${request.body}`)).size).toBe(1);
          for (const request of requests) expect(credentialProblems(spec, request, apiSlot(spec, operation))).toEqual([]);
        });

        it("gives up after the retries, returning the last 503", async () => {
          await using harness = await start(context, { api: () => ({ status: 503, json: { down: true } }) });
          const result = await call(harness.client);
          expect(result.response.status).toBe(503);
          expect(result.error).toEqual({ down: true });
          expect(harness.apiRequests()).toHaveLength(1 + DEFAULT_RETRIES);
        });

        it.each([
          ["per call (retry: false)", { retry: false }, {}],
          ["for the client (retry: false)", {}, { retry: false }],
        ] as const)("is not retried when turned off %s", async (_name, perCall, client) => {
          await using harness = await start(context, { api: () => ({ status: 503, json: {} }), client });
          await call(harness.client, perCall);
          expect(harness.apiRequests()).toHaveLength(1);
        });
      } else {
        it("a 503 is returned after exactly one request", async () => {
          await using harness = await start(context, { api: sequence({ status: 503, json: { down: true } }, success) });
          const result = await call(harness.client);
          expect(result.response.status).toBe(503);
          expect(result.error).toEqual({ down: true });
          expect(harness.apiRequests()).toHaveLength(1);
        });

        it("a connection reset is a SegConnectionError after exactly one request", async () => {
          await using harness = await start(context, { api: sequence("reset", success) });
          const error = await failureOf(context, () => call(harness.client));
          expect(isSegError(error, "SegConnectionError")).toBe(true);
          expect(harness.apiRequests()).toHaveLength(1);
        });

        it("a hang past the attempt timeout is a SegTimeoutError after exactly one request", async () => {
          await using harness = await start(context, { api: sequence("hang", success), client: { timeoutMs: 1_000 } });
          const error = await failureOf(context, () => call(harness.client));
          expect(isSegError(error, "SegTimeoutError")).toBe(true);
          expect(harness.apiRequests()).toHaveLength(1);
        });

        it("is retried when the caller opts in for the call (retry: true), sending the same request", async () => {
          await using harness = await start(context, { api: sequence({ status: 503, json: {} }, "reset", success) });
          const result = await call(harness.client, { retry: true });
          expect(result.response.status).toBe(200);
          expect(new Set(harness.apiRequests().map((request) => request.body)).size).toBe(1);
          expect(harness.apiRequests()).toHaveLength(3);
        });
      }
    });

    describe("the credential", () => {
      it("travels where the spec says, and nowhere else in the request", async () => {
        await using harness = await start(context, { api: () => ({ status: 200, json: {} }) });
        await call(harness.client);
        const requests = harness.apiRequests();
        expect(requests).toHaveLength(1);
        for (const request of requests) expect(credentialProblems(spec, request, apiSlot(spec, operation))).toEqual([]);
      });

      it("never reaches another origin: a redirect there is refused and nothing is sent", async () => {
        await using elsewhere = await startTestServer(() => ({ status: 200, json: {} }));
        await using harness = await start(context, { api: () => ({ status: 307, headers: { location: `${elsewhere.url}/collect` } }) });
        const error = await failureOf(context, () => call(harness.client));
        expect(isSegError(error, "SegRedirectError")).toBe(true);
        expect(elsewhere.requests).toHaveLength(0);
      });
    });

    describe("no secret in the error or the logs", () => {
      it.each(ECHOES.map((echo) => [echo.name, echo] as const))("on %s", async (_name, echo) => {
        const { lines, logger } = keepingLogger();
        const values = spec.configured;
        await using harness = await start(context, { api: (request) => echo.reply(request, values), client: { logger, logLevel: "debug" } });
        const error = await failureOf(context, () => call(harness.client));
        expect(isSegError(error, echo.apiError ? "SegApiError" : "SegConnectionError")).toBe(true);
        expect(lines.length).toBeGreaterThan(0);
        expect(leaksIn({ ...errorSurfaces(error), logs: lines.join("\n") }, allForms)).toEqual([]);
        if (echo.apiError && values.length > 0) expect(errorSurfaces(error).body).toContain(REDACTED);
      });
    });
  });
}
