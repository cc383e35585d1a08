// Every documented operation of every vendor, read from specs/<vendor>.yaml, and one way to call any
// of them on the clients of vendors.ts (planted secrets, every host under a test server). Suites
// walk these lists instead of naming operations, so an operation added to a spec is covered at once.
import { createSegmenterClient } from "@seg/segmenter";
import { createSegmentHubClient } from "@seg/segmenthub";
import { createSegmetricsClient } from "@seg/segmetrics";
import { createSegmintClient } from "@seg/segmint";
import type { Reply, RecordedRequest } from "@seg/test-server";
import { validCall } from "@seg/test-server/calls";
import {
  credentialOf,
  deref,
  documentedResponses,
  isObject,
  readSpec as readVendorSpec,
  specOperations,
  specVendors,
  type Credential,
  type Json,
} from "@seg/spec";
import { DERIVED, segmenter, segmenthub, segmetrics, segmint, SLOTS, type Transport } from "./vendors.ts";

export interface SpecParameter {
  name: string;
  in: string;
  required: boolean;
  /** `x-seg-bind`: the client fills it in from its configuration. */
  bound: boolean;
  /** An array written as one comma-separated value (`style: form, explode: false`). */
  commaArray: boolean;
  /** The schema's types (`["string", "integer"]` for a oneOf of both). */
  types: string[];
}

export interface SpecOperation {
  vendor: string;
  method: string;
  path: string;
  operationId: string;
  /** `x-seg-host` of the operation's server. */
  host: string;
  parameters: SpecParameter[];
  /** The request body is JSON. */
  jsonBody: boolean;
  /** The valid call's JSON body (@seg/test-server's `validCall`), without the properties the client binds. */
  body: unknown;
  /** The success body is JSON (else it is read as text). */
  jsonSuccess: boolean;
  /** `x-seg-idempotent`: retried automatically. */
  idempotent: boolean;
  /** Requests credentials: not `security: []`. */
  authenticated: boolean;
  /**
   * The client calls it itself to obtain the credentials every other operation uses (its security
   * names a scheme the root's does not: Segmint's token exchange). Callers never call it.
   */
  exchange: boolean;
  /** Not in the spec: called through the client's `undocumented(method, path, init)`. */
  undocumented?: true;
}

export interface Spec {
  vendor: string;
  /** Every server of the spec by `x-seg-host`, as its URL template. */
  servers: Record<string, string>;
  /** The hosts the operations use (what a base-URL override must cover). */
  hosts: string[];
  /** Header names credentials travel in (`Authorization`, `x-api-key`). */
  credentialHeaders: string[];
  operations: SpecOperation[];
}

/** The schema's types (`["string", "integer"]` for a oneOf of both). */
function typesOf(doc: Json, schema: unknown): string[] {
  const node = deref(doc, schema);
  if (!isObject(node)) return [];
  const alternatives = node.oneOf ?? node.anyOf;
  if (Array.isArray(alternatives)) return alternatives.flatMap((alternative) => typesOf(doc, alternative));
  return ([] as unknown[]).concat(node.type ?? []).map(String);
}

/** Requests credentials: its security (else the root's) names a scheme. */
const secured = (security: unknown): boolean => Array.isArray(security) && security.some((requirement) => isObject(requirement) && Object.keys(requirement).length > 0);

/** The header names `credential` travels in. */
function credentialHeaders(credential: Credential): string[] {
  if (credential.kind === "header") return [credential.header];
  return credential.kind === "bearer" || credential.kind === "basic" || credential.kind === "exchange" ? ["Authorization"] : [];
}

/** One vendor's spec as these suites need it, read by @seg/spec (the one spec walker). */
function readSpec(vendor: string): Spec {
  const doc = readVendorSpec(vendor);
  const { servers, operations: walked } = specOperations(doc);
  const credential = credentialOf(doc);
  const exchange = credential.kind === "exchange" ? credential.operation : undefined;
  const operations = walked.map((op): SpecOperation => {
    const jsonBody = op.body?.type === "json";
    const success = documentedResponses(doc, op).find((response) => response.status.startsWith("2"));
    return {
      vendor,
      method: op.method.toUpperCase(),
      path: op.path,
      operationId: op.operationId,
      host: op.host,
      parameters: op.parameters.map((parameter) => ({
        name: String(parameter.name),
        in: String(parameter.in),
        required: parameter.required === true,
        bound: parameter["x-seg-bind"] !== undefined,
        commaArray: typesOf(doc, parameter.schema).includes("array") && parameter.explode === false,
        types: typesOf(doc, parameter.schema),
      })),
      jsonBody,
      body: jsonBody ? validCall(doc, op, {}).init.body : undefined,
      jsonSuccess: success?.contentType === "application/json",
      idempotent: op.idempotent,
      authenticated: secured(op.operation.security ?? doc.security),
      exchange: op.where === exchange,
    };
  });
  return { vendor, servers, hosts: [...new Set(operations.map((op) => op.host))], credentialHeaders: credentialHeaders(credential), operations };
}

/** Every spec in specs/, by file name. */
export const SPECS: readonly Spec[] = specVendors().map(readSpec);

export const OPERATIONS: readonly SpecOperation[] = SPECS.flatMap((spec) => spec.operations);

/** The operations a caller calls (every one but a credential exchange). */
export const CALLABLE: readonly SpecOperation[] = OPERATIONS.filter((op) => !op.exchange);

export const specOf = (vendor: string): Spec => {
  const found = SPECS.find((spec) => spec.vendor === vendor);
  if (!found) throw new Error(`no spec for ${vendor}`);
  return found;
};

/**
 * A call of the escape hatch, `undocumented(method, path, init)`, as an operation: every vendor has
 * one, so the path, query, header and body checks are exercised for every vendor, whatever its spec.
 */
export function undocumentedOp(vendor: string, method = "POST", path = "/undocumented/{thing_id}"): SpecOperation {
  const names = [...path.matchAll(/\{([^{}]+)\}/g)].map((match) => match[1] as string);
  return {
    vendor,
    method,
    path,
    operationId: `${method} ${path}`,
    host: "",
    parameters: names.map((name) => ({ name, in: "path", required: true, bound: false, commaArray: false, types: ["string"] })),
    jsonBody: true,
    body: method === "GET" ? undefined : { note: "undocumented" },
    jsonSuccess: true,
    idempotent: ["GET", "PUT", "DELETE"].includes(method),
    authenticated: true,
    exchange: false,
    undocumented: true,
  };
}

/** Arrays in a query are comma-joined by this vendor's client (its spec's style), else repeated keys. */
export const commaArrays = (vendor: string): boolean => specOf(vendor).operations.some((op) => op.parameters.some((p) => p.commaArray));

/** `"segmetrics GET /contact/{contact_id_or_email} (getContact)"` */
export const label = (op: SpecOperation): string => `${op.vendor} ${op.method} ${op.path} (${op.operationId})`;

export type Result = { data?: unknown; error?: unknown; response: Response };

export interface Init {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: unknown };
  body?: unknown;
  headers?: unknown;
  retry?: unknown;
  timeoutMs?: unknown;
  deadlineMs?: unknown;
}

/** A vendor client seen through one untyped door: its METHOD(path, init) and `undocumented`. */
export interface AnyClient {
  call(method: string, path: string, init?: Init): Promise<Result>;
  undocumented(method: string, path: string, init?: Init): Promise<Result>;
}

type Untyped = Record<string, (path: string, init?: Init) => Promise<Result>> & {
  undocumented: (method: string, path: string, init?: Init) => Promise<Result>;
};

/** Wraps a typed client; the tests feed it what the types would refuse, on purpose. */
export function untyped(client: unknown): AnyClient {
  const methods = client as Untyped;
  return {
    call: (method, path, init) => {
      const run = methods[method];
      if (!run) throw new Error(`no method ${method}`);
      return run(path, init);
    },
    undocumented: (method, path, init) => methods.undocumented(method, path, init),
  };
}

const FACTORIES: Record<string, (origin: string, transport?: Transport) => unknown> = {
  segmetrics,
  segmenter,
  segmenthub,
  segmint,
  ...Object.fromEntries(DERIVED.map((derived) => [derived.vendor, derived.factory])),
};

/** Every vendor that has a client factory here (vendors.test.ts checks each spec has one). */
export const CLIENT_VENDORS: readonly string[] = Object.keys(FACTORIES);

/** The vendors.ts client of `vendor` (planted secrets), with every host under `origin`. */
export function clientOf(vendor: string, origin: string, transport: Transport = {}): AnyClient {
  const factory = FACTORIES[vendor];
  if (!factory) throw new Error(`no client factory for ${vendor} in operations.ts`);
  return untyped(factory(origin, transport));
}

/** Every secret the vendor's vendors.ts client holds. */
export const secretsOf = (vendor: string): string[] => [...new Set(SLOTS.filter((slot) => slot.vendor === vendor).flatMap((slot) => slot.secrets))];

/** A success answer to any request of the vendor. */
export function okOf(vendor: string): (request: RecordedRequest) => Reply {
  const slot = SLOTS.find((candidate) => candidate.vendor === vendor);
  if (!slot) throw new Error(`no slot for ${vendor} in vendors.ts`);
  return slot.ok;
}

/** A valid value for a parameter the test does not vary. */
const plain = (parameter: SpecParameter): unknown => (parameter.types.includes("array") ? ["v1"] : parameter.types.includes("string") ? "v1" : 1);

/** A valid call of `op`: every path parameter and every required, unbound query parameter filled in, its example body. */
export function validInit(op: SpecOperation): Init {
  const path = Object.fromEntries(op.parameters.filter((p) => p.in === "path").map((p) => [p.name, "p1"]));
  const query = Object.fromEntries(op.parameters.filter((p) => p.in === "query" && p.required && !p.bound).map((p) => [p.name, plain(p)]));
  return {
    params: { ...(Object.keys(path).length ? { path } : {}), ...(Object.keys(query).length ? { query } : {}) },
    ...(op.body === undefined ? {} : { body: structuredClone(op.body) }),
    retry: false,
  };
}

/** Calls `op` on `client` with `validInit(op)`, parts replaced by `change`. */
export function callOp(client: AnyClient, op: SpecOperation, change: (init: Init) => Init = (init) => init): Promise<Result> {
  const init = change(validInit(op));
  return op.undocumented ? client.undocumented(op.method, op.path, init) : client.call(op.method, op.path, init);
}

/** The requests a test server saw, without a credential exchange's (Segmint's token requests). */
export function apiRequests(requests: readonly RecordedRequest[], vendor: string): RecordedRequest[] {
  const exchanges = specOf(vendor).operations.filter((op) => op.exchange).map((op) => op.path);
  return requests.filter((request) => !exchanges.some((path) => request.path.endsWith(path)));
}

/** How each vendor's client is created from raw options, and the credential options it takes. */
export interface Constructor {
  create: (options: Record<string, unknown>) => AnyClient;
  /** Every credential option, with a valid (planted) value. */
  credentials: Record<string, string>;
}

export const CONSTRUCTORS: Record<string, Constructor> = {
  segmetrics: {
    create: (options) => untyped(createSegmetricsClient(options)),
    credentials: { accountId: "cfg-acct-1", integrationId: "cfg-int-1", apiKey: "cfg-smk-DO_NOT_LEAK" },
  },
  segmenter: { create: (options) => untyped(createSegmenterClient(options)), credentials: { apiKey: "cfg-sgk-DO_NOT_LEAK" } },
  segmenthub: {
    create: (options) => untyped(createSegmentHubClient(options)),
    credentials: { account: "cfg-acc-1", token: "cfg-shtok-DO_NOT_LEAK" },
  },
  segmint: {
    create: (options) => untyped(createSegmintClient(options)),
    credentials: { username: "cfg-user-DO_NOT_LEAK", password: "cfg-pass-DO_NOT_LEAK" },
  },
  ...Object.fromEntries(DERIVED.map((derived) => [derived.vendor, { create: (options) => untyped(derived.create(options)), credentials: derived.credentials }])),
};

export function constructorOf(vendor: string): Constructor {
  const found = CONSTRUCTORS[vendor];
  if (!found) throw new Error(`no constructor for ${vendor} in operations.ts`);
  return found;
}

/** The path part of a server URL template (`/api/v1/{account_id}/{integration_id}`), `""` for a bare `{baseUrl}`. */
const templatePath = (template: string): string => /^https?:\/\/[^/]+(\/.*)?$/.exec(template)?.[1] ?? "";

/**
 * Where each host's base URL is configured: `baseUrls.<host>` for a vendor whose operations use several
 * hosts, else `baseUrl`; the environment variable core and the vendor packages read for it; and a
 * value under `origin` (`<origin>/<host><the spec's path>` for several hosts).
 */
export interface BaseUrlSlot {
  host: string;
  field: string;
  env: string;
  value: (origin: string) => string;
}

export function baseUrlSlots(spec: Spec): BaseUrlSlot[] {
  const several = spec.hosts.length > 1;
  return spec.hosts.map((host) => ({
    host,
    field: several ? `baseUrls.${host}` : "baseUrl",
    env: (several ? `${spec.vendor}_${host}_BASE_URL` : `${spec.vendor}_BASE_URL`).toUpperCase(),
    value: (origin) => `${origin}${several ? `/${host}` : ""}${templatePath(spec.servers[host] ?? "")}`,
  }));
}

/** The base-URL options putting every host of `spec` under `origin`, with `replace` for some fields. */
export function baseUrlOptions(spec: Spec, origin: string, replace: Record<string, unknown> = {}): Record<string, unknown> {
  const slots = baseUrlSlots(spec);
  const at = (slot: BaseUrlSlot): unknown => (slot.field in replace ? replace[slot.field] : slot.value(origin));
  if (slots.length === 1 && slots[0]?.field === "baseUrl") return { baseUrl: at(slots[0]) };
  return { baseUrls: Object.fromEntries(slots.map((slot) => [slot.host, at(slot)])) };
}

/** A client of `vendor` created from raw options: its credentials, every host under `origin`, then `options`. */
export function construct(vendor: string, origin: string, options: Record<string, unknown> = {}): AnyClient {
  const { create, credentials } = constructorOf(vendor);
  return create({ ...credentials, ...baseUrlOptions(specOf(vendor), origin), retry: false, ...options });
}
