// What changed in a published package since its base: its spec, its source, its runtime dependencies.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { gitMaybe, lines, showFile } from "./git.ts";
import type { PackageJson, WorkspacePackage } from "./workspace.ts";

/** The package.json fields that decide what a consumer installs alongside the package. */
const DEPENDENCY_FIELDS = ["dependencies", "peerDependencies", "optionalDependencies"] as const;

/** Tests may live beside the source; they are not part of what is published. */
const isTest = (file: string): boolean => /\.test(-d)?\.[cm]?[jt]sx?$/.test(file);

type Catalogs = { catalog?: Record<string, string>; catalogs?: Record<string, Record<string, string>> };

/** A dependency range as published: `catalog:` and `catalog:<name>` replaced by the catalog's range. */
function resolveRange(name: string, range: string, catalogs: Catalogs): string {
  if (!range.startsWith("catalog:")) return range;
  const catalog = range.slice("catalog:".length);
  const table = catalog === "" || catalog === "default" ? catalogs.catalog : catalogs.catalogs?.[catalog];
  return table?.[name] ?? range;
}

function publishedDependencies(manifest: PackageJson | undefined, catalogs: Catalogs): string {
  const resolved = DEPENDENCY_FIELDS.map((field) =>
    Object.entries(manifest?.[field] ?? {})
      .map(([name, range]) => [name, resolveRange(name, range, catalogs)])
      .sort(([a = ""], [b = ""]) => a.localeCompare(b)),
  );
  return JSON.stringify(resolved);
}

const parseJson = <T>(text: string | undefined): T | undefined => (text === undefined ? undefined : (JSON.parse(text) as T));
const parseYaml = <T>(text: string | undefined): T => ((text === undefined ? undefined : parse(text)) ?? {}) as T;

/**
 * Files changed between `treeish` and the working tree (committed, staged, unstaged or untracked):
 * `specs/<dir name>.yaml`, `src/**` except tests, and package.json when its dependencies changed.
 */
export async function changesSince(root: string, pkg: WorkspacePackage, treeish: string): Promise<string[]> {
  const vendor = path.posix.basename(pkg.dir);
  const pathspecs = [`specs/${vendor}.yaml`, `${pkg.dir}/src/`];
  const tracked = lines(await gitMaybe(root, ["diff", "--name-only", "--no-renames", treeish, "--", ...pathspecs]));
  const untracked = lines(await gitMaybe(root, ["ls-files", "--others", "--exclude-standard", "--", ...pathspecs]));
  const files = [...new Set([...tracked, ...untracked])].filter((file) => !isTest(file)).sort();

  const manifest = `${pkg.dir}/package.json`;
  const before = publishedDependencies(
    parseJson<PackageJson>(await showFile(root, treeish, manifest)),
    parseYaml<Catalogs>(await showFile(root, treeish, "pnpm-workspace.yaml")),
  );
  const now = publishedDependencies(
    pkg.manifest,
    parseYaml<Catalogs>(await readFile(path.join(root, "pnpm-workspace.yaml"), "utf8").catch(() => undefined)),
  );
  if (before !== now) files.push(`${manifest} (dependencies)`);
  return files;
}
