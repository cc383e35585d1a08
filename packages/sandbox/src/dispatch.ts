// One request through the sandbox: which vendor and operation it is (from the specs), whether a
// fault strikes, credentials, body parsing, validation against the spec, then the vendor's handler.
// Framework-free: the server hands it a plain call and acts on the outcome.
import type { FaultDecision, FaultPlan } from "./faults.ts";
import type { Vendor } from "./generated/vendors.ts";
import type { SpecOperation } from "./openapi/vendor-spec.ts";
import { BadData, statusText, type Reply } from "./reply.ts";
import type { CallContext } from "./vendors/module.ts";
import { matchMount, type Mount } from "./vendors/mounts.ts";
import type { ServedVendor } from "./vendors/registry.ts";

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
  vendors: ReadonlyMap<string, ServedVendor>;
  /** Every vendor's mounts, in matching order. */
  mounts: readonly Mount[];
  faults: FaultPlan;
  /** The context a vendor's module and credential check see. */
  context(vendor: ServedVendor): CallContext;
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

function faultReply(vendor: ServedVendor, status: number, retryAfter: number | undefined): Reply {
  const reply = vendor.errors.status(status, `${statusText(status)} (fault injected by the sandbox)`);
  return retryAfter === undefined ? reply : { ...reply, headers: { ...reply.headers, "retry-after": String(retryAfter) } };
}

function parseBody(operation: SpecOperation, call: IncomingCall, vendor: ServedVendor): { body: unknown } | { reply: Reply } {
  if (operation.bodyTypes.length === 0 || call.body === "") {
    return operation.bodyRequired && call.body === "" ? { reply: vendor.errors.badRequest(["request body is required"]) } : { body: undefined };
  }
  const contentType = call.headers["content-type"] ?? "";
  const media = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (!operation.bodyTypes.includes(media)) {
    if (vendor.module.unsupportedMediaType) return { reply: vendor.module.unsupportedMediaType(contentType) };
    return { reply: vendor.errors.badRequest([`request body must be ${operation.bodyTypes.join(" or ")} (got ${contentType || "no Content-Type"})`]) };
  }
  if (media === "application/x-www-form-urlencoded") return { body: Object.fromEntries(new URLSearchParams(call.body)) };
  try {
    return { body: JSON.parse(call.body) as unknown };
  } catch (error) {
    return { reply: vendor.errors.badRequest([`body is not valid JSON: ${(error as Error).message}`]) };
  }
}

export function dispatch(call: IncomingCall, env: DispatchEnvironment, entry: LogEntry): Outcome {
  const [rawPath = "/", rawQuery = ""] = call.url.split(/\?(.*)/s);
  const mounted = matchMount(env.mounts, rawPath);
  const vendor = mounted && env.vendors.get(mounted.mount.vendor);
  if (!mounted || !vendor) {
    const message = `Nothing is served at ${rawPath}. Vendors: ${env.mounts.map((m) => m.template).join(", ")}; control: /__sandbox`;
    return { kind: "reply", delayMs: 0, reply: { status: 404, body: { error: "Not Found", message } } };
  }
  const { host } = mounted.mount;
  const { spec, module, errors } = vendor;
  // The log names vendors as the sandbox serves them (a spec given to startSandbox may add one).
  entry.vendor = vendor.vendor as Vendor;
  const matched = spec.match(call.method, mounted.path);
  if (matched === undefined || matched === "method-not-allowed" || (host !== undefined && matched.host !== host)) {
    return { kind: "reply", delayMs: 0, reply: errors.notFound(`Cannot ${call.method} ${mounted.path}${host ? ` on the ${host} host` : ""}`) };
  }
  const operation = matched;
  entry.operationId = operation.operationId;

  const decision = env.faults.decide(vendor.vendor, operation.operationId);
  const delayMs = decision?.latencyMs ?? 0;
  if (decision) entry.fault = describeFault(decision);
  const outcome = decision?.outcome;
  if (outcome?.kind === "status") return { kind: "reply", delayMs, reply: faultReply(vendor, outcome.status, outcome.retryAfter) };
  if (outcome) return { kind: outcome.kind, delayMs };
  const reply = (r: Reply): Outcome => ({ kind: "reply", delayMs, reply: r });
  const context = env.context(vendor);

  if (!vendor.authInBody) {
    const denied = vendor.authenticate({ operation, headers: call.headers, body: undefined }, context);
    if (denied) return reply(denied);
  }
  const parsed = parseBody(operation, call, vendor);
  if ("reply" in parsed) return reply(parsed.reply);
  if (vendor.authInBody) {
    const denied = vendor.authenticate({ operation, headers: call.headers, body: parsed.body }, context);
    if (denied) return reply(denied);
  }
  const query = module.prepareQuery ? module.prepareQuery(rawQuery, parsed.body) : rawQuery;
  const validation = spec.validateRequest(operation, { method: call.method, path: mounted.path, query, headers: call.headers, body: parsed.body });
  if (validation.problems.length > 0) return reply(errors.badRequest(validation.problems));

  const handler = vendor.handler(operation.operationId);
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
      context,
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

function answerProblems(spec: ServedVendor["spec"], operation: SpecOperation, answer: Reply): string[] {
  const problems = spec.validateResponse(operation.operationId, answer.status, answer.body);
  // Statuses a spec leaves out on purpose (an undocumented 401 or 404 a module answers) are the
  // module's documented decisions.
  return problems.filter((p) => !p.startsWith(`status ${answer.status} is not declared`));
}
