// The TypeScript-surface rules on real API Extractor reports: a tiny package's declarations before
// and after an edit, each rendered by the same code as `pnpm api:report`, then compared.
import { mkdtemp, rm, writeFile, mkdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe as group, expect, it } from "vitest";
import { entryPoints, renderReport } from "../../src/api-report.ts";
import { highest } from "../../src/semver/levels.ts";
import { levelOf, type RuleId } from "../../src/semver/rules.ts";
import { diffReports } from "../../src/semver/surface-diff.ts";
import type { WorkspacePackage } from "../../src/workspace.ts";

const BASE = `
/** Generated from the spec (classified by the spec rules). */
export interface paths { "/contact": { get: { id: string } } }
export interface ClientOptions { apiKey?: string; timeoutMs?: number }
export interface Contact { id: string; email?: string }
export interface Client { getContact(id: string): Promise<Contact>; readonly host: string }
export declare function createClient(options: ClientOptions): Client;
export declare const VERSION: string;
`;

let root: string;
const pkg: WorkspacePackage = {
  dir: "lib",
  manifest: { name: "@fixture/lib", version: "1.0.0", exports: { ".": { types: "./dist/index.d.ts" } } } as WorkspacePackage["manifest"],
};

async function report(declarations: string): Promise<string> {
  await writeFile(path.join(root, "lib/dist/index.d.ts"), declarations);
  const [entry] = entryPoints(pkg);
  if (!entry) throw new Error("no entry point");
  return renderReport(root, pkg, entry);
}

let base: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), "seg-surface-"));
  await mkdir(path.join(root, "lib/dist"), { recursive: true });
  await writeFile(path.join(root, "lib/package.json"), JSON.stringify(pkg.manifest));
  base = await report(BASE);
}, 60_000);
afterAll(() => rm(root, { recursive: true, force: true }));

const cases: [string, string, RuleId, string, "major" | "minor"][] = [
  ["an export removed", BASE.replace("export declare const VERSION: string;", ""), "export-removed", "VERSION", "major"],
  ["an export added", `${BASE}export declare function ping(): Promise<void>;\n`, "export-added", "ping", "minor"],
  ["a required member added to an input type", BASE.replace("apiKey?: string;", "apiKey?: string; region: string;"), "member-added-to-input", "ClientOptions.region", "major"],
  ["an optional member added to an input type", BASE.replace("apiKey?: string;", "apiKey?: string; region?: string;"), "member-added", "ClientOptions.region", "minor"],
  ["a member added to a type callers receive", BASE.replace("readonly host: string", "readonly host: string; close(): void"), "member-added", "Client.close", "minor"],
  ["a member removed", BASE.replace("; readonly host: string", ""), "member-removed", "Client.host", "major"],
  ["a signature changed", BASE.replace("getContact(id: string)", "getContact(id: number)"), "declaration-changed", "Client.getContact", "major"],
  ["a function's parameters changed", BASE.replace("createClient(options: ClientOptions)", "createClient(options: ClientOptions, extra: string)"), "declaration-changed", "createClient", "major"],
];

group("surface rules", () => {
  it.each(cases)("%s", async (_name, declarations, rule, at, level) => {
    const changes = diffReports(base, await report(declarations), "@fixture/lib", new Set(["paths"]));
    expect(changes.map((c) => `${c.rule} @ ${c.at}`)).toContain(`${rule} @ ${at}`);
    expect(highest(changes.map(levelOf))).toBe(level);
  }, 60_000);

  it("leaves the spec-generated declarations to the spec rules, and finds nothing in an unchanged report", async () => {
    const changed = await report(BASE.replace('get: { id: string }', 'get: { id: number }'));
    expect(changed).not.toBe(base);
    expect(diffReports(base, changed, "@fixture/lib", new Set(["paths"]))).toEqual([]);
    expect(diffReports(base, base, "@fixture/lib", new Set(["paths"]))).toEqual([]);
  }, 60_000);
});
