// `pnpm test:release`: the release flow end to end, against real registries.
//
// Two Verdaccio registries run on 127.0.0.1 with no uplinks: the team's (htpasswd, every read and
// write authenticated) and a public stand-in (anyone reads; it holds openapi-fetch and friends, and a
// look-alike @seg/core an attacker published). A copy of this workspace is released with the real
// `pnpm release`: first with a token, then a patch with Basic `_auth`, then a snapshot under `next`
// with a username and password. Every tarball the team's registry serves is checked complete. A clean
// npm project routes @seg to the team's registry (REGISTRIES.md), installs @seg/segmetrics
// alone, loads it from ESM and CommonJS, type-checks against it, calls a local server, upgrades it,
// adds the facade; another installs the snapshot as @next; a third installs `pnpm pack:local`
// tarballs with no @seg registry at all. Registries, servers and temporary directories are removed
// at the end, whatever happens.
import { readdir, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { x as extract } from "tar";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../../src/paths.ts";
import { sourceRepository } from "../../src/repository.ts";
import { tarballProblems } from "../../src/tarball-check.ts";
import { publishedPackages, readJson, type PackageJson } from "../../src/workspace.ts";
import { gitIdentity, type TempRepo } from "../fixtures/temp-repo.ts";
import { startApiStandIn, type ApiStandIn } from "./api-stand-in.ts";
import { Consumer, projectNpmrc } from "./consumer.ts";
import { cleanEnv, exec, execOk } from "./exec.ts";
import { startVerdaccio, type LocalRegistry } from "./verdaccio.ts";
import { copyWorkspace } from "./workspace-copy.ts";

const RELEASE_TIMEOUT_MS = 150_000;
/** The repository the copy is released from (set once, in its root package.json). */
const REPOSITORY = "git+https://github.com/seg-release-e2e/seg.git";
const started = Date.now();

let work: string;
let workspace: TempRepo;
let registry: LocalRegistry | undefined;
let publicRegistry: LocalRegistry | undefined;
let api: ApiStandIn | undefined;
let consumer: Consumer;
/** The commit of the first release, which its tarballs' links point at. */
let releasedCommit: string;

const step = (message: string): void => {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
};

const credentials = {
  token: () => ({ SEG_REGISTRY_TOKEN: registry!.token }),
  basic: () => ({ SEG_REGISTRY_AUTH: Buffer.from(`${registry!.user}:${registry!.password}`).toString("base64") }),
  password: () => ({ SEG_REGISTRY_USERNAME: registry!.user, SEG_REGISTRY_PASSWORD: registry!.password }),
};

/** The real release command, in the copy, pointed at the team's registry by the environment alone. */
async function releaseToLocalRegistry(auth: Record<string, string>, args: string[] = []): Promise<string[]> {
  // (A git identity too: each published version is tagged with an annotated tag.)
  const env = cleanEnv({ SEG_REGISTRY_URL: registry!.url, ...auth, ...gitIdentity });
  // --skip-checks: `pnpm run ci` has run every check on this commit before this test.
  const { stdout } = await execOk("pnpm", ["release", "--skip-checks", ...args], { cwd: workspace.root, env, timeoutMs: RELEASE_TIMEOUT_MS });
  return stdout.split("\n").flatMap((line) => /^published (@seg\/\S+@\S+) \(dist-tag \S+\)$/.exec(line)?.[1] ?? []);
}

async function changesetVersion(args: string[] = []): Promise<void> {
  await execOk("pnpm", ["exec", "changeset", "version", ...args], { cwd: workspace.root, env: cleanEnv(), timeoutMs: 60_000 });
}

async function localVersions(): Promise<Record<string, string>> {
  return Object.fromEntries((await publishedPackages(workspace.root)).map((p) => [p.manifest.name, p.manifest.version]));
}

/** Every published package but `installed`: what a project that installed only those must not contain. */
async function publishedExcept(...installed: string[]): Promise<string[]> {
  return Object.keys(await localVersions()).filter((name) => !installed.includes(name));
}

interface Packument {
  "dist-tags": Record<string, string>;
  versions: Record<string, { dist: { tarball: string } }>;
}

async function packument(name: string, from: LocalRegistry = registry!): Promise<Packument | undefined> {
  const response = await fetch(`${from.url}${name.replace("/", "%2f")}`, { headers: { authorization: `Bearer ${from.token}` } });
  if (response.status === 404) return undefined;
  return (await response.json()) as Packument;
}

/** Downloads a version's tarball from the team's registry and unpacks it; returns the package directory. */
async function unpackPublished(name: string, version: string): Promise<string> {
  const url = (await packument(name))!.versions[version]!.dist.tarball;
  const response = await fetch(url, { headers: { authorization: `Bearer ${registry!.token}` } });
  const dir = path.join(work, "tarballs", `${name}@${version}`.replace("/", "+"));
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, "package.tgz"), Buffer.from(await response.arrayBuffer()));
  await extract({ file: path.join(dir, "package.tgz"), cwd: dir });
  return path.join(dir, "package");
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
    startVerdaccio(path.join(work, "public-registry"), { publicRead: true }).then((r) => (publicRegistry = r)),
    startApiStandIn().then((s) => (api = s)),
    copyWorkspace(repoRoot, path.join(work, "seg"), async (root) => {
      // The one place a team names its repository.
      const manifest = await readJson<PackageJson>(path.join(root, "package.json"));
      await writeFile(path.join(root, "package.json"), `${JSON.stringify({ ...manifest, repository: { type: "git", url: REPOSITORY } }, null, 2)}\n`);
    }).then((w) => (workspace = w)),
  ]);
  const failed = results.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
  step(`team registry ${registry!.url} (verdaccio pid ${registry!.pid}), public stand-in ${publicRegistry!.url} (pid ${publicRegistry!.pid}), API stand-in ${api!.url}, workspace copy ${workspace.root}`);
}, 180_000);

afterAll(async () => {
  await registry?.stop();
  await publicRegistry?.stop();
  await api?.close();
  await rm(work, { recursive: true, force: true });
  step(`stopped both registries (pids ${registry?.pid}, ${publicRegistry?.pid}) and the API stand-in, removed ${work}`);
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

  it("refuses a configuration where @seg could resolve from the public registry", async () => {
    await writeFile(path.join(workspace.root, ".npmrc"), "@seg:registry=https://registry.npmjs.org/\n");
    try {
      const result = await exec("pnpm", ["release"], { cwd: workspace.root, env: cleanEnv({ SEG_REGISTRY_URL: registry!.url, ...credentials.token() }), timeoutMs: 60_000 });
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/an @seg package could resolve from a registry other than yours:\n {2}- \.npmrc routes @seg to the public registry/);
    } finally {
      await rm(path.join(workspace.root, ".npmrc"));
    }
  });

  it("publishes every public package to the team's registry, with a token", async () => {
    // The release PR: the changesets waiting in the repository are versioned and committed.
    await changesetVersion();
    await workspace.commit("Version packages");
    releasedCommit = (await workspace.git("rev-parse", "HEAD")).trim();
    const versions = await localVersions();
    step(`versioned pending changesets; releasing ${Object.entries(versions).map(([n, v]) => `${n}@${v}`).join(", ")}`);
    const published = await releaseToLocalRegistry(credentials.token());
    step(`published with SEG_REGISTRY_TOKEN:\n${published.join("\n")}`);
    expect(published.sort()).toEqual(Object.entries(versions).map(([n, v]) => `${n}@${v}`).sort());
    for (const [name, version] of Object.entries(versions)) {
      expect(Object.keys((await packument(name))?.versions ?? {}), name).toEqual([version]);
    }
    const tags = await workspace.git("tag", "--list");
    for (const [name, version] of Object.entries(versions)) expect(tags).toContain(`${name}@${version}`);
  }, RELEASE_TIMEOUT_MS);

  it("serves complete tarballs: LICENSE, CHANGELOG, README links that work on a registry page, the repository", async () => {
    const repository = sourceRepository(await readJson<PackageJson>(path.join(workspace.root, "package.json")), releasedCommit);
    const license = await readFile(path.join(repoRoot, "LICENSE"), "utf8");
    const rows = [["package", "entries", "absolute README links", "problems"]];
    const packages = await publishedPackages(workspace.root);
    for (const pkg of packages) {
      const dir = await unpackPublished(pkg.manifest.name, pkg.manifest.version);
      const problems = await tarballProblems(dir, { source: pkg.dir, repository, license });
      const readme = await readFile(path.join(dir, "README.md"), "utf8");
      const links = readme.match(new RegExp(`${repository.web}/tree/${releasedCommit}/`, "g"))?.length ?? 0;
      rows.push([`${pkg.manifest.name}@${pkg.manifest.version}`, String((await readdir(dir, { recursive: true })).length), String(links), String(problems.length)]);
      expect(problems, pkg.manifest.name).toEqual([]);
      expect(await readFile(path.join(dir, "LICENSE"), "utf8")).toBe(license);
    }
    step(`tarballs as the team's registry serves them (repository ${repository.web}, commit ${releasedCommit.slice(0, 12)}):\n${table(rows)}`);
    expect(rows).toHaveLength(packages.length + 1);
  });

  it("installs @seg/segmetrics alone into a clean project: @seg from the team's registry, the rest from the public one", async () => {
    consumer = await Consumer.create(path.join(work, "consumer", "app"), { team: registry!, public: publicRegistry! }, api!.url);
    const seeded = await consumer.seedThirdPartyDependencies(workspace.root, "packages/segmetrics");
    // Dependency confusion: a stranger publishes a higher @seg/core in range on the public registry.
    const versions = await localVersions();
    const [major, minor] = versions["@seg/core"]!.split(".");
    const lookalike = `${major}.${minor}.999`;
    const impostor = path.join(work, "impostor");
    await mkdir(impostor, { recursive: true });
    await writeFile(path.join(impostor, "package.json"), JSON.stringify({ name: "@seg/core", version: lookalike, main: "index.js" }));
    await writeFile(path.join(impostor, "index.js"), 'throw new Error("dependency confusion: this @seg/core came from the public registry");\n');
    await consumer.publishPublicly(impostor);
    step(`public stand-in holds ${seeded.join(", ")} and an impostor @seg/core@${lookalike}`);

    await consumer.npm(["install", "@seg/segmetrics"]);
    const tree = (await consumer.npm(["ls", "--all"])).stdout;
    step(`consumer's project .npmrc:\n${projectNpmrc({ team: registry!, public: publicRegistry! })}\nuser npmrc: ${registry!.url.replace(/^https?:/, "")}:_authToken=<token>\n\ninstalled tree (npm ls --all):\n${tree}`);

    expect(await consumer.segPackages()).toEqual({ "@seg/core": versions["@seg/core"], "@seg/segmetrics": versions["@seg/segmetrics"] });
    for (const other of await publishedExcept("@seg/core", "@seg/segmetrics")) expect(tree).not.toContain(other);
    const resolved = await consumer.resolved();
    step(`where each package came from:\n${table(Object.entries(resolved).map(([name, url]) => [name, url]))}`);
    expect(Object.keys(resolved).length).toBeGreaterThan(2);
    for (const [name, url] of Object.entries(resolved)) {
      expect(url.startsWith(name.startsWith("@seg/") ? registry!.url : publicRegistry!.url), `${name} from ${url}`).toBe(true);
    }
    // The routing is what kept the impostor out: the public registry would have served it.
    expect((await packument("@seg/core", publicRegistry))?.["dist-tags"].latest).toBe(lookalike);
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

  it.each(["node10", "node16", "bundler"])("type-checks a consumer under moduleResolution %s", async (resolution) => {
    const tsc = path.join(repoRoot, "node_modules", "typescript", "bin", "tsc");
    await consumer.node([tsc, "-p", `tsconfig.${resolution}.json`]);
  }, 60_000);

  it("upgrades @seg/segmetrics alone after a changeset for it, released with Basic _auth", async () => {
    const before = await consumer.segPackages();
    const versionsBefore = await localVersions();
    await writeFile(
      path.join(workspace.root, ".changeset", "e2e-segmetrics-patch.md"),
      '---\n"@seg/segmetrics": patch\n---\n\nEnd-to-end release test: a patch release of @seg/segmetrics alone.\n',
    );
    await workspace.commit("Add a changeset for @seg/segmetrics");
    await changesetVersion();
    await workspace.commit("Version packages");
    const versionsAfter = await localVersions();
    const bumped = Object.keys(versionsAfter).filter((name) => versionsAfter[name] !== versionsBefore[name]);
    step(`changeset version bumped: ${bumped.map((n) => `${n} ${versionsBefore[n]} → ${versionsAfter[n]}`).join(", ")}`);
    expect(bumped).toEqual(["@seg/segmetrics"]);
    const changelog = await readFile(path.join(workspace.root, "packages", "segmetrics", "CHANGELOG.md"), "utf8");
    expect(changelog).toContain(`## ${versionsAfter["@seg/segmetrics"]}`);
    expect(changelog).toContain("a patch release of @seg/segmetrics alone");

    const published = await releaseToLocalRegistry(credentials.basic());
    step(`republished with SEG_REGISTRY_AUTH (Basic): ${published.join(", ")}`);
    expect(published).toEqual([`@seg/segmetrics@${versionsAfter["@seg/segmetrics"]}`]);

    await consumer.npm(["install", "@seg/segmetrics@latest"]);
    const after = await consumer.segPackages();
    const rows = [["package", "before", "after"], ...Object.keys({ ...before, ...after }).map((n) => [n, before[n] ?? "-", after[n] ?? "-"])];
    step(`consumer's @seg packages, before and after \`npm install @seg/segmetrics@latest\`:\n${table(rows)}`);
    expect(after).toEqual({ ...before, "@seg/segmetrics": versionsAfter["@seg/segmetrics"] });

    const esm = JSON.parse((await consumer.node(["esm.mjs"])).stdout) as { status: number };
    expect(esm.status).toBe(200);
    expect(api!.requests.at(-1)?.userAgent).toContain(`@seg/segmetrics/${versionsAfter["@seg/segmetrics"]}`);
  }, RELEASE_TIMEOUT_MS);

  it("runs the facade with only @seg/segmetrics installed beside it", async () => {
    await consumer.npm(["install", "@seg/sdk"]);
    const tree = (await consumer.npm(["ls", "--all"])).stdout;
    step(`with the facade (npm ls --all):\n${tree}`);
    expect(Object.keys(await consumer.segPackages())).toEqual(["@seg/core", "@seg/sdk", "@seg/segmetrics"]);
    // npm lists the optional peers it did not install as "UNMET OPTIONAL DEPENDENCY": that is the point.
    const installedTree = tree.split("\n").filter((line) => !line.includes("UNMET OPTIONAL DEPENDENCY")).join("\n");
    for (const other of await publishedExcept("@seg/core", "@seg/sdk", "@seg/segmetrics")) expect(installedTree).not.toContain(other);
    const outcomes = JSON.parse((await consumer.node(["facade.mjs"])).stdout) as Record<string, string>;
    expect(outcomes).toEqual({ segmetrics: "ok" });
    expect(api!.requests.at(-1)).toEqual(expect.objectContaining({ method: "POST", url: "/facade/acct/intg/contact" }));
  }, 120_000);

  it("publishes a snapshot under the next dist-tag with a username and password, installed as @next", async () => {
    const latest = (await localVersions())["@seg/segmetrics"]!;
    const tagsBefore = await workspace.git("tag", "--list");
    await writeFile(path.join(workspace.root, ".changeset", "e2e-snapshot.md"), '---\n"@seg/segmetrics": patch\n---\n\nEnd-to-end release test: a snapshot.\n');
    try {
      // As CONTRIBUTING.md says: version as a snapshot (never committed), publish under `next`.
      await changesetVersion(["--snapshot", "next"]);
      const snapshot = (await localVersions())["@seg/segmetrics"]!;
      expect(snapshot).toMatch(new RegExp(`^\\d+\\.\\d+\\.\\d+-next-\\d{14}$`));
      const published = await releaseToLocalRegistry(credentials.password(), ["--tag", "next"]);
      step(`published with SEG_REGISTRY_USERNAME/SEG_REGISTRY_PASSWORD under "next": ${published.join(", ")}`);
      expect(published).toContain(`@seg/segmetrics@${snapshot}`);
      expect((await packument("@seg/segmetrics"))?.["dist-tags"]).toEqual({ latest, next: snapshot });
      expect(await workspace.git("tag", "--list")).toBe(tagsBefore);

      const trying = await Consumer.create(path.join(work, "consumer", "snapshot"), { team: registry!, public: publicRegistry! }, api!.url);
      await trying.npm(["install", "@seg/segmetrics@next"]);
      expect((await trying.segPackages())["@seg/segmetrics"]).toBe(snapshot);
      expect(JSON.parse((await trying.node(["esm.mjs"])).stdout)).toMatchObject({ status: 200 });
      step(`\`npm install @seg/segmetrics@next\` installed ${snapshot}; \`latest\` is still ${latest}`);
    } finally {
      // A snapshot's versions are never committed.
      await workspace.git("checkout", "--", ".");
      await workspace.git("clean", "-fdq");
    }
  }, RELEASE_TIMEOUT_MS);

  it("packs @seg/segmetrics with @seg/core for a local install that never asks a registry for @seg", async () => {
    const out = path.join(work, "packs");
    const versions = await localVersions();
    await execOk("pnpm", ["pack:local", "@seg/segmetrics", "--out", out], { cwd: workspace.root, env: cleanEnv(), timeoutMs: 120_000 });
    const tarballs = (await readdir(out)).sort();
    expect(tarballs).toEqual([`seg-core-${versions["@seg/core"]}.tgz`, `seg-segmetrics-${versions["@seg/segmetrics"]}.tgz`]);
    // No @seg routing at all, and the public registry holds the impostor @seg/core.
    const local = await Consumer.create(path.join(work, "consumer", "local"), { public: publicRegistry! }, api!.url);
    await local.npm(["install", ...tarballs.map((t) => path.join(out, t))]);
    expect(await local.segPackages()).toEqual({ "@seg/core": versions["@seg/core"], "@seg/segmetrics": versions["@seg/segmetrics"] });
    const resolved = await local.resolved();
    for (const name of ["@seg/core", "@seg/segmetrics"]) expect(resolved[name]).toMatch(/^file:/);
    expect(JSON.parse((await local.node(["esm.mjs"])).stdout)).toMatchObject({ status: 200 });
    step(`pnpm pack:local @seg/segmetrics → ${tarballs.join(", ")}; installed with no @seg registry:\n${(await local.npm(["ls", "--all"])).stdout}`);
  }, 120_000);
});
