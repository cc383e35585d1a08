// Error bodies for a vendor whose module writes none: shaped like the errors its spec documents.
// The template for a status is the documented error example of that status (else of its class,
// 4xx/5xx, else any documented error), or a value built from the error's schema; the reason goes
// into its message field (`message`, `detail`, …), the problems (or the reason) into an `errors`
// list, the status into a numeric `status`/`statusCode`/`code`. A spec that documents no error
// body gets `{ error: "<status text>", message: "<reason>" }`.
import type { VendorSpec } from "../../openapi/vendor-spec.ts";
import { statusText, type Reply } from "../../reply.ts";
import type { VendorErrors } from "../module.ts";
import { schemaInstance } from "./schema-instance.ts";

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);

const MESSAGE_KEYS = ["message", "detail", "error_description", "errorMessage", "description", "title"];

/** Every documented error body of a spec, by status key (`400`, `4XX`, `default`), first one kept. */
function documentedErrors(spec: VendorSpec): Map<string, Node> {
  const found = new Map<string, Node>();
  for (const operation of spec.operations) {
    const responses = (operation.raw as unknown as { responses?: Record<string, unknown> }).responses ?? {};
    for (const [key, response] of Object.entries(responses)) {
      if (found.has(key) || /^[123]/.test(key) || !isNode(response) || !isNode(response.content)) continue;
      const media = response.content["application/json"];
      if (!isNode(media)) continue;
      const named = isNode(media.examples) ? Object.values(media.examples).find((example) => isNode(example) && "value" in example) : undefined;
      const body = media.example ?? (isNode(named) ? named.value : undefined) ?? schemaInstance(media.schema);
      if (isNode(body)) found.set(key, body);
    }
  }
  return found;
}

function fill(template: Node, status: number, reason: string, problems: readonly string[]): Node {
  const body: Node = { ...template };
  const messageKey = MESSAGE_KEYS.find((key) => typeof body[key] === "string");
  let carried = messageKey !== undefined;
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === "number" && /^(status|status_?code|code)$/i.test(key)) body[key] = status;
    else if (Array.isArray(value) && /^errors$/i.test(key)) {
      const item: unknown = value[0];
      body[key] = isNode(item) ? problems.map((problem) => fill(item, status, problem, [])) : [...problems];
      carried ||= problems.length > 0;
    } else if (key === messageKey) body[key] = reason;
    else if (typeof value === "string" && /^error$/i.test(key)) {
      body[key] = messageKey === undefined ? reason : statusText(status);
      carried ||= messageKey === undefined;
    }
  }
  if (!carried) body.message = reason;
  return body;
}

/** The generic shape, for a spec that documents no error body. */
export const genericErrors: VendorErrors = {
  badRequest: (problems) => ({ status: 400, body: { error: statusText(400), message: problems.join("; ") } }),
  unauthorized: (reason) => ({ status: 401, body: { error: statusText(401), message: reason } }),
  notFound: (reason) => ({ status: 404, body: { error: statusText(404), message: reason } }),
  status: (status, reason) => ({ status, body: { error: statusText(status), message: reason } }),
};

export function specErrors(spec: VendorSpec): VendorErrors {
  const documented = documentedErrors(spec);
  if (documented.size === 0) return genericErrors;
  const templateFor = (status: number): Node =>
    documented.get(String(status)) ??
    documented.get(`${Math.floor(status / 100)}XX`) ??
    [...documented].find(([key]) => key.startsWith(String(Math.floor(status / 100))))?.[1] ??
    documented.get("default") ??
    [...documented.values()][0] ??
    {};
  const reply = (status: number, reason: string, problems: readonly string[] = [reason]): Reply => ({ status, body: fill(templateFor(status), status, reason, problems) });
  return {
    badRequest: (problems) => reply(400, problems.join("; "), problems),
    unauthorized: (reason) => reply(401, reason),
    notFound: (reason) => reply(404, reason),
    status: (status, reason) => reply(status, reason),
  };
}
