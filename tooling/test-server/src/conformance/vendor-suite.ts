// What holds for the vendor's client as a whole: its options and their environment variables,
// the browser refusal, and no secret on a timeout (checked once: a timeout costs real seconds).
import type { ClientOption, SpecOperation } from "@seg/spec";
import { afterEach, describe, expect, it, vi } from "vitest";
import { callOf, validCall } from "./calls.ts";
import { failureOf, isSegError, start, type SuiteContext } from "./context.ts";
import { apiSlot, credentialProblems } from "./credential.ts";
import { errorSurfaces, keepingLogger, leaksIn } from "./leaks.ts";

/** Whether `operation` needs `option`: it carries the credential, binds the value, or its host's URL holds it. */
function uses(context: SuiteContext, operation: SpecOperation, option: ClientOption): boolean {
  const { spec } = context;
  if (option.from === "credential") return Object.keys(apiSlot(spec, operation)).length > 0 || spec.credential.kind === "exchange";
  if (Object.values({ ...operation.bind.query, ...operation.bind.body }).includes(option.name)) return true;
  return spec.wirePath(operation, {}).includes(encodeURIComponent(spec.values[option.name] ?? ""));
}

export function vendorSuite(context: SuiteContext): void {
  const { spec } = context;
  const carrier = spec.operations.find((operation) => Object.keys(apiSlot(spec, operation)).length > 0) ?? spec.operations[0];
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.unstubAllGlobals();
  });

  describe("configuration", () => {
    it(`reads every option from its environment variable (${spec.shape.options.map((option) => option.env).join(", ")})`, async () => {
      for (const option of spec.shape.options) vi.stubEnv(option.env, spec.values[option.name]);
      const unset = Object.fromEntries(spec.shape.options.map((option) => [option.name, undefined]));
      await using harness = await start(context, { client: unset });
      if (!carrier) return;
      const { init, path } = validCall(spec.doc, carrier, spec.values);
      await callOf(harness.client, carrier)(init);
      const requests = harness.apiRequests();
      expect(requests.map((request) => request.path)).toEqual([spec.wirePath(carrier, path)]);
      for (const request of requests) expect(credentialProblems(spec, request, apiSlot(spec, carrier))).toEqual([]);
    });

    it.each(spec.shape.options.map((option) => [option.name, option] as const))(
      "without %s: a SegConfigError naming it (its variable too, if creating the client refuses), before anything is sent",
      async (_name, option) => {
        vi.stubEnv(option.env, undefined);
        let created: Awaited<ReturnType<typeof start>> | undefined;
        try {
          created = await start(context, { client: { [option.name]: undefined } });
        } catch (error) {
          expect(isSegError(error, "SegConfigError")).toBe(true);
          expect((error as Error).message).toContain(option.name);
          expect((error as Error).message).toContain(option.env);
          return;
        }
        await using harness = created;
        const needing = spec.operations.filter((operation) => uses(context, operation, option));
        expect(needing.length).toBeGreaterThan(0);
        for (const operation of needing) {
          const error = await failureOf(context, () => callOf(harness.client, operation)(validCall(spec.doc, operation, spec.values).init));
          expect(isSegError(error, "SegConfigError")).toBe(true);
          // Refused at the call, core names the value (it knows no environment variables).
          expect((error as Error).message).toContain(option.name);
        }
        expect(harness.server.requests).toHaveLength(0);
      },
    );
  });

  if (spec.canaries.length > 0) {
    it("in a browser, refuses a client holding a secret unless dangerouslyAllowBrowser is set", async () => {
      vi.stubGlobal("document", {});
      const error = await start(context).then(
        () => undefined,
        (caught: unknown) => caught,
      );
      expect(isSegError(error, "SegConfigError")).toBe(true);
      expect(error).toMatchObject({ field: "dangerouslyAllowBrowser" });
      expect((error as Error).message).toMatch(new RegExp(`^dangerouslyAllowBrowser: this ${spec.vendor} client is configured with a secret`));
      await using allowed = await start(context, { client: { dangerouslyAllowBrowser: true } });
      expect(allowed.client).toBeDefined();
    });
  }

  if (!carrier) return;
  const { init } = validCall(spec.doc, carrier, spec.values);
  const allForms = spec.canaries.flatMap((canary) => canary.forms);
  describe(`no secret on a timeout (${carrier.operationId})`, () => {
    it.each([
      ["a server that never answers", () => "hang" as const],
      ["a body that stalls half-way, echoing every secret", () => ({ status: 200, json: { echo: spec.configured }, stallBody: true })],
    ])("%s", async (_name, reply) => {
      const { lines, logger } = keepingLogger();
      await using harness = await start(context, { api: reply, client: { timeoutMs: 1_000, retry: false, logger, logLevel: "debug" } });
      const error = await failureOf(context, () => callOf(harness.client, carrier)(structuredClone(init)));
      expect(isSegError(error, "SegTimeoutError")).toBe(true);
      expect(leaksIn({ ...errorSurfaces(error), logs: lines.join("\n") }, allForms)).toEqual([]);
    });
  });
}
