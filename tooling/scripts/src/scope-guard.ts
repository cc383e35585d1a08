// Dependency confusion: a name in our scope (`@seg/…`) must only ever come from this workspace, or,
// for a consumer, from the team's registry. If anything here let an `@seg` name be looked up on a
// registry (a non-workspace range, a name no workspace package has, a lockfile entry fetched from a
// registry, an npmrc routing the scope to the public registry), whoever publishes that name on the
// public registry first would get their code installed. `pnpm release` refuses while any is found.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { isPublicRegistry } from "./registry-guard.ts";
import { DEPENDENCY_FIELDS, RUNTIME_DEPENDENCY_FIELDS, SCOPE, type WorkspacePackage } from "./workspace.ts";

const inScope = (name: string): boolean => name.startsWith(`${SCOPE}/`);

/** Problems in the manifests: `workspace` is every workspace package, `published` those a release publishes. */
export function manifestScopeProblems(workspace: readonly WorkspacePackage[], published: readonly WorkspacePackage[]): string[] {
  const problems: string[] = [];
  const local = new Set(workspace.map((p) => p.manifest.name));
  const publishedNames = new Set(published.map((p) => p.manifest.name));
  for (const { dir, manifest } of workspace) {
    for (const field of DEPENDENCY_FIELDS) {
      for (const [name, range] of Object.entries(manifest[field] ?? {})) {
        if (!inScope(name)) continue;
        const where = `${dir}/package.json ${field}["${name}"]`;
        if (!local.has(name)) problems.push(`${where}: no workspace package is called ${name}, so it would be looked up on a registry`);
        else if (field === "peerDependencies") {
          // A peer range is what consumers may bring; here pnpm must link the workspace's copy, which
          // it does only when the package also depends on it through workspace: (else it may fetch it).
          const linked = [manifest.dependencies?.[name], manifest.devDependencies?.[name]].some((r) => r?.startsWith("workspace:"));
          if (!linked) problems.push(`${where}: add ${name} to devDependencies as "workspace:^", or pnpm may install the peer from a registry`);
        } else if (!range.startsWith("workspace:")) problems.push(`${where} is "${range}": use "workspace:^" so it never comes from a registry`);
      }
    }
  }
  for (const { dir, manifest } of published) {
    for (const field of RUNTIME_DEPENDENCY_FIELDS) {
      for (const name of Object.keys(manifest[field] ?? {})) {
        if (inScope(name) && local.has(name) && !publishedNames.has(name)) {
          problems.push(`${dir}/package.json ${field}["${name}"]: ${name} is never published, so consumers would look for it on a registry`);
        }
      }
    }
  }
  return problems;
}

/** `@seg` packages the lockfile resolved from a registry instead of linking the workspace's. */
export function lockfileScopeProblems(lockfile: string): string[] {
  const parsed = (parse(lockfile) ?? {}) as { packages?: Record<string, unknown>; snapshots?: Record<string, unknown> };
  const keys = new Set([...Object.keys(parsed.packages ?? {}), ...Object.keys(parsed.snapshots ?? {})]);
  return [...keys].filter(inScope).map((key) => `pnpm-lock.yaml resolves ${key} from a registry: every ${SCOPE} package must be a workspace link`);
}

/** An npmrc line that routes our scope to the public registry. */
export function npmrcScopeProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = new RegExp(`^\\s*${SCOPE}:registry\\s*=\\s*(\\S+)`).exec(line);
    const url = match?.[1];
    if (url && URL.canParse(url) && isPublicRegistry(new URL(url))) problems.push(`${file} routes ${SCOPE} to the public registry (${url})`);
  }
  return problems;
}

/** Every problem in the repository at `root`. */
export async function scopeProblems(root: string, workspace: readonly WorkspacePackage[], published: readonly WorkspacePackage[]): Promise<string[]> {
  const problems = manifestScopeProblems(workspace, published);
  const lockfile = path.join(root, "pnpm-lock.yaml");
  if (existsSync(lockfile)) problems.push(...lockfileScopeProblems(await readFile(lockfile, "utf8")));
  for (const dir of [".", ...workspace.map((p) => p.dir)]) {
    const npmrc = path.join(root, dir, ".npmrc");
    if (existsSync(npmrc)) problems.push(...npmrcScopeProblems(path.posix.join(dir, ".npmrc"), await readFile(npmrc, "utf8")));
  }
  return problems;
}
