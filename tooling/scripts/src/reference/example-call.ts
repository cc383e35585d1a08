// One call of an operation in the client's own syntax (`client.POST(path, { params, body })`), with
// the values the spec's examples give: the docs' own example body, parameters from their examples.
// Inputs the client fills in (`x-seg-bind`) are left out, as a caller leaves them out.
import { deref, isObject, type Json, type SpecOperation } from "@seg/spec";
import { tsLiteral } from "./ts-literal.ts";

/** The first value of an `examples` map (Example objects, maybe `$ref`s), else `example`. */
function firstExample(doc: Json, holder: Json): { value: unknown } | undefined {
  if (isObject(holder.examples)) {
    const first = Object.values(holder.examples)[0];
    const example = deref(doc, first);
    if (isObject(example) && "value" in example) return { value: example.value };
  }
  if (Array.isArray(holder.examples) && holder.examples.length > 0) return { value: holder.examples[0] };
  return "example" in holder ? { value: holder.example } : undefined;
}

/** A value of the parameter's type when the spec gives no example: its first enum value, or a placeholder. */
function placeholder(doc: Json, name: string, schema: unknown): unknown {
  const node = deref(doc, schema);
  if (!isObject(node)) return `<${name}>`;
  const given = firstExample(doc, node);
  if (given) return given.value;
  if (Array.isArray(node.enum) && node.enum.length > 0) return node.enum[0];
  const types = Array.isArray(node.type) ? node.type : [node.type];
  if (types.includes("string")) return `<${name}>`;
  if (types.includes("integer") || types.includes("number")) return 1;
  if (types.includes("boolean")) return true;
  if (types.includes("array")) return [placeholder(doc, name, node.items)];
  return `<${name}>`;
}

function parameterValues(doc: Json, op: SpecOperation): Record<string, Record<string, unknown>> {
  const groups: Record<string, Record<string, unknown>> = {};
  for (const parameter of op.parameters) {
    const name = String(parameter.name);
    const where = String(parameter.in);
    const example = firstExample(doc, parameter);
    const wanted = where === "path" || (parameter.required === true && op.bind.query[name] === undefined) || (example && op.bind.query[name] === undefined);
    if (!wanted) continue;
    (groups[where] ??= {})[name] = example ? example.value : placeholder(doc, name, parameter.schema);
  }
  return groups;
}

function bodyValue(doc: Json, op: SpecOperation): unknown {
  const content = op.requestBody?.content;
  const json = isObject(content) ? content["application/json"] : undefined;
  if (!isObject(json)) return undefined;
  const example = firstExample(doc, json);
  if (!example) return undefined;
  if (!isObject(example.value)) return example.value;
  return Object.fromEntries(Object.entries(example.value).filter(([name]) => op.bind.body[name] === undefined));
}

/**
 * The call as a user writes it, or undefined for an operation the client makes itself
 * (`x-seg-called-by-client`, e.g. a token exchange).
 */
export function exampleCall(doc: Json, op: SpecOperation, client: string): string | undefined {
  if (op.operation["x-seg-called-by-client"] === true) return undefined;
  const params = parameterValues(doc, op);
  const body = bodyValue(doc, op);
  const init = {
    ...(Object.keys(params).length > 0 ? { params } : {}),
    ...(body !== undefined ? { body } : {}),
  };
  const args = [JSON.stringify(op.path), ...(Object.keys(init).length > 0 ? [tsLiteral(init)] : [])];
  return `await ${client}.${op.method.toUpperCase()}(${args.join(", ")});`;
}
