// The generator, run on small specs the way `pnpm generate` runs on the real ones: every schema gets a
// named, exported type and is listed in schemas.ts; comma-separated query lists become CommaList.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { generate, generateFromSpec } from "../src/generate.ts";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "seg-generate-"));
  await mkdir(path.join(root, "specs"));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const ok = { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Thing" } } } } };

async function generated(spec: { paths?: Record<string, unknown>; components?: Record<string, unknown> }): Promise<Record<string, string>> {
  const document = {
    openapi: "3.1.0",
    info: { title: "Acme", version: "1" },
    servers: [{ url: "https://api.acme.test", "x-seg-host": "api" }],
    paths: spec.paths ?? { "/things": { get: { operationId: "listThings", "x-seg-idempotent": true, responses: ok } } },
    components: spec.components ?? { schemas: { Thing: { type: "object", properties: { id: { type: "string" } } } } },
  };
  await writeFile(path.join(root, "specs/acme.yaml"), stringify(document));
  return generate("acme", root);
}

describe("named schemas", () => {
  it("declares each schema as an exported type of its name, which components.schemas refers to", async () => {
    const files = await generated({
      components: {
        schemas: {
          Thing: { type: "object", description: "A thing.", properties: { id: { type: "string" }, tags: { $ref: "#/components/schemas/Tags" } } },
          Tags: { type: "array", items: { type: "string" } },
        },
      },
    });
    const schema = files["schema.ts"]!;
    expect(schema).toMatch(/\/\*\* @description A thing\. \*\/\nexport type Thing = \{\n {4}id\?: string;\n {4}tags\?: components\["schemas"\]\["Tags"\];\n\};/);
    expect(schema).toContain("export type Tags = string[];");
    expect(schema).toMatch(/schemas: \{\n(.*\n)* {8}Thing: Thing;\n(.*\n)* {8}Tags: Tags;/);
    expect(files["schemas.ts"]).toContain('export type {\n  Thing,\n  Tags,\n} from "./schema.ts";\n');
    expect(files["schemas.ts"]).toMatch(/^\/\*\*\n \* This file was generated from specs\/acme\.yaml by `pnpm generate`\./);
  });

  it("exports a schema whose name is no identifier, or would shadow a generated name, by a name derived from it", async () => {
    const files = await generated({
      components: {
        schemas: {
          "contact-list": { type: "array", items: { type: "string" } },
          "v2.Error": { type: "object", properties: { message: { type: "string" } } },
          operations: { type: "string" },
          // openapi-typescript writes `Record<string, never>` for an empty object: the schema may not take that name.
          Record: { type: "object", properties: {} },
          ContactList: { type: "string" },
          Thing: { type: "object" },
        },
      },
    });
    const schema = files["schema.ts"]!;
    expect(files["schemas.ts"]).toContain("export type {\n  ContactList,\n  V2Error,\n  operationsSchema,\n  RecordSchema,\n  ContactListSchema,\n  Thing,\n}");
    // components["schemas"] keeps the spec's names, each referring to its exported type.
    for (const member of ['"contact-list": ContactList;', '"v2.Error": V2Error;', "operations: operationsSchema;", "Record: RecordSchema;", "ContactList: ContactListSchema;", "Thing: Thing;"]) {
      expect(schema).toContain(member);
    }
    expect(schema).toContain("export type ContactList = string[];");
  });
});

describe("comma-separated list parameters", () => {
  const list = { type: "array", items: { type: "string", enum: ["a", "b"] } };
  const operation = (parameters: unknown[]) => ({
    "/things": { get: { operationId: "listThings", "x-seg-idempotent": true, parameters, responses: ok } },
  });

  it("are CommaList<…> when style form / explode false, inline or from components, and nothing else is", async () => {
    const files = await generated({
      paths: operation([
        { name: "fields", in: "query", explode: false, schema: list },
        { name: "ids", in: "query", style: "form", explode: false, schema: { $ref: "#/components/schemas/Ids" } },
        { $ref: "#/components/parameters/Extend" },
        { name: "repeated", in: "query", schema: list },
        { name: "piped", in: "query", style: "pipeDelimited", explode: false, schema: list },
      ]),
      components: {
        schemas: { Thing: { type: "object" }, Ids: { type: "array", items: { type: "integer" } } },
        parameters: { Extend: { name: "extend", in: "query", explode: false, schema: list } },
      },
    });
    const schema = files["schema.ts"]!;
    expect(schema).toMatch(/^\/\*\*[\s\S]*?\*\/\n\n\/\/ Source: specs\/acme\.yaml\.[^\n]*\n\nimport type \{ CommaList \} from "@seg\/core";\n/);
    expect(schema).toContain('fields?: CommaList<("a" | "b")[]>;');
    expect(schema).toContain('ids?: CommaList<components["schemas"]["Ids"]>;');
    expect(schema).toContain('Extend: CommaList<("a" | "b")[]>;');
    expect(schema).toContain('repeated?: ("a" | "b")[];');
    expect(schema).toContain('piped?: ("a" | "b")[];');
  });

  it("leave the core import out when a spec has none", async () => {
    expect((await generated({}))["schema.ts"]).not.toContain("@seg/core");
  });
});

describe("generateFromSpec", () => {
  it("makes the same files from a spec anywhere, naming it in their headers", async () => {
    const fromSpecs = await generated({});
    await mkdir(path.join(root, "fixtures"));
    await writeFile(path.join(root, "fixtures/acme.yaml"), await readFile(path.join(root, "specs/acme.yaml"), "utf8"));
    const elsewhere = await generateFromSpec(path.join(root, "fixtures/acme.yaml"), root);
    expect(Object.keys(elsewhere)).toEqual(Object.keys(fromSpecs));
    for (const [name, text] of Object.entries(elsewhere)) expect(text).toBe(fromSpecs[name]?.replaceAll("specs/acme.yaml", "fixtures/acme.yaml"));
  });
});
