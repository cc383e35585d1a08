// A value that satisfies a JSON Schema (2020-12, as OpenAPI 3.1 writes it), for an operation whose
// success response has a schema but no example: its own examples and defaults first, then the
// smallest value of its type (required properties only, `minItems` items). The result is
// validated against the schema before it is served, so a schema this cannot satisfy fails loudly.
// (mock-json-schema, which openapi-backend uses, knows neither `const`, `examples` nor type lists.)

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);

const FORMATS: Readonly<Record<string, string>> = {
  "date-time": "2024-01-01T00:00:00Z",
  date: "2024-01-01",
  time: "00:00:00Z",
  email: "sandbox@example.com",
  uri: "https://example.com/",
  url: "https://example.com/",
  uuid: "00000000-0000-4000-8000-000000000000",
  hostname: "example.com",
  ipv4: "127.0.0.1",
};

function merged(schema: Node): Node {
  if (!Array.isArray(schema.allOf)) return schema;
  const { allOf, ...rest } = schema;
  return (allOf as unknown[]).filter(isNode).map(merged).reduce<Node>(
    (all, part) => ({
      ...all,
      ...part,
      properties: { ...(all.properties as Node | undefined), ...(part.properties as Node | undefined) },
      required: [...((all.required as string[] | undefined) ?? []), ...((part.required as string[] | undefined) ?? [])],
    }),
    rest,
  );
}

function typeOf(schema: Node): string | undefined {
  if (typeof schema.type === "string") return schema.type;
  if (Array.isArray(schema.type)) return (schema.type as string[]).find((type) => type !== "null") ?? "null";
  if (isNode(schema.properties)) return "object";
  if (schema.items !== undefined) return "array";
  return undefined;
}

export function schemaInstance(input: unknown, depth = 0): unknown {
  if (!isNode(input) || depth > 20) return undefined;
  const schema = merged(input);
  if ("const" in schema) return schema.const;
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.example !== undefined) return schema.example;
  if (schema.default !== undefined) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0];
  const branch = [schema.oneOf, schema.anyOf].find((list): list is unknown[] => Array.isArray(list) && list.length > 0)?.[0];
  if (branch !== undefined) return schemaInstance({ ...schema, oneOf: undefined, anyOf: undefined, ...(isNode(branch) ? merged(branch) : {}) }, depth + 1);
  switch (typeOf(schema)) {
    case "object": {
      const properties = isNode(schema.properties) ? schema.properties : {};
      const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
      return Object.fromEntries([...required].map((name) => [name, schemaInstance(properties[name] ?? {}, depth + 1) ?? null]));
    }
    case "array": {
      const count = typeof schema.minItems === "number" ? schema.minItems : 0;
      return Array.from({ length: count }, () => schemaInstance(schema.items, depth + 1));
    }
    case "string": {
      const text = FORMATS[String(schema.format)] ?? "sandbox";
      const min = typeof schema.minLength === "number" ? schema.minLength : 0;
      return text.padEnd(min, "x");
    }
    case "integer":
    case "number":
      return typeof schema.minimum === "number" ? schema.minimum : typeof schema.exclusiveMinimum === "number" ? schema.exclusiveMinimum + 1 : 0;
    case "boolean":
      return true;
    case "null":
      return null;
    default:
      // No type: anything the schema allows; an object is the likeliest JSON answer.
      return {};
  }
}
