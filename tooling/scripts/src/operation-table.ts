// Builds src/generated/operations.ts: the runtime facts about each operation that the types alone
// cannot carry (its host, whether it is safe to retry, which inputs the client fills in).

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

type Json = Record<string, unknown>;

interface OperationEntry {
  operationId: string;
  host: string;
  idempotent: boolean;
  /** The spec lets this operation run without credentials (`security: []`): send none. */
  anonymous?: true;
  /** The success body is not JSON (or not documented as JSON): read it as text. */
  parseAs?: "text";
  bind?: { query?: Record<string, string>; body?: Record<string, string> };
}

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

function fail(where: string, message: string): never {
  throw new Error(`${where}: ${message}`);
}

/** Follows a local `#/...` reference; specs are self-contained files. */
function deref(doc: Json, value: unknown): unknown {
  if (!isObject(value) || typeof value.$ref !== "string") return value;
  const pointer = value.$ref;
  if (!pointer.startsWith("#/")) fail(pointer, "only local $ref is supported");
  let node: unknown = doc;
  for (const part of pointer.slice(2).split("/")) {
    node = isObject(node) ? node[part.replaceAll("~1", "/").replaceAll("~0", "~")] : undefined;
  }
  if (node === undefined) fail(pointer, "unresolved $ref");
  return deref(doc, node);
}

function serverHosts(servers: unknown, where: string): Record<string, string> {
  if (!Array.isArray(servers)) return {};
  const hosts: Record<string, string> = {};
  for (const server of servers) {
    if (!isObject(server) || typeof server.url !== "string") fail(where, "server without url");
    const host = server["x-seg-host"];
    if (typeof host !== "string") fail(where, `server ${server.url} has no x-seg-host`);
    hosts[host] = server.url;
  }
  return hosts;
}

/** Every `x-seg-bind` on a property of the body schema, through allOf/oneOf/anyOf and $refs. */
function bodyBindings(doc: Json, schema: unknown, found: Record<string, string> = {}): Record<string, string> {
  const node = deref(doc, schema);
  if (!isObject(node)) return found;
  if (isObject(node.properties)) {
    for (const [name, property] of Object.entries(node.properties)) {
      // OpenAPI 3.1 allows siblings next to $ref, so look at the property before following it.
      const bind = (isObject(property) ? property["x-seg-bind"] : undefined) ?? (deref(doc, property) as Json | undefined)?.["x-seg-bind"];
      if (typeof bind === "string") found[name] = bind;
    }
  }
  for (const key of ["allOf", "oneOf", "anyOf"]) {
    const parts = node[key];
    if (Array.isArray(parts)) for (const part of parts) bodyBindings(doc, part, found);
  }
  return found;
}

function queryBindings(doc: Json, parameters: unknown[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const raw of parameters) {
    const parameter = deref(doc, raw) as Json;
    if (typeof parameter["x-seg-bind"] !== "string") continue;
    if (parameter.in !== "query") fail(String(parameter.name), "x-seg-bind is supported on query parameters only");
    found[String(parameter.name)] = parameter["x-seg-bind"];
  }
  return found;
}

/** True when some 2xx response is JSON, or none has a body (openapi-fetch's default then fits). */
function successIsJson(doc: Json, responses: unknown): boolean {
  if (!isObject(responses)) return true;
  const types = Object.entries(responses)
    .filter(([status]) => /^2/.test(status))
    .flatMap(([, response]) => Object.keys(((deref(doc, response) as Json).content as Json | undefined) ?? {}));
  return types.length === 0 || types.some((type) => /json/i.test(type));
}

export function operationTable(doc: unknown): { servers: Record<string, string>; operations: Record<string, OperationEntry> } {
  if (!isObject(doc) || !isObject(doc.paths)) fail("spec", "no paths");
  const servers = serverHosts(doc.servers, "servers");
  const operations: Record<string, OperationEntry> = {};
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    const item = deref(doc, rawItem) as Json;
    const pathServers = serverHosts(item.servers, path);
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const ownServers = serverHosts(operation.servers, where);
      Object.assign(servers, pathServers, ownServers);
      const host = [ownServers, pathServers, serverHosts(doc.servers, "servers")]
        .map((hosts) => Object.keys(hosts)[0])
        .find((name) => name !== undefined);
      if (host === undefined) fail(where, "no server");
      if (typeof operation.operationId !== "string") fail(where, "no operationId");
      const idempotent = operation["x-seg-idempotent"];
      if (typeof idempotent !== "boolean") fail(where, "x-seg-idempotent must be true or false");

      const entry: OperationEntry = { operationId: operation.operationId, host, idempotent };
      const security = operation.security ?? doc.security;
      if (Array.isArray(security) && (security.length === 0 || security.some((s) => isObject(s) && Object.keys(s).length === 0))) {
        entry.anonymous = true;
      }
      if (!successIsJson(doc, operation.responses)) entry.parseAs = "text";
      const parameters = [
        ...(Array.isArray(item.parameters) ? (item.parameters as unknown[]) : []),
        ...(Array.isArray(operation.parameters) ? (operation.parameters as unknown[]) : []),
      ];
      const query = queryBindings(doc, parameters);
      const content = (deref(doc, operation.requestBody) as Json | undefined)?.content;
      const jsonSchema = isObject(content) ? (content["application/json"] as Json | undefined)?.schema : undefined;
      const body = bodyBindings(doc, jsonSchema);
      if (Object.keys(query).length || Object.keys(body).length) {
        entry.bind = {
          ...(Object.keys(query).length ? { query } : {}),
          ...(Object.keys(body).length ? { body } : {}),
        };
      }
      operations[where] = entry;
    }
  }
  return { servers, operations };
}

export function operationTableSource(doc: unknown, source: string): string {
  const { servers, operations } = operationTable(doc);
  return `/**
 * This file was generated from ${source} by \`pnpm generate\`.
 * Do not make direct changes to the file.
 */

/** Each host's URL template, by its \`x-seg-host\` name. */
export const servers = ${JSON.stringify(servers, null, 2)} as const;

/** Each operation by "METHOD /path": its host, retry safety and the inputs the client fills in. */
export const operations = ${JSON.stringify(operations, null, 2)} as const;
`;
}
