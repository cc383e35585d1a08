// How the reference writes a JSON Schema: as a type (`integer | string`, `InvoiceItem[]`, a
// component's name for object types — the name the vendor package exports it by) and, for a body,
// as one row per field, nested fields written with their path (`items[].amount`).
import { deref, isObject, refName, resolvePointer, type Json } from "@seg/spec";

const COMPOSITIONS = ["oneOf", "anyOf"] as const;

const parts = (node: Json, key: string): unknown[] => (Array.isArray(node[key]) ? (node[key] as unknown[]) : []);

/** An object type (its fields are named), or a union/intersection of object types. */
function isObjectLike(doc: Json, node: Json): boolean {
  if (node.type === "object" || isObject(node.properties) || isObject(node.additionalProperties)) return true;
  const composed = [...parts(node, "allOf"), ...parts(node, "oneOf"), ...parts(node, "anyOf")];
  return composed.length > 0 && composed.every((part) => isObject(deref(doc, part)) && isObjectLike(doc, deref(doc, part) as Json));
}

const wrap = (text: string): string => (/[|&]/.test(text) ? `(${text})` : text);

const unique = (texts: string[]): string => [...new Set(texts)].join(" | ");

/** The schema as a type. Named object types keep their component name; everything else is spelled out. */
export function typeText(doc: Json, schema: unknown): string {
  const node = deref(doc, schema);
  if (!isObject(node)) return schema === true || schema === undefined ? "any" : "never";
  const name = refName(schema);
  if (name !== undefined && isObjectLike(doc, node)) return name;
  return structure(doc, node);
}

function structure(doc: Json, node: Json): string {
  if ("const" in node) return JSON.stringify(node.const);
  if (Array.isArray(node.enum)) return unique(node.enum.map((value) => JSON.stringify(value)));
  for (const key of COMPOSITIONS) {
    if (parts(node, key).length > 0) return unique(parts(node, key).map((part) => typeText(doc, part)));
  }
  const allOf = parts(node, "allOf");
  if (allOf.length > 0 && !isObject(node.properties)) return allOf.map((part) => wrap(typeText(doc, part))).join(" & ");
  const types = Array.isArray(node.type) ? (node.type as unknown[]) : node.type === undefined ? [] : [node.type];
  if (types.length === 0) return isObject(node.properties) ? "object" : "any";
  return unique(types.map((type) => primitive(doc, node, String(type))));
}

function primitive(doc: Json, node: Json, type: string): string {
  if (type === "array") return `${wrap(typeText(doc, node.items))}[]`;
  if (type === "object") {
    if (!isObject(node.properties) && isObject(node.additionalProperties)) return `Record<string, ${typeText(doc, node.additionalProperties)}>`;
    return "object";
  }
  return typeof node.format === "string" ? `${type} (${node.format})` : type;
}

/** An object schema's fields, merged through allOf and through oneOf/anyOf branches of objects. */
interface Shape {
  properties: Map<string, unknown>;
  required: Set<string>;
  /** Fields of which one is required (each branch of a oneOf/anyOf requires another). */
  oneOf: string[][];
  /** The schema of fields not named (`additionalProperties`). */
  additional?: unknown;
}

const ownDescription = (node: unknown): string | undefined =>
  isObject(node) && typeof node.description === "string" ? node.description : undefined;

/** A schema's description: its own, else the nearest one along its `$ref` chain. */
const describedBy = (doc: Json, schema: unknown): string | undefined => {
  let node = schema;
  for (let hops = 0; isObject(node) && hops < 20; hops++) {
    const found = ownDescription(node);
    if (found !== undefined || typeof node.$ref !== "string") return found;
    node = resolvePointer(doc, node.$ref);
  }
  return undefined;
};


function shapeOf(doc: Json, schema: unknown): Shape {
  const node = deref(doc, schema);
  const shape: Shape = { properties: new Map(), required: new Set(), oneOf: [] };
  if (!isObject(node)) return shape;
  const merge = (other: Shape): void => {
    for (const [name, property] of other.properties) {
      // A later part may redeclare a field with its own description (SegMetrics' bodies do): keep that one.
      const known = shape.properties.get(name);
      if (known === undefined || (ownDescription(known) === undefined && ownDescription(property) !== undefined)) {
        shape.properties.set(name, property);
      }
    }
    other.required.forEach((name) => shape.required.add(name));
    shape.oneOf.push(...other.oneOf);
    shape.additional ??= other.additional;
  };
  if (isObject(node.properties)) merge({ properties: new Map(Object.entries(node.properties)), required: new Set(), oneOf: [] });
  for (const name of Array.isArray(node.required) ? node.required : []) shape.required.add(String(name));
  if (isObject(node.additionalProperties)) shape.additional = node.additionalProperties;
  for (const part of parts(node, "allOf")) merge(shapeOf(doc, part));
  for (const key of COMPOSITIONS) {
    const branches = parts(node, key).map((part) => shapeOf(doc, part));
    if (branches.length === 0) continue;
    const everywhere = [...(branches[0]?.required ?? [])].filter((name) => branches.every((b) => b.required.has(name)));
    const somewhere = [...new Set(branches.flatMap((b) => [...b.required]))].filter((name) => !everywhere.includes(name));
    for (const branch of branches) merge({ ...branch, required: new Set(), oneOf: [] });
    everywhere.forEach((name) => shape.required.add(name));
    if (somewhere.length > 0) shape.oneOf.push(somewhere);
  }
  return shape;
}

/** The shapes a body may take: one, or one per branch when the body itself is a oneOf/anyOf of objects. */
export function bodyVariants(doc: Json, schema: unknown): { name: string | undefined; schema: unknown }[] {
  const node = deref(doc, schema);
  if (isObject(node) && !isObject(node.properties) && parts(node, "allOf").length === 0) {
    for (const key of COMPOSITIONS) {
      const branches = parts(node, key);
      if (branches.length > 0 && isObjectLike(doc, node)) return branches.map((branch) => ({ name: refName(branch), schema: branch }));
    }
  }
  return [{ name: refName(schema), schema }];
}

export interface FieldRow {
  /** `amount`, `items[].amount`, `custom_fields.*` */
  name: string;
  type: string;
  required: string;
  description?: string;
}

/** An object (or array of objects) whose fields are worth listing under the field itself. */
function nested(doc: Json, property: unknown): { schema: unknown; suffix: string } | undefined {
  const node = deref(doc, property);
  if (!isObject(node)) return undefined;
  if (node.type === "array" && isObject(deref(doc, node.items)) && fieldsOf(doc, node.items)) return { schema: node.items, suffix: "[]." };
  return fieldsOf(doc, property) ? { schema: property, suffix: "." } : undefined;
}

const fieldsOf = (doc: Json, schema: unknown): boolean => {
  const node = deref(doc, schema);
  if (!isObject(node) || parts(node, "oneOf").length > 0 || parts(node, "anyOf").length > 0) return false;
  const shape = shapeOf(doc, schema);
  return shape.properties.size > 0 || shape.additional !== undefined;
};

/**
 * One row per field of an object schema, then its nested objects' fields. `bound` names the
 * top-level fields the client fills in from its config (`x-seg-bind`).
 */
export function fieldRows(doc: Json, schema: unknown, bound: Readonly<Record<string, string>> = {}, prefix = "", depth = 0): FieldRow[] {
  const shape = shapeOf(doc, schema);
  const rows: FieldRow[] = [];
  for (const [name, property] of shape.properties) {
    const group = shape.oneOf.find((names) => names.includes(name));
    const binding = prefix === "" ? bound[name] : undefined;
    const required =
      binding !== undefined
        ? `no — the client sends its \`${binding}\``
        : shape.required.has(name)
          ? "yes"
          : group
            ? `one of ${group.map((n) => `\`${n}\``).join(", ")}`
            : "no";
    const description = describedBy(doc, property);
    rows.push({ name: `${prefix}${name}`, type: typeText(doc, property), required, ...(description ? { description } : {}) });
    const inner = depth < 3 ? nested(doc, property) : undefined;
    if (inner) rows.push(...fieldRows(doc, inner.schema, {}, `${prefix}${name}${inner.suffix}`, depth + 1));
  }
  if (shape.additional !== undefined) {
    const description = describedBy(doc, shape.additional) ?? "Any other field name.";
    rows.push({ name: `${prefix}*`, type: typeText(doc, shape.additional), required: "no", description });
  }
  return rows;
}
