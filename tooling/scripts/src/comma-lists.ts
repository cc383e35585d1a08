// Finds the query parameters a spec sends as ONE comma-separated value (`style: form`, `explode:
// false`, an array schema: `extend=tags,events`). The docs write such a value as one string, so
// the generated type accepts that string (`"tags,events"`) as well as the array; see
// `CommaList` in @seg/core.

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

const METHODS = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

/** A JSON pointer segment, escaped as openapi-typescript writes it in a transform's `path`. */
const segment = (text: string): string => text.replaceAll("~", "~0").replaceAll("/", "~1");

/**
 * How the parameter's schema is written when it is a comma-separated list: `"array"` inline (its
 * items are transformed first, under the same path), `"ref"` as a `$ref` to an array schema.
 */
export type CommaListSchema = "array" | "ref";

function commaListSchema(doc: Json, parameter: unknown): CommaListSchema | undefined {
  if (!isObject(parameter) || parameter.in !== "query" || parameter.explode !== false) return undefined;
  if ((parameter.style ?? "form") !== "form") return undefined;
  const schema = parameter.schema;
  if (isObject(schema) && typeof schema.$ref === "string") {
    const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
    const target = schemas[schema.$ref.replace("#/components/schemas/", "")];
    return isObject(target) && target.type === "array" ? "ref" : undefined;
  }
  if (!isObject(schema) || schema.type !== "array") return undefined;
  if (isObject(schema.items) && schema.items.type === "array") throw new Error(`query parameter ${String(parameter.name)}: a comma-separated list of arrays cannot be written`);
  return "array";
}

/**
 * The openapi-typescript transform paths (`#/components/parameters/Extend`,
 * `#/paths/~1x/get/parameters/query/ids`) of every comma-separated list parameter.
 */
export function commaListPaths(doc: unknown): Map<string, CommaListSchema> {
  const found = new Map<string, CommaListSchema>();
  if (!isObject(doc)) return found;
  const components = isObject(doc.components) && isObject(doc.components.parameters) ? doc.components.parameters : {};
  for (const [name, parameter] of Object.entries(components)) {
    const kind = commaListSchema(doc, parameter);
    if (kind) found.set(`#/components/parameters/${segment(name)}`, kind);
  }
  const inline = (prefix: string, parameters: unknown): void => {
    if (!Array.isArray(parameters)) return;
    for (const parameter of parameters) {
      const kind = commaListSchema(doc, parameter);
      if (kind) found.set(`${prefix}/parameters/query/${segment(String((parameter as Json).name))}`, kind);
    }
  };
  for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
    if (!isObject(item)) continue;
    const prefix = `#/paths/${segment(path)}`;
    inline(prefix, item.parameters);
    for (const method of METHODS) if (isObject(item[method])) inline(`${prefix}/${method}`, item[method].parameters);
  }
  return found;
}
