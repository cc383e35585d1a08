// The npm configuration a publish runs with: a temporary user npmrc that scopes `@seg` to the private
// registry and holds its credentials (a token, Basic `_auth`, or username and password). pnpm ignores `${ENV}` in a project .npmrc's auth lines, and a token
// in a file the repo owns could be committed; a file of our own, passed as NPM_CONFIG_USERCONFIG
// and deleted afterwards, has neither problem.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { PublishRegistry } from "./registry-guard.ts";
import { SCOPE } from "./workspace.ts";

/** npm's key for per-registry settings: the URL without protocol, ending in `/` (`//host:port/path/`). */
export function nerfDart(registryUrl: string): string {
  const url = new URL(registryUrl);
  const pathname = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return `//${url.host}${pathname}`;
}

export function renderNpmrc(registry: PublishRegistry): string {
  const key = nerfDart(registry.url);
  const auth = registry.auth.settings().map(([name, value]) => `${key}:${name}=${value}\n`);
  return `${SCOPE}:registry=${registry.url}\n${auth.join("")}`;
}

/**
 * The environment for the publishing processes. Besides the user npmrc, the scoped registry is set
 * as `npm_config_@seg:registry`: environment settings outrank a project .npmrc, and it is the
 * variable changesets itself reads to pick the registry it queries and publishes to (without it,
 * changesets assumes registry.npmjs.org).
 */
export function publishEnv(env: NodeJS.ProcessEnv, registry: PublishRegistry, userconfig: string): NodeJS.ProcessEnv {
  const scopedKey = `npm_config_${SCOPE}:registry`;
  const next: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(env)) {
    // npm reads npm_config_* case-insensitively: drop every spelling we are about to set.
    const lower = key.toLowerCase();
    if (lower === "npm_config_userconfig" || lower === scopedKey) continue;
    next[key] = value;
  }
  return { ...next, NPM_CONFIG_USERCONFIG: userconfig, [scopedKey]: registry.url };
}

/** Runs `use` with the publish environment; the npmrc (mode 0600) is removed afterwards, always. */
export async function withPublishNpmrc<T>(
  env: NodeJS.ProcessEnv,
  registry: PublishRegistry,
  use: (publishEnvironment: NodeJS.ProcessEnv) => Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(path.join(tmpdir(), "seg-release-"));
  try {
    const userconfig = path.join(dir, "npmrc");
    await writeFile(userconfig, renderNpmrc(registry), { mode: 0o600 });
    return await use(publishEnv(env, registry, userconfig));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
