// What a published tarball holds, assembled at pack time from one source each: `pnpm pack` (the
// package's files, with workspace: and catalog: ranges made real), the repository's one LICENSE,
// the package's CHANGELOG.md, its README with links made absolute, and the repository from the root
// package.json. Nothing in the working tree is changed: the package is staged in a directory of its
// own, then published (or packed) from there.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { x as extract } from "tar";
import { absoluteLinks } from "./markdown-links.ts";
import type { SourceRepository } from "./repository.ts";
import { CommandError, describeCommand, type Runner } from "./run.ts";
import { readJson, type PackageJson, type WorkspacePackage } from "./workspace.ts";

export const LICENSE_FILE = "LICENSE";
export const CHANGELOG_FILE = "CHANGELOG.md";
export const README_FILE = "README.md";

export interface StageContext {
  root: string;
  /** Where links and `repository` point; without one (a local pack) both stay as they are. */
  repository: SourceRepository | undefined;
  /** The text of the repository's LICENSE, copied into every package (if there is one). */
  license: string | undefined;
  /** A directory of our own; each package is staged in a new directory under it. */
  workDir: string;
  run: Runner;
  env: NodeJS.ProcessEnv;
}

export interface StagedPackage {
  /** Directory relative to the repository root (`packages/segmetrics`). */
  source: string;
  /** The staged package: what `npm publish <dir>` or `npm pack <dir>` sends. */
  dir: string;
  manifest: PackageJson;
}

async function pnpmPack(pkg: WorkspacePackage, destination: string, context: StageContext): Promise<string> {
  const args = ["pack", "--pack-destination", destination, "--json"];
  const { code, stdout, stderr } = await context.run("pnpm", args, { cwd: path.join(context.root, pkg.dir), env: context.env, capture: true });
  if (code !== 0) throw new CommandError(`\`${describeCommand("pnpm", args)}\` in ${pkg.dir} failed (exit code ${code}):\n${stdout}${stderr}`);
  return (JSON.parse(stdout) as { filename: string }).filename;
}

async function rewriteLinks(file: string, source: string, repository: SourceRepository | undefined): Promise<void> {
  if (!repository || !existsSync(file)) return;
  try {
    await writeFile(file, absoluteLinks(await readFile(file, "utf8"), source, repository));
  } catch (error) {
    throw new Error(`${source}/${path.basename(file)}: ${(error as Error).message}`, { cause: error });
  }
}

export async function stagePackage(pkg: WorkspacePackage, context: StageContext): Promise<StagedPackage> {
  const work = await mkdtemp(path.join(context.workDir, `${pkg.manifest.name.replace(/^@/, "").replace("/", "-")}-`));
  const tarball = await pnpmPack(pkg, work, context);
  await extract({ file: tarball, cwd: work });
  await rm(tarball);
  const dir = path.join(work, "package");

  if (context.license) await writeFile(path.join(dir, LICENSE_FILE), context.license);
  const changelog = path.join(context.root, pkg.dir, CHANGELOG_FILE);
  if (existsSync(changelog)) await writeFile(path.join(dir, CHANGELOG_FILE), await readFile(changelog));
  await rewriteLinks(path.join(dir, README_FILE), pkg.dir, context.repository);
  await rewriteLinks(path.join(dir, CHANGELOG_FILE), pkg.dir, context.repository);

  const manifest = await readJson<PackageJson>(path.join(dir, "package.json"));
  if (context.repository) manifest.repository = { type: "git", url: context.repository.url, directory: pkg.dir };
  // npm always packs LICENSE and README, but a CHANGELOG only when `files` names it.
  if (manifest.files && existsSync(path.join(dir, CHANGELOG_FILE)) && !manifest.files.includes(CHANGELOG_FILE)) {
    manifest.files = [...manifest.files, CHANGELOG_FILE];
  }
  await writeFile(path.join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return { source: pkg.dir, dir, manifest };
}
