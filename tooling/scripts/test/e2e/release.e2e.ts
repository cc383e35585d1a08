// `pnpm test:release`: the release flow end to end, against a real registry.
//
// A copy of this workspace is released with the real `pnpm release` to a Verdaccio started here
// (127.0.0.1, no uplinks); a clean npm project installs @seg/segmetrics from it alone, loads it from
// ESM and CommonJS, type-checks against it under node16 and bundler resolution and calls a local
// server with it; then a changeset for @seg/segmetrics is versioned and released, and the project
// upgrades that package alone. The registry, the servers and every temporary directory are removed
// at the end, whatever happens.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/paths.ts";
import { publishedPackages } from "../../src/workspace.ts";
import { gitIdentity, type TempRepo } from "../fixtures/temp-repo.ts";
import { startApiStandIn, type ApiStandIn } from "./api-stand-in.ts";
import { Consumer } from "./consumer.ts";
import { cleanEnv, exec, execOk } from "./exec.ts";
import { startVerdaccio, type LocalRegistry } from "./verdaccio.ts";
import { copyWorkspace } from "./workspace-copy.ts";

const RELEASE_TIMEOUT_MS = 150_000;
const started = Date.now();

let work: string;
let workspace: TempRepo;
let registry: LocalRegistry | undefined;
let api: ApiStandIn | undefined;
let consumer: Consumer;

const step = (message: string): void => {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
};

/** The real release command, in the copy, pointed at the local registry by the environment alone. */
async function releaseToLocalRegistry(): Promise<string> {
  // (A git identity too: `changeset publish` tags each release with an annotated tag.)
  const env = cleanEnv({ SEG_REGISTRY_URL: registry!.url, SEG_REGISTRY_TOKEN: registry!.token, ...gitIdentity });
  // --skip-checks: `pnpm run ci` has run every check on this commit before this test.
  const { stdout, stderr } = await execOk("pnpm", ["release", "--skip-checks"], { cwd: workspace.root, env, timeoutMs: RELEASE_TIMEOUT_MS });
  // changesets lists what it published as lines of their own: "🦋  @seg/core@0.1.0".
  const published = `${stdout}\n${stderr}`.split("\n").flatMap((line) => /^\S*\s+(@seg\/[\w-]+@\d\S*)\s*$/.exec(line)?.[1] ?? []);
  return published.join("\n");
}

async function changesetVersion(): Promise<void> {
  await execOk("pnpm", ["exec", "changeset", "version"], { cwd: workspace.root, env: cleanEnv(), timeoutMs: 60_000 });
  await workspace.commit("Version packages");
}

async function localVersions(): Promise<Record<string, string>> {
  return Object.fromEntries((await publishedPackages(workspace.root)).map((p) => [p.manifest.name, p.manifest.version]));
}

async function registryVersions(name: string): Promise<string[]> {
  const response = await fetch(`${registry!.url}${name.replace("/", "%2f")}`, { headers: { authorization: `Bearer ${registry!.token}` } });
  if (response.status === 404) return [];
  const packument = (await response.json()) as { versions?: Record<string, unknown> };
  return Object.keys(packument.versions ?? {});
}

const table = (rows: string[][]): string => {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd()).join("\n");
};

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "seg-release-e2e-"));
  // Started side by side; each result is kept as it arrives, so afterAll stops whatever did start.
  const results = await Promise.allSettled([
    startVerdaccio(path.join(work, "registry")).then((r) => (registry = r)),
    startApiStandIn().then((s) => (api = s)),
    copyWorkspace(repoRoot, path.join(work, "seg")).then((w) => (workspace = w)),
  ]);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
  step(`registry ${registry!.url} (verdaccio pid ${registry!.pid}), API stand-in ${api!.url}, workspace copy ${workspace.root}`);
}, 180_000);

afterAll(async () => {
  await registry?.stop();
  await api?.close();
  await rm(work, { recursive: true, force: true });
  step(`stopped verdaccio (pid ${registry?.pid}) and the API stand-in, removed ${work}`);
});

describe("pnpm release", () => {
  it.each<[string, Record<string, string>, RegExp]>([
    ["no registry is configured", {}, /SEG_REGISTRY_URL is not set/],
    ["the registry is the public one", { SEG_REGISTRY_URL: "https://registry.npmjs.org/", SEG_REGISTRY_TOKEN: "x" }, /SEG_REGISTRY_URL points at the public npm registry/],
  ])("refuses to publish when %s", async (_name, extra, message) => {
    const result = await exec("pnpm", ["release"], { cwd: workspace.root, env: cleanEnv(extra), timeoutMs: 60_000 });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
  });

  it("publishes every public package to the private registry", async () => {
    // The release PR: the changesets waiting in the repository are versioned and committed.
    await changesetVersion();
    const versions = await localVersions();
    step(`versioned pending changesets; releasing ${Object.entries(versions).map(([n, v]) => `${n}@${v}`).join(", ")}`);
    const published = await releaseToLocalRegistry();
    step(`published:\n${published}`);
    for (const [name, version] of Object.entries(versions)) {
      expect(await registryVersions(name), name).toEqual([version]);
    }
    const tags = await workspace.git("tag", "--list");
    for (const [name, version] of Object.entries(versions)) expect(tags).toContain(`${name}@${version}`);
  }, RELEASE_TIMEOUT_MS);

  it("installs @seg/segmetrics alone into a clean project, from the private registry only", async () => {
    consumer = await Consumer.create(path.join(work, "consumer", "app"), registry!, api!.url);
    const seeded = await consumer.seedThirdPartyDependencies(workspace.root, "packages/segmetrics");
    step(`seeded the registry with @seg/segmetrics' third-party dependencies: ${seeded.join(", ")}`);
    await consumer.npm(["install", "@seg/segmetrics"]);
    const tree = (await consumer.npm(["ls", "--all"])).stdout;
    step(`consumer's installed tree (npm ls --all):\n${tree}`);

    const installed = await consumer.segPackages();
    expect(Object.keys(installed)).toEqual(["@seg/core", "@seg/segmetrics"]);
    for (const other of ["@seg/segmint", "@seg/segmenter", "@seg/segmenthub", "@seg/sdk", "@seg/sandbox"]) expect(tree).not.toContain(other);
    // Everything came from the local registry, nothing from anywhere else.
    const urls = await consumer.resolvedUrls();
    expect(urls.length).toBeGreaterThan(2);
    for (const url of urls) expect(url.startsWith(registry!.url), url).toBe(true);
  }, 120_000);

  it("loads through import and require, and its calls reach a local server", async () => {
    const version = (await consumer.segPackages())["@seg/segmetrics"]!;
    const esm = JSON.parse((await consumer.node(["esm.mjs"])).stdout) as { resolved: string; status: number };
    const cjs = JSON.parse((await consumer.node(["cjs.cjs"])).stdout) as { resolved: string; status: number };
    step(`import  → ${esm.resolved}\nrequire → ${cjs.resolved}\nAPI stand-in received:\n${api!.requests.map((r) => `  ${r.method} ${r.url} (${r.userAgent})`).join("\n")}`);
    expect(esm).toEqual({ resolved: expect.stringMatching(/node_modules\/@seg\/segmetrics\/dist\/index\.js$/) as unknown, status: 200 });
    expect(cjs).toEqual({ resolved: expect.stringMatching(/node_modules\/@seg\/segmetrics\/dist\/index\.cjs$/) as unknown, status: 200 });
    expect(api!.requests).toEqual([
      expect.objectContaining({ method: "POST", url: "/esm/acct/intg/contact", authorization: "e2e-key", userAgent: expect.stringContaining(`@seg/segmetrics/${version}`) as unknown }),
      expect.objectContaining({ method: "POST", url: "/cjs/acct/intg/contact", authorization: "e2e-key", userAgent: expect.stringContaining(`@seg/segmetrics/${version}`) as unknown }),
    ]);
  });

  it.each(["node16", "bundler"])("type-checks a consumer under moduleResolution %s", async (resolution) => {
    const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
    await consumer.node([tsc, "-p", `tsconfig.${resolution}.json`]);
  }, 60_000);

  it("upgrades @seg/segmetrics alone after a changeset for it", async () => {
    const before = await consumer.segPackages();
    const versionsBefore = await localVersions();
    await writeFile(
      path.join(workspace.root, ".changeset", "e2e-segmetrics-patch.md"),
      '---\n"@seg/segmetrics": patch\n---\n\nEnd-to-end release test: a patch release of @seg/segmetrics alone.\n',
    );
    await workspace.commit("Add a changeset for @seg/segmetrics");
    await changesetVersion();
    const versionsAfter = await localVersions();
    const bumped = Object.keys(versionsAfter).filter((name) => versionsAfter[name] !== versionsBefore[name]);
    step(`changeset version bumped: ${bumped.map((n) => `${n} ${versionsBefore[n]} → ${versionsAfter[n]}`).join(", ")}`);
    expect(bumped).toEqual(["@seg/segmetrics"]);
    const changelog = await readFile(path.join(workspace.root, "packages", "segmetrics", "CHANGELOG.md"), "utf8");
    expect(changelog).toContain(`## ${versionsAfter["@seg/segmetrics"]}`);
    expect(changelog).toContain("a patch release of @seg/segmetrics alone");

    const published = await releaseToLocalRegistry();
    step(`republished:\n${published}`);
    expect(published).toContain(`@seg/segmetrics@${versionsAfter["@seg/segmetrics"]}`);
    expect(published.split("\n")).toHaveLength(1);

    await consumer.npm(["install", "@seg/segmetrics@latest"]);
    const after = await consumer.segPackages();
    const rows = [["package", "before", "after"], ...Object.keys({ ...before, ...after }).map((n) => [n, before[n] ?? "-", after[n] ?? "-"])];
    step(`consumer's @seg packages, before and after \`npm install @seg/segmetrics@latest\`:\n${table(rows)}\n\n${(await consumer.npm(["ls", "--all"])).stdout}`);
    expect(after).toEqual({ ...before, "@seg/segmetrics": versionsAfter["@seg/segmetrics"] });

    const esm = JSON.parse((await consumer.node(["esm.mjs"])).stdout) as { status: number };
    expect(esm.status).toBe(200);
    expect(api!.requests.at(-1)?.userAgent).toContain(`@seg/segmetrics/${versionsAfter["@seg/segmetrics"]}`);
    step(`after the upgrade the API stand-in sees: ${api!.requests.at(-1)?.userAgent}`);
  }, RELEASE_TIMEOUT_MS);

  it("runs the facade with only @seg/segmetrics installed beside it", async () => {
    await consumer.npm(["install", "@seg/sdk"]);
    const tree = (await consumer.npm(["ls", "--all"])).stdout;
    step(`with the facade (npm ls --all):\n${tree}`);
    expect(Object.keys(await consumer.segPackages())).toEqual(["@seg/core", "@seg/sdk", "@seg/segmetrics"]);
    // npm lists the optional peers it did not install as "UNMET OPTIONAL DEPENDENCY": that is the point.
    const installedTree = tree.split("\n").filter((line) => !line.includes("UNMET OPTIONAL DEPENDENCY")).join("\n");
    for (const other of ["@seg/segmint", "@seg/segmenter", "@seg/segmenthub", "@seg/sandbox"]) expect(installedTree).not.toContain(other);
    const outcomes = JSON.parse((await consumer.node(["facade.mjs"])).stdout) as Record<string, string>;
    expect(outcomes).toEqual({ segmetrics: "ok" });
    expect(api!.requests.at(-1)).toEqual(expect.objectContaining({ method: "POST", url: "/facade/acct/intg/contact" }));
  }, 120_000);
});
