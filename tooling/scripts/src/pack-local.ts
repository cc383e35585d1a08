// `pnpm pack:local @seg/segmetrics`: tarballs to try packages in another project without a registry.
// A package is packed together with the @seg packages it depends on (a vendor brings @seg/core), so
// `npm install <the tarballs>` never looks an @seg name up on a registry (where a stranger's package
// of that name could be waiting). The tarballs are staged exactly as `pnpm release` stages them.
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { git } from "./git.ts";
import { BUILD_ONLY } from "./release.ts";
import { RepositoryConfigError, sourceRepository, type SourceRepository } from "./repository.ts";
import { CommandError, describeCommand, run as defaultRun, type Runner } from "./run.ts";
import { LICENSE_FILE, stagePackage } from "./stage.ts";
import { publishedPackages, readJson, type PackageJson, type WorkspacePackage } from "./workspace.ts";

export interface PackLocalOptions {
  root: string;
  /** Package names (`@seg/segmetrics`) or directories (`packages/segmetrics`). */
  requested: readonly string[];
  outDir: string;
  env?: NodeJS.ProcessEnv;
  run?: Runner;
}

/** The requested packages and, transitively, the published @seg packages they depend on, dependencies first. */
export function withDependencies(requested: readonly string[], packages: readonly WorkspacePackage[]): WorkspacePackage[] {
  const byName = new Map(packages.map((p) => [p.manifest.name, p]));
  const byDir = new Map(packages.map((p) => [p.dir, p]));
  const chosen: WorkspacePackage[] = [];
  const visit = (pkg: WorkspacePackage): void => {
    if (chosen.includes(pkg)) return;
    // A consumer's install needs `dependencies` (and optional ones); peers are the consumer's choice.
    for (const name of Object.keys({ ...pkg.manifest.dependencies, ...pkg.manifest.optionalDependencies })) {
      const dependency = byName.get(name);
      if (dependency) visit(dependency);
    }
    chosen.push(pkg);
  };
  for (const wanted of requested) {
    const pkg = byName.get(wanted) ?? byDir.get(wanted.replace(/\/$/, ""));
    if (!pkg) throw new Error(`${wanted} is not a published package of this workspace (${packages.map((p) => p.manifest.name).join(", ")})`);
    visit(pkg);
  }
  return chosen;
}

/** Packs the packages into `outDir`; returns the tarball paths, dependencies first. */
export async function packLocal(options: PackLocalOptions): Promise<string[]> {
  const { root, outDir, env = process.env, run = defaultRun } = options;
  const chosen = withDependencies(options.requested, await publishedPackages(root));
  await run("pnpm", [...BUILD_ONLY, ...chosen.map((p) => `--filter=${p.manifest.name}`)], { cwd: root, env });

  let repository: SourceRepository | undefined;
  try {
    repository = sourceRepository(await readJson<PackageJson>(path.join(root, "package.json")), (await git(root, ["rev-parse", "HEAD"])).trim());
  } catch (error) {
    if (!(error instanceof RepositoryConfigError)) throw error;
    console.warn(`note: README links stay relative in these tarballs: ${error.message}`);
  }
  const license = existsSync(path.join(root, LICENSE_FILE)) ? await readFile(path.join(root, LICENSE_FILE), "utf8") : undefined;

  await mkdir(outDir, { recursive: true });
  const work = await mkdtemp(path.join(tmpdir(), "seg-pack-"));
  try {
    const tarballs: string[] = [];
    for (const pkg of chosen) {
      const staged = await stagePackage(pkg, { root, repository, license, workDir: work, run, env });
      const args = ["pack", staged.dir, "--pack-destination", outDir, "--ignore-scripts", "--json"];
      const { code, stdout, stderr } = await run("npm", args, { cwd: root, env, capture: true });
      if (code !== 0) throw new CommandError(`\`${describeCommand("npm", args)}\` failed (exit code ${code}):\n${stderr}`);
      const [{ filename } = { filename: "" }] = JSON.parse(stdout) as { filename: string }[];
      tarballs.push(path.join(outDir, filename));
    }
    return tarballs;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
