// `pnpm release`: refuse unless a private registry is configured, build and check everything, then
// publish each public package whose version is not on that registry yet.
import { withPublishNpmrc } from "./npmrc.ts";
import { pendingChangesets } from "./pending-changesets.ts";
import { repoRoot } from "./paths.ts";
import { publishRegistry, RegistryConfigError, REGISTRY_URL_VAR } from "./registry-guard.ts";
import { run as defaultRun, type Runner } from "./run.ts";
import { publishedPackages, SCOPE } from "./workspace.ts";

export interface ReleaseOptions {
  root?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Build, but skip the checks (generated code, typecheck, lint, tests, package and size gates).
   * Only for a commit whose checks already passed: CI runs `pnpm test:release` after them.
   */
  skipChecks?: boolean;
  run?: Runner;
}

/** A release that must not start (changesets not versioned yet); the message says what to do. */
export class ReleaseRefused extends Error {
  override name = "ReleaseRefused";
}

/** The turbo tasks a release runs first; `build` alone when checks are skipped. */
export const CHECK_TASKS = ["build", "typecheck", "lint", "test", "check:package", "size"] as const;

export async function release(options: ReleaseOptions = {}): Promise<void> {
  const { root = repoRoot, env = process.env, skipChecks = false, run = defaultRun } = options;

  // Everything that can refuse does so before anything is built.
  const registry = publishRegistry(env);
  const packages = await publishedPackages(root);
  for (const { dir, manifest } of packages) {
    const own = manifest.publishConfig?.registry ?? manifest.publishConfig?.[`${SCOPE}:registry`];
    if (own !== undefined) {
      throw new RegistryConfigError(
        `${dir}/package.json sets a registry in publishConfig, which would override ${REGISTRY_URL_VAR}: remove it (publishConfig keeps only "access").`,
      );
    }
  }
  const pending = await pendingChangesets(root);
  if (pending.length > 0) {
    throw new ReleaseRefused(
      `${pending.length} changeset(s) not versioned yet (${pending.map((c) => c.file).join(", ")}): ` +
        "run `pnpm changeset version`, review and commit the bumped versions and CHANGELOGs, then `pnpm release`.",
    );
  }

  const turbo = ["exec", "turbo", "run", ...(skipChecks ? ["build"] : CHECK_TASKS), "--output-logs=new-only"];
  if (!skipChecks) await run("pnpm", ["check:generated"], { cwd: root, env });
  await run("pnpm", turbo, { cwd: root, env });

  console.log(`publishing ${packages.map((p) => p.manifest.name).join(", ")} (those not yet on ${registry.url}) …`);
  // changesets publishes each public package whose version the registry lacks (through `pnpm publish`,
  // which turns workspace: and catalog: ranges into real ones) and tags the commit per package.
  await withPublishNpmrc(env, registry, (publishEnv) =>
    run("pnpm", ["exec", "changeset", "publish"], { cwd: root, env: publishEnv }),
  );
}
