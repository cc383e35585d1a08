// `pnpm release`: refuse unless a private registry, its credentials and the repository are set and
// nothing lets an @seg name come from elsewhere; ask the registry which versions it lacks; run the
// checks exactly as CI does (or, with --skip-checks, build what is missing); stage each missing
// package, check every tarball is complete, and only then publish them.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chooseDistTag } from "./dist-tag.ts";
import { git } from "./git.ts";
import { githubPackagesProblem } from "./github-packages.ts";
import { withPublishNpmrc } from "./npmrc.ts";
import { pendingChangesets } from "./pending-changesets.ts";
import { repoRoot } from "./paths.ts";
import { publishStaged, unpublished, type Published } from "./publish.ts";
import { publishRegistry, RegistryConfigError, REGISTRY_URL_VAR, type PublishRegistry } from "./registry-guard.ts";
import { sourceRepository, type SourceRepository } from "./repository.ts";
import { run as defaultRun, type Runner } from "./run.ts";
import { scopeProblems } from "./scope-guard.ts";
import { CHANGELOG_FILE, LICENSE_FILE, stagePackage, type StagedPackage } from "./stage.ts";
import { tarballProblems } from "./tarball-check.ts";
import { publishedPackages, readJson, SCOPE, workspacePackages, type PackageJson, type WorkspacePackage } from "./workspace.ts";

export interface ReleaseOptions {
  root?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Build, but skip the checks (generated code, typecheck, lint, tests, package and size gates).
   * Only for a commit whose checks already passed: CI runs `pnpm test:release` after them.
   */
  skipChecks?: boolean;
  /** The npm dist-tag (default `latest`, or the pre mode's tag); see dist-tag.ts. */
  tag?: string;
  run?: Runner;
}

/** A release that must not start; the message says what to do. */
export class ReleaseRefused extends Error {
  override name = "ReleaseRefused";
}

/**
 * The checks, as `pnpm run ci` runs them: the root `checks` script (turbo with CI's task list and
 * CI's `--concurrency`). With --skip-checks only the packages to publish are built (and what they
 * depend on), at the same concurrency.
 */
export const CHECKS_SCRIPT = "checks";
export const CI_CONCURRENCY = "--concurrency=2";
export const BUILD_ONLY = ["exec", "turbo", "run", "build", "--output-logs=new-only", CI_CONCURRENCY] as const;

const list = (problems: readonly string[]): string => problems.map((p) => `\n  - ${p}`).join("");

interface Plan {
  registry: PublishRegistry;
  packages: WorkspacePackage[];
  distTag: string;
  repository: SourceRepository;
  license: string;
}

/** Everything that can refuse, before anything is built; each refusal says what to fix. */
async function plan(root: string, env: NodeJS.ProcessEnv, tag: string | undefined): Promise<Plan> {
  const registry = publishRegistry(env);
  const packages = await publishedPackages(root);
  for (const { dir, manifest } of packages) {
    const own = manifest.publishConfig?.registry ?? manifest.publishConfig?.[`${SCOPE}:registry`];
    if (own !== undefined) {
      throw new RegistryConfigError(
        `${dir}/package.json sets a registry in publishConfig, which would override ${REGISTRY_URL_VAR}: remove it (publishConfig keeps only "access").`,
      );
    }
    if (manifest.repository !== undefined) {
      throw new ReleaseRefused(`${dir}/package.json sets "repository": remove it; each package's repository is the root package.json's, with its own directory.`);
    }
  }
  const confusion = await scopeProblems(root, await workspacePackages(root), packages);
  if (confusion.length > 0) throw new ReleaseRefused(`an ${SCOPE} package could resolve from a registry other than yours:${list(confusion)}`);
  const pending = await pendingChangesets(root);
  if (pending.length > 0) {
    throw new ReleaseRefused(
      `${pending.length} changeset(s) not versioned yet (${pending.map((c) => c.file).join(", ")}): ` +
        "run `pnpm changeset version`, review and commit the bumped versions and CHANGELOGs, then `pnpm release`.",
    );
  }
  const unversioned = packages.filter((p) => !existsSync(path.join(root, p.dir, CHANGELOG_FILE)));
  if (unversioned.length > 0) {
    throw new ReleaseRefused(
      `${unversioned.map((p) => `${p.manifest.name}@${p.manifest.version}`).join(", ")} never went through \`changeset version\` (no ${CHANGELOG_FILE}): ` +
        "add a changeset for each (`pnpm changeset`), then `pnpm changeset version`.",
    );
  }
  const distTag = await chooseDistTag(root, tag, packages);
  const repository = sourceRepository(await readJson<PackageJson>(path.join(root, "package.json")), (await git(root, ["rev-parse", "HEAD"])).trim());
  const registryRule = githubPackagesProblem(registry.url, repository);
  if (registryRule) throw new RegistryConfigError(registryRule);
  const licenseFile = path.join(root, LICENSE_FILE);
  if (!existsSync(licenseFile)) throw new ReleaseRefused(`no ${LICENSE_FILE} at the repository root: every package ships a copy of it.`);
  return { registry, packages, distTag, repository, license: await readFile(licenseFile, "utf8") };
}

export async function release(options: ReleaseOptions = {}): Promise<Published[]> {
  const { root = repoRoot, env = process.env, skipChecks = false, run = defaultRun } = options;
  const { registry, packages, distTag, repository, license } = await plan(root, env, options.tag);

  // Asked first: wrong credentials fail here, before minutes of checks, and only what is missing is built.
  const missing = await withPublishNpmrc(env, registry, (publishEnv) => unpublished(packages, { root, env: publishEnv, run, distTag }));
  if (missing.length === 0) {
    console.log(`nothing to publish: ${registry.url} has every version`);
    return [];
  }
  if (skipChecks) {
    await run("pnpm", [...BUILD_ONLY, ...missing.map((p) => `--filter=${p.manifest.name}`)], { cwd: root, env });
  } else {
    await run("pnpm", ["check:generated"], { cwd: root, env });
    await run("pnpm", ["run", CHECKS_SCRIPT], { cwd: root, env });
  }

  const work = await mkdtemp(path.join(tmpdir(), "seg-release-stage-"));
  try {
    // Staged side by side; all settle before a failure is reported and `work` removed.
    const results = await Promise.allSettled(missing.map((pkg) => stagePackage(pkg, { root, repository, license, workDir: work, run, env })));
    const failed = results.find((r) => r.status === "rejected");
    if (failed) throw failed.reason;
    const staged = results.map((r) => (r as PromiseFulfilledResult<StagedPackage>).value);
    const problems: string[] = [];
    for (const one of staged) {
      problems.push(...(await tarballProblems(one.dir, { source: one.source, repository, license })).map((p) => `${one.manifest.name}: ${p}`));
    }
    if (problems.length > 0) throw new ReleaseRefused(`nothing was published: the tarballs are incomplete:${list(problems)}`);
    console.log(`publishing ${staged.map((s) => `${s.manifest.name}@${s.manifest.version}`).join(", ")} to ${registry.url} under the "${distTag}" dist-tag …`);
    return await withPublishNpmrc(env, registry, (publishEnv) => publishStaged(staged, { root, env: publishEnv, run, distTag }));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
