// The workspace's packages as the release tools see them: which are published, where they live.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";

/** The npm scope every published package lives under; the private registry is configured for it. */
export const SCOPE = "@seg";

export interface PackageJson {
  name: string;
  version: string;
  private?: boolean;
  license?: string;
  repository?: string | { type?: string; url?: string; directory?: string };
  files?: string[];
  scripts?: Record<string, string>;
  publishConfig?: Record<string, unknown>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** The dependency fields a consumer's install resolves (devDependencies are not installed with a package). */
export const RUNTIME_DEPENDENCY_FIELDS = ["dependencies", "peerDependencies", "optionalDependencies"] as const;
export const DEPENDENCY_FIELDS = [...RUNTIME_DEPENDENCY_FIELDS, "devDependencies"] as const;

export interface WorkspacePackage {
  /** Directory relative to the repository root, with `/` separators (`packages/segmetrics`). */
  dir: string;
  manifest: PackageJson;
}

export async function readJson<T>(file: string): Promise<T> {
  return JSON.parse(await readFile(file, "utf8")) as T;
}

/** Every package matched by pnpm-workspace.yaml's `packages` (patterns of the form `dir/*`). */
export async function workspacePackages(root: string): Promise<WorkspacePackage[]> {
  const workspace = parse(await readFile(path.join(root, "pnpm-workspace.yaml"), "utf8")) as { packages?: string[] };
  const found: WorkspacePackage[] = [];
  for (const pattern of workspace.packages ?? []) {
    if (!/^[\w.-]+\/\*$/.test(pattern)) throw new Error(`pnpm-workspace.yaml: only "dir/*" package patterns are supported, got "${pattern}"`);
    const parent = pattern.slice(0, -2);
    const entries = await readdir(path.join(root, parent), { withFileTypes: true }).catch(() => []);
    for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(root, parent, entry.name, "package.json");
      if (existsSync(file)) found.push({ dir: `${parent}/${entry.name}`, manifest: await readJson<PackageJson>(file) });
    }
  }
  return found;
}

/** The packages a release publishes: not `private`, and not in `.changeset/config.json`'s `ignore`. */
export async function publishedPackages(root: string): Promise<WorkspacePackage[]> {
  const config = await readJson<{ ignore?: string[] }>(path.join(root, ".changeset", "config.json"));
  const ignored = new Set(config.ignore ?? []);
  return (await workspacePackages(root)).filter((pkg) => pkg.manifest.private !== true && !ignored.has(pkg.manifest.name));
}
