// Publishes staged packages: dependencies before their dependents (a consumer never finds a vendor
// package whose @seg/core is missing), only those whose version the registry lacks, so a second run
// publishes nothing twice. Each published version is tagged in git (`@seg/core@0.1.0`) when that
// version is committed (a snapshot's is not), and announced as `New tag: …`, the line the changesets
// GitHub Action reads to push tags and create GitHub releases.
import { git, gitMaybe, showFile } from "./git.ts";
import { CommandError, describeCommand, type Runner } from "./run.ts";
import type { StagedPackage } from "./stage.ts";
import { RUNTIME_DEPENDENCY_FIELDS, type WorkspacePackage } from "./workspace.ts";

export interface PublishContext {
  root: string;
  /** The environment with the publish npmrc (see npmrc.ts). */
  env: NodeJS.ProcessEnv;
  run: Runner;
  distTag: string;
}

export interface Published {
  name: string;
  version: string;
  gitTag?: string;
}

/** Dependencies first; the order is otherwise the given one. */
export function publishOrder(staged: readonly StagedPackage[]): StagedPackage[] {
  const byName = new Map(staged.map((s) => [s.manifest.name, s]));
  const ordered: StagedPackage[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (pkg: StagedPackage, chain: string[]): void => {
    const name = pkg.manifest.name;
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") throw new Error(`dependency cycle: ${[...chain, name].join(" → ")}`);
    state.set(name, "visiting");
    for (const field of RUNTIME_DEPENDENCY_FIELDS) {
      for (const dependency of Object.keys(pkg.manifest[field] ?? {})) {
        const needed = byName.get(dependency);
        if (needed) visit(needed, [...chain, name]);
      }
    }
    state.set(name, "done");
    ordered.push(pkg);
  };
  for (const pkg of staged) visit(pkg, []);
  return ordered;
}

/** The versions of `name` the registry has; none when it does not know the package. */
export async function registryVersions(name: string, context: PublishContext): Promise<string[]> {
  const args = ["view", name, "versions", "--json"];
  const { code, stdout, stderr } = await context.run("npm", args, { cwd: context.root, env: context.env, capture: true });
  const parsed = (stdout.trim() ? JSON.parse(stdout) : undefined) as string | string[] | { error?: { code?: string; summary?: string } } | undefined;
  if (code === 0) return parsed === undefined ? [] : typeof parsed === "string" ? [parsed] : (parsed as string[]);
  if (typeof parsed === "object" && !Array.isArray(parsed) && parsed.error?.code === "E404") return [];
  const reason = typeof parsed === "object" && !Array.isArray(parsed) ? parsed.error?.summary : stderr.trim().split("\n")[0];
  throw new CommandError(`\`${describeCommand("npm", args)}\` failed (exit code ${code}): ${reason ?? "no output"}`);
}

/** Whether `version` is the one committed in HEAD (a snapshot's version is only in the working tree). */
async function committed(root: string, source: string, version: string): Promise<boolean> {
  const head = await showFile(root, "HEAD", `${source}/package.json`);
  return head !== undefined && (JSON.parse(head) as { version?: string }).version === version;
}

/** The packages whose version the registry lacks, looked up side by side. */
export async function unpublished(packages: readonly WorkspacePackage[], context: PublishContext): Promise<WorkspacePackage[]> {
  const known = await Promise.all(packages.map((pkg) => registryVersions(pkg.manifest.name, context)));
  return packages.filter((pkg, index) => {
    const there = known[index]?.includes(pkg.manifest.version) ?? false;
    if (there) console.log(`${pkg.manifest.name}@${pkg.manifest.version} is on the registry already`);
    return !there;
  });
}

/** Publishes every staged package, dependencies first (see `unpublished` for which to stage). */
export async function publishStaged(staged: readonly StagedPackage[], context: PublishContext): Promise<Published[]> {
  const published: Published[] = [];
  for (const pkg of publishOrder(staged)) {
    const { name, version } = pkg.manifest;
    await context.run("npm", ["publish", pkg.dir, "--tag", context.distTag, "--ignore-scripts"], { cwd: context.root, env: context.env });
    console.log(`published ${name}@${version} (dist-tag ${context.distTag})`);
    const tag = `${name}@${version}`;
    if (!(await committed(context.root, pkg.source, version))) {
      published.push({ name, version });
      continue;
    }
    if ((await gitMaybe(context.root, ["rev-parse", "--verify", "--quiet", `refs/tags/${tag}`])) === undefined) {
      await git(context.root, ["tag", "-a", tag, "-m", tag]);
    }
    console.log(`New tag: ${tag}`);
    published.push({ name, version, gitTag: tag });
  }
  return published;
}
