// Walks a vendor spec's operations: the one reading of `specs/<vendor>.yaml` that the generator,
// the reference, the sandbox and the tests share.

export const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

export function fail(where: string, message: string): never {
  throw new Error(`${where}: ${message}`);
}

/** The component name a local `$ref` points at (`#/components/schemas/Tag` → `Tag`). */
export const refName = (value: unknown): string | undefined =>
  isObject(value) && typeof value.$ref === "string" ? value.$ref.split("/").at(-1) : undefined;

/** The node a local `#/...` pointer names, one step (a `$ref` found there is not followed). */
export function resolvePointer(doc: Json, pointer: string): unknown {
  if (!pointer.startsWith("#/")) fail(pointer, "only local $ref is supported");
  let node: unknown = doc;
  for (const part of pointer.slice(2).split("/")) {
    node = isObject(node) ? node[part.replaceAll("~1", "/").replaceAll("~0", "~")] : undefined;
  }
  if (node === undefined) fail(pointer, "unresolved $ref");
  return node;
}

/** Follows local `#/...` references to the node they end at; specs are self-contained files. */
export function deref(doc: Json, value: unknown): unknown {
  return isObject(value) && typeof value.$ref === "string" ? deref(doc, resolvePointer(doc, value.$ref)) : value;
}

/**
 * Each host's URL by its `x-seg-host` name, in the spec's order. Servers that share a host are the
 * environments of that one API (`x-seg-environment`): the first is the default.
 */
export function serverHosts(servers: unknown, where: string): Record<string, string> {
  if (!Array.isArray(servers)) return {};
  const hosts: Record<string, string> = {};
  for (const server of servers) {
    if (!isObject(server) || typeof server.url !== "string") fail(where, "server without url");
    const host = server["x-seg-host"];
    if (typeof host !== "string") fail(where, `server ${server.url} has no x-seg-host`);
    if (Object.hasOwn(hosts, host) && typeof server["x-seg-environment"] !== "string") {
      fail(where, `servers share x-seg-host ${host}: name each one's environment with x-seg-environment, or give each API its own x-seg-host`);
    }
    hosts[host] ??= server.url;
  }
  return hosts;
}

/**
 * The spec's environments (`x-seg-environment` on its root servers): each one's URL for every host,
 * in the spec's order, the default first. Empty when the spec names none.
 */
export function serverEnvironments(doc: Json): Record<string, Record<string, string>> {
  const servers = Array.isArray(doc.servers) ? doc.servers.filter(isObject) : [];
  const named = servers.filter((server) => typeof server["x-seg-environment"] === "string");
  if (named.length === 0) return {};
  if (named.length !== servers.length) fail("servers", "x-seg-environment must be on every root server or none");
  const environments: Record<string, Record<string, string>> = {};
  for (const server of named) {
    const environment = String(server["x-seg-environment"]);
    const host = String(server["x-seg-host"]);
    const urls = (environments[environment] ??= {});
    if (Object.hasOwn(urls, host)) fail("servers", `environment ${environment} has two ${host} servers`);
    urls[host] = String(server.url);
  }
  const hosts = Object.keys(serverHosts(servers, "servers")).sort().join(", ");
  for (const [environment, urls] of Object.entries(environments)) {
    if (Object.keys(urls).sort().join(", ") !== hosts) fail("servers", `environment ${environment} must have a server for each host (${hosts})`);
  }
  return environments;
}

export interface SpecOperation {
  /** `"POST /contact"`: the key of the generated operation table. */
  where: string;
  method: (typeof METHODS)[number];
  path: string;
  operationId: string;
  operation: Json;
  /** The `x-seg-host` the operation is served from: its own server, else its path's, else the spec's first. */
  host: string;
  /** Every server the operation's path item or the operation itself declares (the spec's are in `servers`). */
  ownServers: Record<string, string>;
  idempotent: boolean;
  /** Path-level then operation-level parameters, resolved. */
  parameters: Json[];
  /** The request body, resolved (undefined when there is none). */
  requestBody: Json | undefined;
  /**
   * The request body as the client sends it: JSON where the spec takes JSON, else a form where it
   * takes `application/x-www-form-urlencoded` (undefined when neither); its schema as written (maybe a `$ref`).
   */
  body: { type: "json" | "form"; mediaType: string; schema: unknown } | undefined;
  /** The inputs the client fills in (`x-seg-bind`): query parameter or body property → config value. */
  bind: { query: Record<string, string>; body: Record<string, string> };
}

const FORM = "application/x-www-form-urlencoded";

/** The spec writes a JSON body for this media type (`application/json`, `application/problem+json`). */
export const isJsonMedia = (contentType: string | undefined): boolean => contentType !== undefined && /[/+]json\b/i.test(contentType);

/** The media type of a (resolved) request body the client sends: JSON if the spec takes it, else a form. */
function sentBody(requestBody: Json | undefined): SpecOperation["body"] {
  const content = isObject(requestBody?.content) ? requestBody.content : {};
  const json = Object.keys(content).find(isJsonMedia);
  const mediaType = json ?? Object.keys(content).find((type) => type.toLowerCase() === FORM);
  if (mediaType === undefined) return undefined;
  return { type: json === undefined ? "form" : "json", mediaType, schema: (content[mediaType] as Json | undefined)?.schema };
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

function queryBindings(parameters: Json[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const parameter of parameters) {
    if (typeof parameter["x-seg-bind"] !== "string") continue;
    if (parameter.in !== "query") fail(String(parameter.name), "x-seg-bind is supported on query parameters only");
    found[String(parameter.name)] = parameter["x-seg-bind"];
  }
  return found;
}

/** Every operation of a spec, in the spec's order; throws naming the operation when a seg convention is broken. */
export function specOperations(doc: unknown): { doc: Json; servers: Record<string, string>; operations: SpecOperation[] } {
  if (!isObject(doc) || !isObject(doc.paths)) fail("spec", "no paths");
  const rootServers = serverHosts(doc.servers, "servers");
  const servers = { ...rootServers };
  const operations: SpecOperation[] = [];
  for (const [path, rawItem] of Object.entries(doc.paths)) {
    const item = deref(doc, rawItem) as Json;
    const pathServers = serverHosts(item.servers, path);
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const where = `${method.toUpperCase()} ${path}`;
      const operationServers = serverHosts(operation.servers, where);
      Object.assign(servers, pathServers, operationServers);
      const host = [operationServers, pathServers, rootServers].map((hosts) => Object.keys(hosts)[0]).find((name) => name !== undefined);
      if (host === undefined) fail(where, "no server");
      if (typeof operation.operationId !== "string") fail(where, "no operationId");
      const idempotent = operation["x-seg-idempotent"];
      if (typeof idempotent !== "boolean") fail(where, "x-seg-idempotent must be true or false");
      const parameters = [
        ...(Array.isArray(item.parameters) ? (item.parameters as unknown[]) : []),
        ...(Array.isArray(operation.parameters) ? (operation.parameters as unknown[]) : []),
      ].map((parameter) => deref(doc, parameter) as Json);
      const requestBody = deref(doc, operation.requestBody) as Json | undefined;
      const body = sentBody(requestBody);
      operations.push({
        where,
        method,
        path,
        operationId: operation.operationId,
        operation,
        host,
        ownServers: { ...pathServers, ...operationServers },
        idempotent,
        parameters,
        requestBody,
        body,
        bind: { query: queryBindings(parameters), body: bodyBindings(doc, body?.schema) },
      });
    }
  }
  return { doc, servers, operations };
}
