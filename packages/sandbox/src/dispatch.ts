// One request through the sandbox: which vendor and operation it is (from the specs), whether a
// fault strikes, credentials, body parsing, validation against the spec, then the vendor's handler.
// Framework-free: the server hands it a plain call and acts on the outcome.
import type { FaultDecision, FaultPlan } from "./faults.ts";
import type { SpecOperation, VendorSpec } from "./openapi/vendor-spec.ts";
import { BadData, statusText, type Reply } from "./reply.ts";
import { vendorErrors } from "./vendors/errors.ts";
import type { CallContext, VendorModule } from "./vendors/module.ts";
import { matchMount, MOUNTS, type Vendor } from "./vendors.ts";

export interface IncomingCall {
  method: string;
  /** Path and query as sent, still percent-encoded. */
  url: string;
  /** Lower-cased names. */
  headers: Record<string, string>;
  /** The raw body ("" when none). */
  body: string;
  /** `http://127.0.0.1:<port>`, for URLs the sandbox puts in bodies. */
  origin: string;
}

export type Outcome = ({ kind: "reply"; reply: Reply } | { kind: "reset" } | { kind: "hang" }) & { delayMs: number };

/** One line of `GET /__sandbox/log`. */
export interface LogEntry {
  seq: number;
  at: string;
  method: string;
  path: string;
  vendor?: Vendor;
  operationId?: string;
  /** The status sent, or `reset` / `hang`. */
  result: number | "reset" | "hang";
  /** The injected fault, if any: `status 503`, `reset`, `latency 200ms` … */
  fault?: string;
}

export interface DispatchEnvironment {
  specs: ReadonlyMap<Vendor, VendorSpec>;
  modules: Readonly<Record<Vendor, VendorModule>>;
  faults: FaultPlan;
  context: CallContext;
  /** Check every reply against the spec, and answer 500 naming the mismatch when it fails. */
  checkResponses: boolean;
  /** Called after a handler that may have changed the state. */
  changed(): void;
}

function describeFault(decision: FaultDecision): string {
  const parts = decision.latencyMs > 0 ? [`latency ${decision.latencyMs}ms`] : [];
  const outcome = decision.outcome;
  if (outcome?.kind === "status") parts.push(`status ${outcome.status}${outcome.retryAfter !== undefined ? ` retry-after ${outcome.retryAfter}s` : ""}`);
  else if (outcome) parts.push(outcome.kind);
  return parts.join(", ");
}

function faultReply(vendor: Vendor, status: number, retryAfter: number | undefined): Reply {
  const reply = vendorErrors[vendor].status(status, `${statusText(status)} (fault injected by the sandbox)`);
  return retryAfter === undefined ? reply : { ...reply, headers: { ...reply.headers, "retry-after": String(retryAfter) } };
}

function parseBody(operation: SpecOperation, call: IncomingCall, module: VendorModule, vendor: Vendor): { body: unknown } | { reply: Reply } {
  if (operation.bodyTypes.length === 0 || call.body === "") {
    return operation.bodyRequired && call.body === "" ? { reply: vendorErrors[vendor].badRequest(["request body is required"]) } : { body: undefined };
  }
  const contentType = call.headers["content-type"] ?? "";
  const media = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!operation.bodyTypes.includes(media)) {
    if (module.unsupportedMediaType) return { reply: module.unsupportedMediaType(contentType) };
    return { reply: vendorErrors[vendor].badRequest([`request body must be ${operation.bodyTypes.join(" or ")} (got ${contentType || "no Content-Type"})`]) };
  }
  if (media === "application/x-www-form-urlencoded") return { body: Object.fromEntries(new URLSearchParams(call.body)) };
  try {
    return { body: JSON.parse(call.body) as unknown };
  } catch (error) {
    return { reply: vendorErrors[vendor].badRequest([`body is not valid JSON: ${(error as Error).message}`]) };
  }
}

export function dispatch(call: IncomingCall, env: DispatchEnvironment, entry: LogEntry): Outcome {
  const [rawPath = "/", rawQuery = ""] = call.url.split(/\?(.*)/s);
  const mounted = matchMount(rawPath);
  if (!mounted) {
    const message = `Nothing is served at ${rawPath}. Vendors: ${MOUNTS.map((m) => m.template).join(", ")}; control: /__sandbox`;
    return { kind: "reply", delayMs: 0, reply: { status: 404, body: { error: "Not Found", message } } };
  }
  const { vendor, host } = mounted.mount;
  entry.vendor = vendor;
  const spec = env.specs.get(vendor);
  const module = env.modules[vendor];
  const errors = vendorErrors[vendor];
  if (!spec) throw new Error(`no spec for ${vendor}`);
  const matched = spec.match(call.method, mounted.path);
  if (matched === undefined || matched === "method-not-allowed" || (host !== undefined && matched.host !== host)) {
    return { kind: "reply", delayMs: 0, reply: errors.notFound(`Cannot ${call.method} ${mounted.path}${host ? ` on the ${host} host` : ""}`) };
  }
  const operation = matched;
  entry.operationId = operation.operationId;

  const decision = env.faults.decide(vendor, operation.operationId);
  const delayMs = decision?.latencyMs ?? 0;
  if (decision) entry.fault = describeFault(decision);
  const outcome = decision?.outcome;
  if (outcome?.kind === "status") return { kind: "reply", delayMs, reply: faultReply(vendor, outcome.status, outcome.retryAfter) };
  if (outcome) return { kind: outcome.kind, delayMs };
  const reply = (r: Reply): Outcome => ({ kind: "reply", delayMs, reply: r });

  if (!module.authInBody) {
    const denied = module.authenticate({ operation, headers: call.headers, body: undefined }, env.context);
    if (denied) return reply(denied);
  }
  const parsed = parseBody(operation, call, module, vendor);
  if ("reply" in parsed) return reply(parsed.reply);
  if (module.authInBody) {
    const denied = module.authenticate({ operation, headers: call.headers, body: parsed.body }, env.context);
    if (denied) return reply(denied);
  }
  const query = module.prepareQuery ? module.prepareQuery(rawQuery, parsed.body) : rawQuery;
  const validation = spec.validateRequest(operation, { method: call.method, path: mounted.path, query, headers: call.headers, body: parsed.body });
  if (validation.problems.length > 0) return reply(errors.badRequest(validation.problems));

  const handler = module.handlers[operation.operationId];
  if (!handler) return reply(errors.status(501, `${operation.operationId} is not emulated`));
  let answer: Reply;
  try {
    answer = handler(
      {
        operation,
        mount: mounted.variables,
        params: validation.params,
        query: validation.query,
        headers: call.headers,
        body: parsed.body,
        url: `${call.origin}${rawPath}`,
      },
      env.context,
    );
  } catch (error) {
    if (error instanceof BadData) return reply(errors.badRequest([error.message]));
    throw error;
  }
  if (call.method !== "GET") env.changed();
  if (env.checkResponses) {
    const problems = answerProblems(spec, operation, answer);
    if (problems.length > 0) return reply({ status: 500, body: { error: "sandbox reply violates the spec", operationId: operation.operationId, problems } });
  }
  return reply(answer);
}

function answerProblems(spec: VendorSpec, operation: SpecOperation, answer: Reply): string[] {
  const problems = spec.validateResponse(operation.operationId, answer.status, answer.body);
  // Statuses the spec leaves out on purpose (SegMetrics' 401 and 404) are documented decisions.
  return problems.filter((p) => !p.startsWith(`status ${answer.status} is not declared`));
}
