// The token exchange a client makes itself (Segmint's): the runner issues the spec's example token,
// and checks the exchange's credentials, its documented failures and its secrets.
import type { SpecOperation } from "@seg/spec";
import { describe, expect, it } from "vitest";
import { startTestServer } from "../index.ts";
import { callOf, validCall } from "./calls.ts";
import { failureOf, isSegError, start, type SuiteContext } from "./context.ts";
import { credentialProblems, exchangeSlot } from "./credential.ts";
import { ECHOES, errorSurfaces, keepingLogger, leaksIn, REDACTED } from "./leaks.ts";
import { DEFAULT_RETRIES, isRetryable, kindOf, replyOf, statusCases } from "./statuses.ts";

export function exchangeSuite(context: SuiteContext, exchange: SpecOperation): void {
  const { spec } = context;
  const [operation] = spec.operations;
  if (!operation) return;
  const { init } = validCall(spec.doc, operation, spec.values);
  const call = (client: unknown) => callOf(client, operation)(structuredClone(init));
  const allForms = spec.canaries.flatMap((canary) => canary.forms);

  describe(`the token exchange, ${exchange.where} (${exchange.operationId}), before ${operation.operationId}`, () => {
    it("sends the credentials as Basic (UTF-8), once, and the issued token on the call", async () => {
      await using harness = await start(context);
      await call(harness.client);
      await call(harness.client);
      const exchanges = harness.exchangeRequests();
      expect(exchanges.map((request) => request.method)).toEqual([exchange.method.toUpperCase()]);
      for (const request of exchanges) expect(credentialProblems(spec, request, exchangeSlot(spec))).toEqual([]);
      expect(harness.apiRequests().map((request) => request.headers.authorization)).toEqual([`Bearer ${spec.issuedToken(1)}`, `Bearer ${spec.issuedToken(1)}`]);
    });

    const failures = statusCases(spec.doc, exchange).filter((found) => found.status >= 300);
    it.each(failures.map((found) => [found.label, found] as const))("a documented %s fails the call with the exchange's SegApiError, and sends no call", async (_label, found) => {
      await using harness = await start(context, { exchange: () => replyOf(found) });
      const error = await failureOf(context, () => call(harness.client));
      const attempts = exchange.idempotent && isRetryable(found.status) ? 1 + DEFAULT_RETRIES : 1;
      expect(isSegError(error, "SegApiError")).toBe(true);
      expect(error).toMatchObject({ vendor: spec.vendor, operation: exchange.operationId, status: found.status, kind: kindOf(found.status), attempts });
      expect(harness.exchangeRequests()).toHaveLength(attempts);
      expect(harness.apiRequests()).toHaveLength(0);
    });

    it.each(ECHOES.map((echo) => [echo.name, echo] as const))("leaks no secret on %s from the exchange", async (_name, echo) => {
      const { lines, logger } = keepingLogger();
      const values = spec.configured;
      await using harness = await start(context, { exchange: (request) => echo.reply(request, values), client: { logger, logLevel: "debug" } });
      const error = await failureOf(context, () => call(harness.client));
      expect(isSegError(error, echo.apiError ? "SegApiError" : "SegConnectionError")).toBe(true);
      expect(leaksIn({ ...errorSurfaces(error), logs: lines.join("\n") }, allForms)).toEqual([]);
      if (echo.apiError) expect(errorSurfaces(error).body).toContain(REDACTED);
    });

    it("never follows a redirect to another origin", async () => {
      await using elsewhere = await startTestServer(() => ({ status: 200, json: {} }));
      await using harness = await start(context, { exchange: () => ({ status: 307, headers: { location: `${elsewhere.url}/token` } }) });
      const error = await failureOf(context, () => call(harness.client));
      expect(isSegError(error, "SegRedirectError")).toBe(true);
      expect(elsewhere.requests).toHaveLength(0);
      expect(harness.apiRequests()).toHaveLength(0);
    });
  });
}
