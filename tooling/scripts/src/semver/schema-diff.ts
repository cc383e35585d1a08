// Compares two JSON Schemas (OpenAPI 3.1) in the direction they travel: `request` (what a caller
// sends) or `response` (what a caller reads). Follows $refs (a named schema is reported by its name,
// `ReportContact.lists`), allOf members, properties, items, additionalProperties, oneOf/anyOf.
import type { ChangeList } from "./change-list.ts";
import type { RuleId } from "./rules.ts";
import { asObject, bindOf, isObject, key, resolve, type Json } from "./spec-json.ts";

export type Side = "request" | "response";

export interface SchemaContext {
  before: Json;
  after: Json;
  side: Side;
  /** The operation the schema belongs to, noted on changes inside named schemas. */
  via: string;
  changes: ChangeList;
  /** Pairs of named schemas already compared in this walk (recursive schemas end here). */
  seen: Set<string>;
}

const rule = (side: Side, request: RuleId, response: RuleId): RuleId => (side === "request" ? request : response);

/** allOf members folded into one schema: their properties and required lists together. */
function flatten(doc: Json, schema: Json): Json {
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...rest } = schema;
  const parts = [rest, ...(allOf as unknown[]).map((part) => flatten(doc, resolve(doc, part).node))];
  const merged: Json = {};
  for (const part of parts) {
    for (const [name, value] of Object.entries(part)) {
      if (name === "properties") merged.properties = { ...asObject(merged.properties), ...asObject(value) };
      else if (name === "required") merged.required = [...new Set([...((merged.required as string[] | undefined) ?? []), ...(value as string[])])];
      else merged[name] ??= value;
    }
  }
  return merged;
}

/** The JSON types a schema allows; undefined means any. */
function typesOf(schema: Json): Set<string> | undefined {
  const { type } = schema;
  if (typeof type === "string") return new Set([type]);
  if (Array.isArray(type)) return new Set(type as string[]);
  return undefined;
}

/** `a` allows everything `b` does (integer is a number). */
function covers(a: Set<string> | undefined, b: Set<string> | undefined): boolean {
  if (a === undefined) return true;
  if (b === undefined) return false;
  return [...b].every((t) => a.has(t) || (t === "integer" && a.has("number")));
}

/** The values an `enum` or `const` allows; undefined means unconstrained. */
function valuesOf(schema: Json): Set<string> | undefined {
  if ("const" in schema) return new Set([key(schema.const)]);
  return Array.isArray(schema.enum) ? new Set(schema.enum.map(key)) : undefined;
}

const LOWER_BOUNDS = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"];
const UPPER_BOUNDS = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"];
const OTHER_CONSTRAINTS = ["pattern", "format", "multipleOf", "uniqueItems"];

/** "tighter", "looser", "changed" (both) or undefined (equal) for the validation keywords. */
function constraintChange(before: Json, after: Json): "tighter" | "looser" | "changed" | undefined {
  let tighter = false;
  let looser = false;
  const compare = (name: string, bigger: "tighter" | "looser") => {
    const a = before[name];
    const b = after[name];
    if (a === b) return;
    if (typeof a !== "number") tighter = true;
    else if (typeof b !== "number") looser = true;
    else if ((b > a) === (bigger === "tighter")) tighter = true;
    else looser = true;
  };
  for (const name of LOWER_BOUNDS) compare(name, "tighter");
  for (const name of UPPER_BOUNDS) compare(name, "looser");
  for (const name of OTHER_CONSTRAINTS) {
    if (key(before[name]) === key(after[name])) continue;
    if (after[name] === undefined) looser = true;
    else tighter = true;
  }
  if (tighter && looser) return "changed";
  return tighter ? "tighter" : looser ? "looser" : undefined;
}

const variants = (doc: Json, schema: Json): Map<string, unknown> => {
  const list = [...((schema.oneOf as unknown[] | undefined) ?? []), ...((schema.anyOf as unknown[] | undefined) ?? [])];
  return new Map(list.map((variant, index) => [resolve(doc, variant).name ?? `#${index + 1}`, variant]));
};

const required = (schema: Json): Set<string> => new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);

export function diffSchema(ctx: SchemaContext, beforeRaw: unknown, afterRaw: unknown, at: string): void {
  const a = resolve(ctx.before, beforeRaw);
  const b = resolve(ctx.after, afterRaw);
  // Inside a named schema, changes are named after it: `ReportContact.lists`, wherever it is used.
  if (a.name !== undefined || b.name !== undefined) {
    const pair = `${a.name ?? ""}→${b.name ?? ""}`;
    if (ctx.seen.has(pair)) return;
    ctx.seen.add(pair);
    if (a.name === b.name) at = a.name ?? at;
  }
  const before = flatten(ctx.before, a.node);
  const after = flatten(ctx.after, b.node);
  const { side, changes, via } = ctx;

  const typesBefore = typesOf(before);
  const typesAfter = typesOf(after);
  const widened = covers(typesAfter, typesBefore) && !covers(typesBefore, typesAfter);
  const narrowed = covers(typesBefore, typesAfter) && !covers(typesAfter, typesBefore);
  if (widened) changes.add(rule(side, "request-type-widened", "response-type-widened"), at, { via });
  else if (narrowed) changes.add(rule(side, "request-type-narrowed", "response-type-narrowed"), at, { via });
  else if (!covers(typesBefore, typesAfter)) changes.add(rule(side, "request-type-changed", "response-type-changed"), at, { via });

  diffValues(ctx, valuesOf(before), valuesOf(after), at);

  const constraint = constraintChange(before, after);
  if (constraint !== undefined) {
    const found: RuleId =
      side === "response" ? "response-constraint-changed" : constraint === "looser" ? "request-constraint-loosened" : "request-constraint-tightened";
    changes.add(found, at, { via });
  }

  diffProperties(ctx, before, after, at);
  if (before.items !== undefined || after.items !== undefined) diffSchema(ctx, before.items ?? {}, after.items ?? {}, `${at}[]`);
  if (isObject(before.additionalProperties) && isObject(after.additionalProperties)) {
    diffSchema(ctx, before.additionalProperties, after.additionalProperties, `${at}{}`);
  }
  diffVariants(ctx, before, after, at);
}

function diffValues(ctx: SchemaContext, before: Set<string> | undefined, after: Set<string> | undefined, at: string): void {
  const { side, changes, via } = ctx;
  if (before === undefined && after === undefined) return;
  // No enum is every value: adding one removes values, dropping one adds them.
  const removed = before === undefined ? true : [...before].some((value) => !after?.has(value));
  const added = after === undefined ? true : [...after].some((value) => !before?.has(value));
  const show = (values: Set<string> | undefined, other: Set<string> | undefined) =>
    values === undefined ? "any value" : [...values].filter((v) => !other?.has(v)).join(", ");
  if (removed) {
    changes.add(rule(side, "request-enum-value-removed", "response-enum-value-removed"), at, { via, note: `no longer ${show(before, after)}` });
  }
  if (added) changes.add(rule(side, "request-enum-value-added", "response-enum-value-added"), at, { via, note: `now also ${show(after, before)}` });
}

function diffProperties(ctx: SchemaContext, before: Json, after: Json, at: string): void {
  const { side, changes, via } = ctx;
  const propsBefore = asObject(before.properties);
  const propsAfter = asObject(after.properties);
  // A property the client fills in (x-seg-bind) is optional in the generated types.
  const requiredBefore = required(before);
  const requiredAfter = required(after);
  const isRequired = (doc: Json, schemaRequired: Set<string>, name: string, property: unknown) =>
    schemaRequired.has(name) && (side === "response" || bindOf(doc, property) === undefined);

  for (const [name, property] of Object.entries(propsBefore)) {
    const here = `${at}.${name}`;
    if (!(name in propsAfter)) {
      changes.add(rule(side, "request-property-removed", "response-property-removed"), here, { via });
      continue;
    }
    const next = propsAfter[name];
    const wasRequired = isRequired(ctx.before, requiredBefore, name, property);
    const nowRequired = isRequired(ctx.after, requiredAfter, name, next);
    if (wasRequired && !nowRequired) changes.add(rule(side, "request-property-became-optional", "response-property-became-optional"), here, { via });
    if (!wasRequired && nowRequired) changes.add(rule(side, "request-property-became-required", "response-property-became-required"), here, { via });
    if (side === "request") diffBinding(ctx, bindOf(ctx.before, property), bindOf(ctx.after, next), here);
    diffSchema(ctx, property, next, here);
  }
  for (const [name, property] of Object.entries(propsAfter)) {
    if (name in propsBefore) continue;
    const here = `${at}.${name}`;
    if (side === "response") changes.add("response-property-added", here, { via });
    else if (isRequired(ctx.after, requiredAfter, name, property)) changes.add("request-property-added-required", here, { via });
    else changes.add("request-property-added-optional", here, { via });
  }
}

export function diffBinding(ctx: SchemaContext, before: string | undefined, after: string | undefined, at: string): void {
  if (before === after) return;
  if (before !== undefined) ctx.changes.add("client-stops-filling-input", at, { via: ctx.via, note: `was ${before}` });
  if (after !== undefined) ctx.changes.add("client-fills-input", at, { via: ctx.via, note: `from ${after}` });
}

function diffVariants(ctx: SchemaContext, before: Json, after: Json, at: string): void {
  const { side, changes, via } = ctx;
  const variantsBefore = variants(ctx.before, before);
  const variantsAfter = variants(ctx.after, after);
  for (const [name, variant] of variantsBefore) {
    const next = variantsAfter.get(name);
    if (next === undefined) changes.add(rule(side, "request-variant-removed", "response-variant-removed"), at, { via, note: name });
    else diffSchema(ctx, variant, next, name.startsWith("#") ? `${at}|${name}` : at);
  }
  for (const name of variantsAfter.keys()) {
    if (!variantsBefore.has(name)) changes.add(rule(side, "request-variant-added", "response-variant-added"), at, { via, note: name });
  }
}
