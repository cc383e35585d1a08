// A company project that installs seg packages with npm, the way a user would: its committed .npmrc
// routes @seg to the team's registry (REGISTRIES.md) and leaves every other package to the
// default registry (here a public stand-in); the token is in the user's npmrc, never the project's.
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, realpath, writeFile } from "node:fs/promises";
import path from "node:path";
import { nerfDart } from "../../src/npmrc.ts";
import type { PackageJson } from "../../src/workspace.ts";
import { cleanEnv, execOk, type Result } from "./exec.ts";
import type { LocalRegistry } from "./verdaccio.ts";

const NPM_TIMEOUT_MS = 120_000;

// Every SegMetrics host is pointed at the stand-in (the client refuses to override only some).
const files = (baseUrl: string): Record<string, string> => ({
  "package.json": `${JSON.stringify({ name: "seg-consumer", private: true, type: "module" }, null, 2)}\n`,
  // ESM and CommonJS entry points: each loads the package its own way and calls the stand-in API.
  "esm.mjs": `import { createSegmetricsClient } from "@seg/segmetrics";
const client = createSegmetricsClient({ accountId: "acct", integrationId: "intg", apiKey: "e2e-key", retry: false,
  baseUrls: { import: "${baseUrl}/esm/{account_id}/{integration_id}", track: "${baseUrl}/track", reporting: "${baseUrl}/reporting" } });
const { response } = await client.POST("/contact", { body: { email: "esm@example.com", first_name: "Esm" } });
console.log(JSON.stringify({ resolved: import.meta.resolve("@seg/segmetrics"), status: response.status }));
`,
  "cjs.cjs": `const { createSegmetricsClient } = require("@seg/segmetrics");
const client = createSegmetricsClient({ accountId: "acct", integrationId: "intg", apiKey: "e2e-key", retry: false,
  baseUrls: { import: "${baseUrl}/cjs/{account_id}/{integration_id}", track: "${baseUrl}/track", reporting: "${baseUrl}/reporting" } });
client.POST("/contact", { body: { email: "cjs@example.com", first_name: "Cjs" } }).then(({ response }) => {
  console.log(JSON.stringify({ resolved: require.resolve("@seg/segmetrics"), status: response.status }));
});
`,
  // The facade with only SegMetrics installed: the other vendors are optional peers, never pulled in.
  "facade.mjs": `import { createSeg } from "@seg/sdk";
import { createSegmetricsClient } from "@seg/segmetrics";
import { segmetricsAdapter } from "@seg/segmetrics/adapter";
const segmetrics = createSegmetricsClient({ accountId: "acct", integrationId: "intg", apiKey: "e2e-key", retry: false,
  baseUrls: { import: "${baseUrl}/facade/{account_id}/{integration_id}", track: "${baseUrl}/track", reporting: "${baseUrl}/reporting" } });
const outcomes = await createSeg({ segmetrics: segmetricsAdapter(segmetrics, { personKey: "email" }) }).upsertPerson({ email: "facade@example.com", firstName: "Facade" });
console.log(JSON.stringify(Object.fromEntries(Object.entries(outcomes).map(([name, outcome]) => [name, outcome.status]))));
`,
  // Type-checked, never run. The @ts-expect-error fails the check if the types resolve to \`any\`.
  "consumer.ts": `import { createSegmetricsClient, SegRedirectError, type SegApiErrorKind, type SegmetricsClient } from "@seg/segmetrics";
import { segmetricsAdapter } from "@seg/segmetrics/adapter";

// @seg/core's surface, through the vendor package (@seg/core/public), and the adapter subpath.
export const redirected = (error: unknown): boolean => error instanceof SegRedirectError;
export const kind: SegApiErrorKind = "not_found";
// @ts-expect-error -- not a kind of SegApiError
export const notAKind: SegApiErrorKind = "nope";
export const adapter: typeof segmetricsAdapter = segmetricsAdapter;

export async function upsert(baseUrl: string): Promise<number> {
  const client: SegmetricsClient = createSegmetricsClient({ accountId: "acct", integrationId: "intg", apiKey: "key", baseUrls: { import: baseUrl, track: baseUrl, reporting: baseUrl } });
  const { response } = await client.POST("/contact", { body: { email: "ts@example.com", first_name: "Ts" } });
  // @ts-expect-error -- not a SegMetrics path
  await client.GET("/no-such-path");
  return response.status;
}
`,
  "consumer.cts": `import segmetrics = require("@seg/segmetrics");

export const create: typeof segmetrics.createSegmetricsClient = (options) => segmetrics.createSegmetricsClient(options);
// @ts-expect-error -- accountId is a string
segmetrics.createSegmetricsClient({ accountId: 42 });
`,
  "tsconfig.node16.json": `${JSON.stringify({
    compilerOptions: { module: "node16", moduleResolution: "node16", target: "es2022", lib: ["es2022", "dom"], types: [], strict: true, noEmit: true },
    files: ["consumer.ts", "consumer.cts"],
  }, null, 2)}\n`,
  // TypeScript's `node10` resolution reads no `exports`: subpaths resolve through `typesVersions`.
  "tsconfig.node10.json": `${JSON.stringify({
    compilerOptions: { module: "commonjs", moduleResolution: "node10", target: "es2022", lib: ["es2022", "dom"], types: [], strict: true, noEmit: true },
    files: ["consumer.ts"],
  }, null, 2)}\n`,
  "tsconfig.bundler.json": `${JSON.stringify({
    compilerOptions: { module: "preserve", moduleResolution: "bundler", target: "es2022", lib: ["es2022", "dom"], types: [], strict: true, noEmit: true },
    files: ["consumer.ts"],
  }, null, 2)}\n`,
});

export interface ConsumerRegistries {
  /** Where everything but @seg comes from (npm's public registry, in real life). */
  public: LocalRegistry;
  /** The team's registry, which @seg is routed to; a project without one installs @seg from tarballs. */
  team?: LocalRegistry;
}

/** The consumer's committed project .npmrc, as REGISTRIES.md gives it. */
export const projectNpmrc = (registries: ConsumerRegistries): string =>
  [
    ...(registries.team ? ["# @seg/* only ever from the team's registry (dependency confusion: REGISTRIES.md)", `@seg:registry=${registries.team.url}`] : []),
    `registry=${registries.public.url}`,
    "audit=false",
    "fund=false",
    "update-notifier=false",
    "",
  ].join("\n");

export class Consumer {
  constructor(
    readonly dir: string,
    private readonly registries: ConsumerRegistries,
  ) {}

  private get userconfig(): string {
    return `${this.dir}.user-npmrc`;
  }

  /** Writes the project: its .npmrc, and a user npmrc holding the team registry's token (if any). */
  static async create(dir: string, registries: ConsumerRegistries, apiUrl: string): Promise<Consumer> {
    await mkdir(dir, { recursive: true });
    for (const [name, text] of Object.entries(files(apiUrl))) await writeFile(path.join(dir, name), text);
    await writeFile(path.join(dir, ".npmrc"), projectNpmrc(registries));
    const consumer = new Consumer(dir, registries);
    const team = registries.team;
    await writeFile(consumer.userconfig, team ? `${nerfDart(team.url)}:_authToken=${team.token}\n` : "", { mode: 0o600 });
    return consumer;
  }

  npm(args: readonly string[], userconfig: string = this.userconfig): Promise<Result> {
    const env = cleanEnv({ NPM_CONFIG_USERCONFIG: userconfig, npm_config_cache: path.join(path.dirname(this.dir), "npm-cache") });
    return execOk("npm", args, { cwd: this.dir, env, timeoutMs: NPM_TIMEOUT_MS });
  }

  node(args: readonly string[]): Promise<Result> {
    return execOk(process.execPath, args, { cwd: this.dir, env: cleanEnv(), timeoutMs: 30_000 });
  }

  /** Every package under node_modules/@seg, with its installed version. */
  async segPackages(): Promise<Record<string, string>> {
    const scope = path.join(this.dir, "node_modules", "@seg");
    const names = existsSync(scope) ? (await readdir(scope)).sort() : [];
    const found: Record<string, string> = {};
    for (const name of names) {
      const manifest = JSON.parse(await readFile(path.join(scope, name, "package.json"), "utf8")) as PackageJson;
      found[manifest.name] = manifest.version;
    }
    return found;
  }

  /** Where each package in package-lock.json came from, by its node_modules path. */
  async resolved(): Promise<Record<string, string>> {
    const lock = JSON.parse(await readFile(path.join(this.dir, "package-lock.json"), "utf8")) as { packages: Record<string, { resolved?: string; link?: boolean }> };
    return Object.fromEntries(
      Object.entries(lock.packages)
        .filter(([key, entry]) => key !== "" && entry.link !== true)
        .map(([key, entry]) => [key.replace(/^.*node_modules\//, ""), entry.resolved ?? "(no resolved URL)"]),
    );
  }

  /** Publishes a directory to the public stand-in, as anyone on the public registry could. */
  async publishPublicly(dir: string): Promise<void> {
    const publisher = `${this.dir}.publisher-npmrc`;
    await writeFile(publisher, `${nerfDart(this.registries.public.url)}:_authToken=${this.registries.public.token}\n`, { mode: 0o600 });
    const to = this.registries.public.url;
    // Both settings: from inside the project, its .npmrc routes @seg names to the team registry.
    await this.npm(["publish", dir, "--ignore-scripts", "--tag", "latest", `--registry=${to}`, `--@seg:registry=${to}`], publisher);
  }

  /**
   * Seeds the public stand-in with the third-party packages a seg package needs (openapi-fetch, …),
   * taken from the workspace's own installed copies: no registry here reaches the internet.
   */
  async seedThirdPartyDependencies(workspace: string, entry: string): Promise<string[]> {
    const seeded: string[] = [];
    const seen = new Set<string>();
    const visit = async (dir: string): Promise<void> => {
      const real = await realpath(dir);
      if (seen.has(real)) return;
      seen.add(real);
      const manifest = JSON.parse(await readFile(path.join(real, "package.json"), "utf8")) as PackageJson;
      for (const name of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies })) {
        await visit(findInstalled(real, name));
      }
      if (!manifest.name.startsWith("@seg/")) {
        // Published from a plain copy: pnpm's files are hard links into its store, which npm packs as
        // link entries, and the package would install with those files empty.
        const copy = path.join(path.dirname(this.dir), "seed", `${manifest.name}@${manifest.version}`);
        await cp(real, copy, { recursive: true });
        await this.publishPublicly(copy);
        seeded.push(`${manifest.name}@${manifest.version}`);
      }
    };
    await visit(path.join(workspace, entry));
    return seeded;
  }
}

/** Node's lookup: the nearest node_modules/<name> at or above `from`. */
function findInstalled(from: string, name: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`${name} is not installed above ${from}`);
  }
}
