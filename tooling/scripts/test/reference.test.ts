// The generated reference: how schemas, bodies, retry reasons and example calls are written, on
// small specs made for each case, and where the README's generated block goes.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { exampleCall } from "../src/reference/example-call.ts";
import { COVERAGE_END, COVERAGE_START, withCoverage } from "../src/reference/coverage.ts";
import { retryReasons } from "../src/reference/retry-reasons.ts";
import { bodyVariants, fieldRows, typeText } from "../src/reference/schema-text.ts";
import { tsLiteral } from "../src/reference/ts-literal.ts";
import { vendorPackages } from "../src/reference/vendors.ts";
import { specOperations, type Json } from "@seg/spec";

const schemas: Json = {
  Id: { type: ["integer", "string"], description: "An id." },
  ContactId: { $ref: "#/components/schemas/Id", description: "The contact's id." },
  Tag: { type: "object", required: ["name"], properties: { name: { type: "string" } } },
  Identity: {
    anyOf: [
      { required: ["contact_id"], properties: { contact_id: { $ref: "#/components/schemas/ContactId" }, email: { type: "string" } } },
      { required: ["email"], properties: { contact_id: { $ref: "#/components/schemas/ContactId" }, email: { type: "string" } } },
    ],
  },
  Item: { type: "object", required: ["amount"], properties: { amount: { type: "integer", description: "Price in cents." } } },
  Invoice: {
    type: "object",
    allOf: [
      { $ref: "#/components/schemas/Identity" },
      {
        type: "object",
        required: ["items"],
        properties: {
          contact_id: { $ref: "#/components/schemas/ContactId", description: "Required if no email." },
          account: { type: "string", "x-seg-bind": "account" },
          items: { type: "array", items: { $ref: "#/components/schemas/Item" } },
          fields: { type: "object", additionalProperties: { type: ["string", "null"] } },
        },
      },
    ],
  },
  Event: { oneOf: [{ $ref: "#/components/schemas/Tag" }, { $ref: "#/components/schemas/Item" }] },
};
const doc: Json = { components: { schemas } };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe("typeText", () => {
  it.each<[string, unknown, string]>([
    ["a primitive behind refs", ref("ContactId"), "integer | string"],
    ["an object by its component name", ref("Tag"), "Tag"],
    ["an array of a named object", { type: "array", items: ref("Tag") }, "Tag[]"],
    ["an array of a union", { type: "array", items: { enum: ["a", "b"] } }, '("a" | "b")[]'],
    ["a const", { const: "purchase" }, '"purchase"'],
    ["a union of arrays", { anyOf: [{ type: "array", items: { type: "integer" } }, { type: "array", items: ref("Tag") }] }, "integer[] | Tag[]"],
    ["a map", { type: "object", additionalProperties: { type: "string" } }, "Record<string, string>"],
    ["a format", { type: "string", format: "date" }, "string (date)"],
    ["nullable", { type: ["string", "null"] }, "string | null"],
    ["anything", {}, "any"],
  ])("%s", (_name, schema, want) => {
    expect(typeText(doc, schema)).toBe(want);
  });
});

describe("fieldRows", () => {
  it("merges allOf and anyOf, says which of several ids is required, nests objects and notes what the client fills in", () => {
    expect(fieldRows(doc, ref("Invoice"), { account: "account" })).toEqual([
      { name: "contact_id", type: "integer | string", required: "one of `contact_id`, `email`", description: "Required if no email." },
      { name: "email", type: "string", required: "one of `contact_id`, `email`" },
      { name: "account", type: "string", required: "no — the client sends its `account`" },
      { name: "items", type: "Item[]", required: "yes" },
      { name: "items[].amount", type: "integer", required: "yes", description: "Price in cents." },
      { name: "fields", type: "Record<string, string | null>", required: "no" },
      { name: "fields.*", type: "string | null", required: "no", description: "Any other field name." },
    ]);
  });

  it("takes a description from the nearest schema along the $ref chain", () => {
    expect(fieldRows(doc, { properties: { id: ref("ContactId") } })[0]?.description).toBe("The contact's id.");
  });

  it("splits a body that is a oneOf of objects into its variants", () => {
    expect(bodyVariants(doc, ref("Event")).map((v) => v.name)).toEqual(["Tag", "Item"]);
    expect(bodyVariants(doc, ref("Invoice")).map((v) => v.name)).toEqual(["Invoice"]);
  });
});

describe("retryReasons", () => {
  it("reads the comment above each x-seg-idempotent, without its Decision/verdict prefix", () => {
    const source = [
      "paths:",
      "  /a:",
      "    post:",
      "      # Decision: not idempotent: every call creates a new one, so a retry",
      "      # could duplicate it.",
      "      x-seg-idempotent: false",
      "    get:",
      "      # Decision: true. A read.",
      "      x-seg-idempotent: true",
      "  /b:",
      "    get:",
      "      x-seg-idempotent: true",
    ].join("\n");
    expect(retryReasons(source)).toEqual({ "POST /a": "Every call creates a new one, so a retry could duplicate it.", "GET /a": "A read." });
  });
});

describe("exampleCall", () => {
  const spec = (operation: Json) => ({
    openapi: "3.1.0",
    servers: [{ url: "https://x.test", "x-seg-host": "api" }],
    paths: { "/things/{id}": { post: { operationId: "op", "x-seg-idempotent": false, responses: {}, ...operation } } },
    components: { schemas },
  });
  const call = (operation: Json) => {
    const { doc: walked, operations } = specOperations(spec(operation));
    return operations[0] && exampleCall(walked, operations[0], "client");
  };

  it("uses the examples, fills path parameters, and leaves out what the client fills in", () => {
    expect(
      call({
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "integer" } },
          { name: "account_id", in: "query", required: true, "x-seg-bind": "accountId", schema: { type: "string" } },
          { name: "scale", in: "query", schema: { type: "string" }, examples: { docs: { value: "day" } } },
          { name: "page", in: "query", schema: { type: "integer" } },
        ],
        requestBody: { content: { "application/json": { schema: ref("Invoice"), examples: { docs: { value: { account: "{{account}}", email: "a@b.c", items: [] } } } } } },
      }),
    ).toBe('await client.POST("/things/{id}", { params: { path: { id: 1 }, query: { scale: "day" } }, body: { email: "a@b.c", items: [] } });');
  });

  it("shows none for an operation the client makes itself", () => {
    expect(call({ "x-seg-called-by-client": true })).toBeUndefined();
  });
});

describe("tsLiteral", () => {
  it.each<[string, unknown, string]>([
    ["short objects on one line, identifier keys bare", { a: 1, "b c": [true, null] }, '{ a: 1, "b c": [true, null] }'],
    ["empty containers", { a: {}, b: [] }, "{ a: {}, b: [] }"],
    ["long ones one entry per line", { text: "x".repeat(95) }, `{\n  text: "${"x".repeat(95)}",\n}`],
  ])("%s", (_name, value, want) => {
    expect(tsLiteral(value)).toBe(want);
  });
});

describe("the README's coverage block", () => {
  const readme = `# pkg\n\n## Coverage\n\n${COVERAGE_START}\nold table\n${COVERAGE_END}\n\nHand-written notes.\n`;

  it("replaces only what is between the markers", () => {
    expect(withCoverage(readme, "| new |", "pkg/README.md")).toBe(`# pkg\n\n## Coverage\n\n${COVERAGE_START}\n| new |\n${COVERAGE_END}\n\nHand-written notes.\n`);
  });

  it("without the markers, says which file and what to add", () => {
    expect(() => withCoverage("# pkg\n", "x", "packages/x/README.md")).toThrow(/packages\/x\/README\.md: no coverage block; put `<!-- reference:coverage -->`/);
  });
});

describe("vendorPackages", () => {
  it("is every spec with a package, its factory read from the package's entry point", async () => {
    const root = await mkdtemp(path.join(tmpdir(), "seg-reference-"));
    try {
      await mkdir(path.join(root, "specs"));
      await mkdir(path.join(root, "packages/acme/src"), { recursive: true });
      await writeFile(path.join(root, "specs/acme.yaml"), "openapi: 3.1.0\n");
      await writeFile(path.join(root, "specs/later.yaml"), "openapi: 3.1.0\n"); // no package yet
      await writeFile(path.join(root, "packages/acme/package.json"), JSON.stringify({ name: "@seg/acme" }));
      await writeFile(path.join(root, "packages/acme/src/index.ts"), 'export { createAcmeClient } from "./client.ts";\n');
      expect(await vendorPackages(root)).toEqual([
        { vendor: "acme", dir: "packages/acme", name: "@seg/acme", factory: "createAcmeClient", spec: "specs/acme.yaml" },
      ]);
      await writeFile(path.join(root, "packages/acme/src/index.ts"), "export {};\n");
      await expect(vendorPackages(root)).rejects.toThrow(/packages\/acme\/src\/index\.ts: expected exactly one exported create…Client factory/);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
