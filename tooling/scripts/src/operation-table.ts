// Builds src/generated/operations.ts: the runtime facts about each operation that the types alone
// cannot carry (its host, whether it is safe to retry, which inputs the client fills in).

import { deref, isObject, serverEnvironments, specOperations, type Json } from "@seg/spec";

interface OperationEntry {
  operationId: string;
  host: string;
  idempotent: boolean;
  /** The spec lets this operation run without credentials (`security: []`): send none. */
  anonymous?: true;
  /** The success body is not JSON (or not documented as JSON): read it as text. */
  parseAs?: "text";
  /**
   * The request body's media type where it is not `application/json`: a form the spec takes
   * instead of JSON (`application/x-www-form-urlencoded`), or another JSON type (`application/merge-patch+json`).
   */
  contentType?: string;
  bind?: { query?: Record<string, string>; body?: Record<string, string> };
}

/** True when some 2xx response is JSON, or none has a body (openapi-fetch's default then fits). */
function successIsJson(doc: Json, responses: unknown): boolean {
  if (!isObject(responses)) return true;
  const types = Object.entries(responses)
    .filter(([status]) => /^2/.test(status))
    .flatMap(([, response]) => Object.keys(((deref(doc, response) as Json).content as Json | undefined) ?? {}));
  return types.length === 0 || types.some((type) => /json/i.test(type));
}

export function operationTable(spec: unknown): { servers: Record<string, string>; operations: Record<string, OperationEntry> } {
  const { doc, servers, operations: walked } = specOperations(spec);
  const operations: Record<string, OperationEntry> = {};
  for (const { where, operationId, operation, host, idempotent, bind, body: sent } of walked) {
    const entry: OperationEntry = { operationId, host, idempotent };
    const security = operation.security ?? doc.security;
    if (Array.isArray(security) && (security.length === 0 || security.some((s) => isObject(s) && Object.keys(s).length === 0))) {
      entry.anonymous = true;
    }
    if (!successIsJson(doc, operation.responses)) entry.parseAs = "text";
    if (sent && sent.mediaType.toLowerCase() !== "application/json") entry.contentType = sent.mediaType;
    const { query, body } = bind;
    if (Object.keys(query).length || Object.keys(body).length) {
      entry.bind = {
        ...(Object.keys(query).length ? { query } : {}),
        ...(Object.keys(body).length ? { body } : {}),
      };
    }
    operations[where] = entry;
  }
  return { servers, operations };
}

/** The environments block, for a spec that names its environments (`x-seg-environment`). */
function environmentsSource(doc: Json): string {
  const environments = serverEnvironments(doc);
  if (Object.keys(environments).length === 0) return "";
  return `
/** Each environment's host URLs, by its \`x-seg-environment\` name; the first is the default. */
export const environments = ${JSON.stringify(environments, null, 2)} as const;
`;
}

export function operationTableSource(doc: unknown, source: string): string {
  const { servers, operations } = operationTable(doc);
  return `/**
 * This file was generated from ${source} by \`pnpm generate\`.
 * Do not make direct changes to the file.
 */

/** Each host's URL template, by its \`x-seg-host\` name. */
export const servers = ${JSON.stringify(servers, null, 2)} as const;
${environmentsSource(doc as Json)}
/** Each operation by "METHOD /path": its host, retry safety and the inputs the client fills in. */
export const operations = ${JSON.stringify(operations, null, 2)} as const;
`;
}
