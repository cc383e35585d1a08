// Reading an OpenAPI document as plain JSON: local $refs, with 3.1's siblings beside a $ref kept.
export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

export const asObject = (value: unknown): Json => (isObject(value) ? value : {});

const SCHEMA_REF = "#/components/schemas/";

/** A node with its $ref followed (repeatedly); `name` is the component schema it came from, if any. */
export interface Resolved {
  node: Json;
  name?: string;
}

export function resolve(doc: Json, value: unknown, seen: Set<string> = new Set()): Resolved {
  if (!isObject(value) || typeof value.$ref !== "string") return { node: asObject(value) };
  const pointer = value.$ref;
  if (!pointer.startsWith("#/") || seen.has(pointer)) return { node: {} };
  let target: unknown = doc;
  for (const part of pointer.slice(2).split("/")) target = asObject(target)[part.replaceAll("~1", "/").replaceAll("~0", "~")];
  const inner = resolve(doc, target, new Set([...seen, pointer]));
  const siblings = Object.fromEntries(Object.entries(value).filter(([name]) => name !== "$ref"));
  const name = pointer.startsWith(SCHEMA_REF) ? pointer.slice(SCHEMA_REF.length) : inner.name;
  return { node: { ...inner.node, ...siblings }, ...(name === undefined ? {} : { name }) };
}

/** `x-seg-bind` on a property or parameter, beside its $ref or on its target. */
export function bindOf(doc: Json, value: unknown): string | undefined {
  const direct = asObject(value)["x-seg-bind"];
  if (typeof direct === "string") return direct;
  const target = resolve(doc, value).node["x-seg-bind"];
  return typeof target === "string" ? target : undefined;
}

/** A stable text of a JSON value, for set membership and equality. */
export const key = (value: unknown): string => JSON.stringify(value, (_k, v: unknown) => (isObject(v) ? sortKeys(v) : v));

const sortKeys = (object: Json): Json => Object.fromEntries(Object.entries(object).sort(([a], [b]) => a.localeCompare(b)));
