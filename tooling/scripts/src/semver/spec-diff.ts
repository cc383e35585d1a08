// Classifies the difference between two versions of a vendor spec: operations, their parameters,
// request bodies and responses (schemas followed through $refs), hosts, security and the x-seg-*
// extensions. A focused structural differ rather than a library: oasdiff is a Go binary (no npm
// package ships it), @pb33f/openapi-changes downloads its binary at install (no network here), and
// the JavaScript differs either stop at OpenAPI 3.0 or classify with rules of their own that know
// nothing of x-seg-host / x-seg-bind; here every verdict comes from the table in rules.ts.
import { ChangeList } from "./change-list.ts";
import { diffBinding, diffSchema, type SchemaContext, type Side } from "./schema-diff.ts";
import type { Change } from "./rules.ts";
import { asObject, bindOf, isObject, key, resolve, type Json } from "./spec-json.ts";

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"] as const;
/** The extensions with a rule of their own; any other `x-seg-*` change is `spec-extension-changed`. */
const KNOWN_EXTENSIONS = new Set(["x-seg-host", "x-seg-idempotent", "x-seg-bind"]);

interface Operation {
  label: string;
  pathItem: Json;
  operation: Json;
}

function operationsOf(doc: Json): Map<string, Operation> {
  const found = new Map<string, Operation>();
  for (const [path, raw] of Object.entries(asObject(doc.paths))) {
    const pathItem = resolve(doc, raw).node;
    for (const method of METHODS) {
      if (isObject(pathItem[method])) found.set(`${method.toUpperCase()} ${path}`, { label: `${method.toUpperCase()} ${path}`, pathItem, operation: pathItem[method] });
    }
  }
  return found;
}

/** Host names (x-seg-host, else the URL) an operation is served from. */
function hostsOf(doc: Json, op: Operation): string {
  const servers = (op.operation.servers ?? op.pathItem.servers ?? doc.servers ?? []) as unknown[];
  return servers.map((server) => String(asObject(server)["x-seg-host"] ?? asObject(server).url)).sort().join(",");
}

/** The security requirement that applies, normalised; `anonymous` when none is needed. */
function securityOf(doc: Json, op: Operation): string {
  const requirement = (op.operation.security ?? doc.security ?? []) as unknown[];
  if (requirement.length === 0 || requirement.some((r) => Object.keys(asObject(r)).length === 0)) return "anonymous";
  return key(requirement.map((r) => Object.keys(asObject(r)).sort()).sort());
}

function parametersOf(doc: Json, op: Operation): Map<string, Json> {
  const found = new Map<string, Json>();
  for (const raw of [...((op.pathItem.parameters as unknown[] | undefined) ?? []), ...((op.operation.parameters as unknown[] | undefined) ?? [])]) {
    const parameter = resolve(doc, raw).node;
    found.set(`${String(parameter.in)} parameter ${String(parameter.name)}`, { ...parameter, "x-seg-bind": bindOf(doc, raw) });
  }
  return found;
}

const extensions = (node: Json): Json =>
  Object.fromEntries(Object.entries(node).filter(([name]) => name.startsWith("x-seg-") && !KNOWN_EXTENSIONS.has(name)));

function serversOf(doc: Json): Map<string, Json> {
  const all: unknown[] = [...((doc.servers as unknown[] | undefined) ?? [])];
  for (const op of operationsOf(doc).values()) all.push(...((op.operation.servers ?? op.pathItem.servers ?? []) as unknown[]));
  return new Map(all.map((server) => [String(asObject(server)["x-seg-host"] ?? asObject(server).url), asObject(server)]));
}

export function diffSpecs(before: Json, after: Json): Change[] {
  const changes = new ChangeList();
  const context = (side: Side, via: string): SchemaContext => ({ before, after, side, via, changes, seen: new Set() });

  const opsBefore = operationsOf(before);
  const opsAfter = operationsOf(after);
  const idsAfter = new Map([...opsAfter.values()].map((op) => [op.operation.operationId, op.label]));
  // Operations removed and added first: they are what a reader looks for.
  for (const [label, old] of opsBefore) {
    if (opsAfter.has(label)) continue;
    const movedTo = idsAfter.get(old.operation.operationId);
    changes.add("operation-removed", label, movedTo === undefined || opsBefore.has(movedTo) ? {} : { note: `${String(old.operation.operationId)} is now ${movedTo}` });
  }
  for (const label of opsAfter.keys()) if (!opsBefore.has(label)) changes.add("operation-added", label);
  for (const [label, old] of opsBefore) {
    const now = opsAfter.get(label);
    if (now === undefined) continue;
    if (old.operation.operationId !== now.operation.operationId) changes.add("operation-id-changed", label);
    if (hostsOf(before, old) !== hostsOf(after, now)) changes.add("operation-host-changed", label, { note: `${hostsOf(before, old)} → ${hostsOf(after, now)}` });
    if (old.operation["x-seg-idempotent"] !== now.operation["x-seg-idempotent"]) changes.add("operation-retry-changed", label);
    const [securityBefore, securityAfter] = [securityOf(before, old), securityOf(after, now)];
    if (securityBefore !== securityAfter) changes.add(securityAfter === "anonymous" ? "auth-removed" : "auth-changed", label);
    if (key(extensions(old.operation)) !== key(extensions(now.operation))) changes.add("spec-extension-changed", `${label} x-seg-* extensions`);
    diffParameters(before, after, old, now, context);
    diffRequestBody(before, after, old, now, context);
    diffResponses(before, after, old, now, context);
  }

  diffHosts(before, after, changes);
  diffComponents(before, after, changes);
  return changes.list();
}

function diffParameters(before: Json, after: Json, old: Operation, now: Operation, context: (side: Side, via: string) => SchemaContext): void {
  const ctx = context("request", old.label);
  const paramsBefore = parametersOf(before, old);
  const paramsAfter = parametersOf(after, now);
  // A parameter the client fills in (x-seg-bind) is optional to callers.
  const isRequired = (p: Json) => p.required === true && p["x-seg-bind"] === undefined;
  for (const [name, parameter] of paramsBefore) {
    const at = `${old.label} ${name}`;
    const next = paramsAfter.get(name);
    if (next === undefined) {
      ctx.changes.add("parameter-removed", at);
      continue;
    }
    if (isRequired(parameter) && !isRequired(next)) ctx.changes.add("parameter-became-optional", at);
    if (!isRequired(parameter) && isRequired(next)) ctx.changes.add("parameter-became-required", at);
    diffBinding(ctx, parameter["x-seg-bind"] as string | undefined, next["x-seg-bind"] as string | undefined, at);
    diffSchema(ctx, parameter.schema ?? {}, next.schema ?? {}, at);
  }
  for (const [name, parameter] of paramsAfter) {
    if (!paramsBefore.has(name)) ctx.changes.add(isRequired(parameter) ? "parameter-added-required" : "parameter-added-optional", `${old.label} ${name}`);
  }
}

function diffRequestBody(before: Json, after: Json, old: Operation, now: Operation, context: (side: Side, via: string) => SchemaContext): void {
  const ctx = context("request", old.label);
  const bodyBefore = old.operation.requestBody === undefined ? undefined : resolve(before, old.operation.requestBody).node;
  const bodyAfter = now.operation.requestBody === undefined ? undefined : resolve(after, now.operation.requestBody).node;
  if (bodyBefore === undefined && bodyAfter === undefined) return;
  if (bodyBefore === undefined || bodyAfter === undefined) {
    if (bodyAfter !== undefined) ctx.changes.add(bodyAfter.required === true ? "request-body-added-required" : "request-body-added-optional", old.label);
    else ctx.changes.add("request-body-removed", old.label);
    return;
  }
  if (bodyBefore.required === true && bodyAfter.required !== true) ctx.changes.add("request-body-became-optional", old.label);
  if (bodyBefore.required !== true && bodyAfter.required === true) ctx.changes.add("request-body-became-required", old.label);
  diffContent(ctx, bodyBefore.content, bodyAfter.content, `${old.label} body`, ["request-media-type-removed", "request-media-type-added"]);
}

function diffContent(
  ctx: SchemaContext,
  before: unknown,
  after: unknown,
  at: string,
  [removed, added]: ["request-media-type-removed" | "response-media-type-removed", "request-media-type-added" | "response-media-type-added"],
): void {
  const typesBefore = asObject(before);
  const typesAfter = asObject(after);
  const single = Object.keys(typesBefore).length === 1 && Object.keys(typesAfter).length === 1;
  for (const [mediaType, media] of Object.entries(typesBefore)) {
    const next = typesAfter[mediaType];
    if (next === undefined) ctx.changes.add(removed, `${at} ${mediaType}`);
    else diffSchema(ctx, asObject(media).schema ?? {}, asObject(next).schema ?? {}, single ? at : `${at} ${mediaType}`);
  }
  for (const mediaType of Object.keys(typesAfter)) if (!(mediaType in typesBefore)) ctx.changes.add(added, `${at} ${mediaType}`);
}

const isSuccess = (status: string): boolean => /^2/.test(status);

function diffResponses(before: Json, after: Json, old: Operation, now: Operation, context: (side: Side, via: string) => SchemaContext): void {
  const ctx = context("response", old.label);
  const responsesBefore = asObject(old.operation.responses);
  const responsesAfter = asObject(now.operation.responses);
  for (const [status, raw] of Object.entries(responsesBefore)) {
    const at = `${old.label} ${status} response`;
    if (!(status in responsesAfter)) {
      ctx.changes.add(isSuccess(status) ? "response-success-removed" : "response-error-removed", old.label, { note: status });
      continue;
    }
    const content = (doc: Json, value: unknown) => resolve(doc, value).node.content;
    diffContent(ctx, content(before, raw), content(after, responsesAfter[status]), at, ["response-media-type-removed", "response-media-type-added"]);
  }
  for (const status of Object.keys(responsesAfter)) {
    if (!(status in responsesBefore)) ctx.changes.add(isSuccess(status) ? "response-success-added" : "response-error-added", old.label, { note: status });
  }
}

function diffHosts(before: Json, after: Json, changes: ChangeList): void {
  const hostsBefore = serversOf(before);
  const hostsAfter = serversOf(after);
  const variables = (server: Json) => Object.keys(asObject(server.variables)).sort().join(",");
  for (const [host, server] of hostsBefore) {
    const next = hostsAfter.get(host);
    if (next === undefined) changes.add("host-removed", host);
    else if (variables(server) !== variables(next)) changes.add("host-variables-changed", host, { note: `{${variables(server)}} → {${variables(next)}}` });
    else if (server.url !== next.url) changes.add("host-url-changed", host);
  }
  for (const host of hostsAfter.keys()) if (!hostsBefore.has(host)) changes.add("host-added", host);
}

const DOC_KEYS = new Set(["description", "summary", "example", "examples", "title", "externalDocs"]);

/** A value without its documentation keys, for comparing what a change does rather than says. */
const withoutDocs = (value: unknown): unknown =>
  Array.isArray(value)
    ? value.map(withoutDocs)
    : isObject(value)
      ? Object.fromEntries(Object.entries(value).filter(([name]) => !DOC_KEYS.has(name)).map(([name, v]) => [name, withoutDocs(v)]))
      : value;

function diffComponents(before: Json, after: Json, changes: ChangeList): void {
  const schemasBefore = asObject(asObject(before.components).schemas);
  const schemasAfter = asObject(asObject(after.components).schemas);
  for (const name of Object.keys(schemasBefore)) if (!(name in schemasAfter)) changes.add("schema-removed", name);
  for (const name of Object.keys(schemasAfter)) if (!(name in schemasBefore)) changes.add("schema-added", name);
  const schemesBefore = asObject(asObject(before.components).securitySchemes);
  const schemesAfter = asObject(asObject(after.components).securitySchemes);
  for (const [name, scheme] of Object.entries(schemesBefore)) {
    if (name in schemesAfter && key(withoutDocs(scheme)) !== key(withoutDocs(schemesAfter[name]))) changes.add("auth-scheme-changed", name);
  }
}
