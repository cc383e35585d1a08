// A valid call of any operation, built from the spec: every path parameter and every required,
// unbound query parameter filled in (its example, else a value of its type), and the first request
// example as the body (else a sample of its schema) without the properties the client binds, in
// the media type the client sends (JSON where the spec takes it, else a form).
import { deref, examplesOf, isObject, requestExamples, type Json, type SpecOperation } from "@seg/spec";
import { sample } from "openapi-sampler";

export interface Init {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
  body?: unknown;
  retry?: unknown;
  timeoutMs?: number;
}

export type Result = { data?: unknown; error?: unknown; response: Response };

/** A vendor client seen through one untyped door: `client[METHOD](path, init)`. */
export function callOf(client: unknown, operation: SpecOperation): (init?: Partial<Init>) => Promise<Result> {
  const method = (client as Record<string, unknown>)[operation.method.toUpperCase()];
  if (typeof method !== "function") throw new Error(`the client has no ${operation.method.toUpperCase()} method`);
  return (init) => (method as (path: string, init?: unknown) => Promise<Result>).call(client, operation.path, init);
}

/** A sample value of a schema (its example, default or enum first), `$ref`s resolved against the spec. */
export const sampleOf = (doc: Json, schema: unknown): unknown => sample(schema ?? {}, { skipReadOnly: true, quiet: true }, doc);

function parameterValue(doc: Json, parameter: Json): unknown {
  const [example] = Object.values(examplesOf(doc, parameter));
  if (example !== undefined) return example;
  const schema = deref(doc, parameter.schema);
  const value = sampleOf(doc, schema);
  // A path segment must not be empty, whatever the schema's sample.
  return value === "" || value === undefined || value === null ? "p1" : value;
}

/** What the server must then receive as the body: JSON, or a form's fields (bound properties filled in). */
export type WireBody = { type: "json" | "form"; mediaType: string; value: unknown } | undefined;

/** A valid call of an operation, and what its request carries on the wire. */
export interface ValidCall {
  /** The inputs a caller passes (bound values left to the client). */
  init: Init;
  path: Record<string, unknown>;
  /** The query the server must receive: the caller's, and every bound value the client fills in. */
  wireQuery: Record<string, unknown>;
  wireBody: WireBody;
}

/** The call's inputs, and the query and body the server must then receive (bound values from `values`, by their `x-seg-bind` names). */
export function validCall(doc: Json, operation: SpecOperation, values: Readonly<Record<string, unknown>>): ValidCall {
  const path: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  for (const parameter of operation.parameters) {
    const name = String(parameter.name);
    if (parameter.in === "path") path[name] = parameterValue(doc, parameter);
    if (parameter.in === "query" && parameter.required === true && operation.bind.query[name] === undefined) query[name] = parameterValue(doc, parameter);
  }
  const init: Init = {};
  if (Object.keys(path).length > 0 || Object.keys(query).length > 0) {
    init.params = { ...(Object.keys(path).length > 0 ? { path } : {}), ...(Object.keys(query).length > 0 ? { query } : {}) };
  }
  let wireBody: WireBody;
  if (operation.body !== undefined) {
    const [example] = Object.values(requestExamples(doc, operation));
    const sampled = structuredClone(example ?? sampleOf(doc, operation.body.schema));
    const bound = Object.entries(operation.bind.body);
    const body = isObject(sampled) ? Object.fromEntries(Object.entries(sampled).filter(([property]) => operation.bind.body[property] === undefined)) : sampled;
    init.body = body;
    const value = isObject(body) ? { ...body, ...Object.fromEntries(bound.map(([property, option]) => [property, values[option]])) } : body;
    wireBody = { type: operation.body.type, mediaType: operation.body.mediaType, value };
  }
  const boundQuery = Object.entries(operation.bind.query).filter(([, option]) => values[option] !== undefined);
  const wireQuery = { ...Object.fromEntries(boundQuery.map(([name, option]) => [name, values[option]])), ...query };
  return { init, path, wireQuery, wireBody };
}

/** A form body's fields as they travel: each value as text. */
export const formFields = (value: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(isObject(value) ? value : {}).map(([name, field]) => [name, String(field)]));
