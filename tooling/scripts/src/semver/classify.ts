// Everything a published package changed since its last release, classified by rules.ts: its spec,
// its API reports, its package.json dependencies and its other source files.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import semver from "semver";
import ts from "typescript";
import { parse } from "yaml";
import { entryPoints } from "../api-report.ts";
import { showFile } from "../git.ts";
import { changesSince } from "../package-changes.ts";
import type { PackageJson, WorkspacePackage } from "../workspace.ts";
import { ChangeList } from "./change-list.ts";
import { highest, type Level } from "./levels.ts";
import { levelOf, type Change } from "./rules.ts";
import { diffSpecs } from "./spec-diff.ts";
import { diffReports } from "./surface-diff.ts";

export interface Classification {
  /** Files that changed (what check-changesets lists when no changeset names the package). */
  files: string[];
  /** Every classified change, the ones needing the highest level first. */
  changes: Change[];
  /** The level the changes need together; undefined when nothing changed. */
  required: Level | undefined;
}

const readOr = (file: string): Promise<string | undefined> => readFile(file, "utf8").catch(() => undefined);

/** The names exported by a package's generated files: classified by the spec, not the report. */
async function generatedNames(root: string, pkg: WorkspacePackage): Promise<Set<string>> {
  const dir = path.join(root, pkg.dir, "src", "generated");
  const names = new Set<string>();
  for (const file of (await readdir(dir).catch(() => [] as string[])).filter((f) => f.endsWith(".ts"))) {
    const source = ts.createSourceFile(file, (await readOr(path.join(dir, file))) ?? "", ts.ScriptTarget.Latest);
    for (const statement of source.statements) {
      if (!(ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword))) continue;
      if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) names.add(d.name.getText(source));
      else if ("name" in statement && statement.name) names.add((statement.name as ts.Identifier).text);
    }
  }
  return names;
}

/** A spec's two texts (undefined: no such file) classified; an edit that changes no rule's subject is docs-only. */
export function classifySpec(before: string | undefined, after: string | undefined, file: string): Change[] {
  if (before === after) return [];
  const changes = diffSpecs((parse(before ?? "") ?? {}) as Record<string, unknown>, (parse(after ?? "") ?? {}) as Record<string, unknown>);
  return changes.length > 0 ? changes : [{ rule: "spec-docs-changed", at: file }];
}

async function surfaceChanges(root: string, pkg: WorkspacePackage, treeish: string): Promise<Change[]> {
  const generated = await generatedNames(root, pkg);
  const changes: Change[] = [];
  for (const entry of entryPoints(pkg)) {
    const before = await showFile(root, treeish, entry.report);
    const after = await readOr(path.join(root, entry.report));
    // A release made before the package had reports has nothing to compare with.
    if (before === undefined || after === undefined || before === after) continue;
    const name = entry.subpath === "." ? pkg.manifest.name : `${pkg.manifest.name}${entry.subpath.slice(1)}`;
    changes.push(...diffReports(before, after, name, generated));
  }
  return changes;
}

function peerChanges(before: PackageJson | undefined, after: PackageJson): Change[] {
  const changes = new ChangeList();
  const peersBefore = before?.peerDependencies ?? {};
  for (const [name, range] of Object.entries(after.peerDependencies ?? {})) {
    const previous = peersBefore[name];
    if (previous === undefined || previous === range) continue;
    const widened = semver.subset(previous, range);
    if (widened) changes.add("peer-range-widened", name, { note: `${previous} → ${range}` });
    else changes.add("peer-range-narrowed", name, { note: `${previous} → ${range}` });
  }
  return changes.list();
}

/** `treeish` is the package's release base (see release-base.ts). */
export async function classifyPackage(root: string, pkg: WorkspacePackage, treeish: string): Promise<Classification> {
  const files = await changesSince(root, pkg, treeish);
  if (files.length === 0) return { files, changes: [], required: undefined };
  const spec = `specs/${path.posix.basename(pkg.dir)}.yaml`;
  const changes: Change[] = [];
  if (files.includes(spec)) changes.push(...classifySpec(await showFile(root, treeish, spec), await readOr(path.join(root, spec)), spec));
  changes.push(...(await surfaceChanges(root, pkg, treeish)));
  const manifest = `${pkg.dir}/package.json (dependencies)`;
  if (files.includes(manifest)) {
    const before = await showFile(root, treeish, `${pkg.dir}/package.json`);
    const peers = peerChanges(before === undefined ? undefined : (JSON.parse(before) as PackageJson), pkg.manifest);
    changes.push(...(peers.length > 0 ? peers : [{ rule: "dependencies-changed" as const, at: manifest }]));
  }
  const sources = files.filter((file) => file.startsWith(`${pkg.dir}/src/`));
  if (sources.length > 0) {
    changes.push({ rule: "source-changed", at: sources.length === 1 ? (sources[0] ?? "") : `${sources.length} source files`, ...(sources.length > 1 ? { note: sources.slice(0, 3).join(", ") + (sources.length > 3 ? ", …" : "") } : {}) });
  }
  const order = (change: Change) => ["major", "minor", "patch"].indexOf(levelOf(change));
  changes.sort((a, b) => order(a) - order(b));
  return { files, changes, required: highest(changes.map(levelOf)) };
}
