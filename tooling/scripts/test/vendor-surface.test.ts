// Every vendor package has the same surface: the same files, names that follow one pattern, the
// same re-exports of @seg/core and every schema of its spec by name. The vendors are the specs in
// specs/ (each has packages/<vendor>), so a fifth vendor is checked the day it is added.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { schemaTypeName } from "../src/named-schemas.ts";
import { repoRoot } from "../src/paths.ts";

const vendors = readdirSync(path.join(repoRoot, "specs"))
  .filter((file) => file.endsWith(".yaml"))
  .map((file) => file.replace(/\.yaml$/, ""));

/** What every vendor's index re-exports from @seg/core (through @seg/core/public), at the least. */
const CORE_SURFACE = [
  "SegError",
  "SegApiError",
  "SegConfigError",
  "SegConnectionError",
  "SegTimeoutError",
  "SegRedirectError",
  "SegResponseError",
  "SegApiErrorKind",
  "unwrap",
  "createRateLimiter",
  "RateLimiter",
  "TransportOptions",
  "RetryOptions",
  "CallOptions",
  "CallResult",
  "UndocumentedInit",
  "UndocumentedResult",
  "UndocumentedStatus",
];

const LAYOUT = ["src/index.ts", "src/client.ts", "src/paths.ts", "src/adapter.ts", "src/generated/schema.ts", "src/generated/schemas.ts", "src/generated/operations.ts"];

const packageDir = (vendor: string): string => path.join(repoRoot, "packages", vendor);

function sourceFile(vendor: string, file: string): ts.SourceFile {
  const name = path.join(packageDir(vendor), file);
  return ts.createSourceFile(name, readFileSync(name, "utf8"), ts.ScriptTarget.Latest, true);
}

const isExported = (node: ts.Node): boolean =>
  ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** Names a file declares and exports itself (functions, types, interfaces, consts). */
function declaredExports(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of file.statements) {
    if (!isExported(statement)) continue;
    if ((ts.isFunctionDeclaration(statement) || ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) && statement.name) {
      names.add(statement.name.text);
    }
    if (ts.isVariableStatement(statement)) {
      for (const d of statement.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
    }
  }
  return names;
}

interface ReExport {
  name: string;
  from: string;
}

/** `export { a } from "x"` / `export type { a } from "x"` specifiers, and `export type * from "x"` modules. */
function reExports(file: ts.SourceFile): { named: ReExport[]; star: string[] } {
  const named: ReExport[] = [];
  const star: string[] = [];
  for (const statement of file.statements) {
    if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const from = statement.moduleSpecifier.text;
    if (!statement.exportClause) star.push(from);
    else if (ts.isNamedExports(statement.exportClause)) for (const e of statement.exportClause.elements) named.push({ name: e.name.text, from });
  }
  return { named, star };
}

/** The vendor's own capitalisation, from its client factory: `segmenthub` → `SegmentHub`. */
function vendorName(vendor: string, index: ReExport[]): string {
  const factory = index.find((e) => e.name.toLowerCase() === `create${vendor}client`);
  if (!factory) throw new Error(`packages/${vendor}/src/index.ts exports no create<Vendor>Client for ${vendor}`);
  return factory.name.slice("create".length, -"Client".length);
}

describe.each(vendors)("@seg/%s", (vendor) => {
  it("has the layout every vendor package has", () => {
    expect(LAYOUT.filter((file) => !existsSync(path.join(packageDir(vendor), file)))).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(packageDir(vendor), "package.json"), "utf8")) as { name: string; exports: Record<string, unknown> };
    expect(manifest.name).toBe(`@seg/${vendor}`);
    expect(Object.keys(manifest.exports).sort()).toEqual([".", "./adapter", "./package.json"]);
  });

  it("names its client, options, paths and adapter after the vendor, each in its file", () => {
    const { named } = reExports(sourceFile(vendor, "src/index.ts"));
    const Vendor = vendorName(vendor, named);
    const from = (name: string): string | undefined => named.find((e) => e.name === name)?.from;
    expect({
      factory: from(`create${Vendor}Client`),
      client: from(`${Vendor}Client`),
      options: from(`${Vendor}Options`),
      paths: from(`${Vendor}Paths`),
      path: from(`${Vendor}Path`),
    }).toEqual({ factory: "./client.ts", client: "./client.ts", options: "./client.ts", paths: "./paths.ts", path: "./paths.ts" });
    expect([...declaredExports(sourceFile(vendor, "src/paths.ts"))]).toEqual(expect.arrayContaining([`${Vendor}Paths`, `${Vendor}Path`]));
    expect([...declaredExports(sourceFile(vendor, "src/client.ts"))]).toEqual(expect.arrayContaining([`create${Vendor}Client`, `${Vendor}Client`, `${Vendor}Options`]));
    const adapter = `${Vendor[0]!.toLowerCase()}${Vendor.slice(1)}Adapter`;
    expect([...declaredExports(sourceFile(vendor, "src/adapter.ts"))]).toContain(adapter);
  });

  it("exports every schema of its spec by name, from the generated list", () => {
    const spec = parse(readFileSync(path.join(repoRoot, "specs", `${vendor}.yaml`), "utf8")) as { components?: { schemas?: Record<string, unknown> } };
    const schemas = Object.keys(spec.components?.schemas ?? {});
    const listed = reExports(sourceFile(vendor, "src/generated/schemas.ts")).named;
    // Each by its own name, or the one derived from it (schemaTypeName) where that is no identifier.
    expect(listed.map((e) => e.name)).toEqual(schemas.map((name) => schemaTypeName(name, new Set())));
    expect(new Set(listed.map((e) => e.from))).toEqual(new Set(schemas.length ? ["./schema.ts"] : []));
    const index = reExports(sourceFile(vendor, "src/index.ts"));
    expect(index.star).toEqual(["./generated/schemas.ts", "@seg/core/public"]);
    // No hand-written export hides a schema under its name.
    expect(index.named.filter((e) => schemas.includes(e.name)).map((e) => e.name)).toEqual([]);
  });
});

describe("the @seg/core re-exports", () => {
  const publicModule = ts.createSourceFile("public.ts", readFileSync(path.join(repoRoot, "packages/core/src/public.ts"), "utf8"), ts.ScriptTarget.Latest, true);

  it("are @seg/core/public, whole, in every vendor package", () => {
    expect(vendors.length).toBeGreaterThanOrEqual(4);
    for (const vendor of vendors) {
      const index = reExports(sourceFile(vendor, "src/index.ts"));
      expect(index.star, vendor).toContain("@seg/core/public");
      expect({ vendor, named: index.named.filter((e) => e.from.startsWith("@seg/core")) }).toEqual({ vendor, named: [] });
    }
  });

  it("include every error a call can fail with, unwrap, createRateLimiter, option, result and Undocumented* types", () => {
    const names = reExports(publicModule).named.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(CORE_SURFACE));
    // Every error class core declares, so a new one reaches the users of every vendor package.
    const errors = ts.createSourceFile("errors.ts", readFileSync(path.join(repoRoot, "packages/core/src/errors.ts"), "utf8"), ts.ScriptTarget.Latest, true);
    const classes = errors.statements.filter((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && isExported(s)).map((s) => s.name!.text);
    expect(classes.length).toBeGreaterThanOrEqual(7);
    expect(names).toEqual(expect.arrayContaining(classes));
  });
});
