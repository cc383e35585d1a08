// Issue 15's "done means": in a scratch copy of this repository (its working tree as a clean clone
// would have it once committed), `pnpm new-vendor` scaffolds a vendor from the fixture spec (a
// standard header-key scheme), and then, with no edit in between, the new package builds,
// type-checks, lints and tests (the shared conformance matrix included), the sandbox's tests pass,
// the generated code, reference, API reports and vendor lists are fresh, and the vendor appears in
// every list that names vendors. Every command in the copy runs offline with an empty metadata
// cache, so nothing is resolved from a registry: the copy links its dependencies from the pnpm store
// this checkout's install filled, and `pnpm new-vendor` must lock the new package from what is
// already locked. It keeps this checkout's turbo cache (a copy), so unchanged packages are not rebuilt.
import { existsSync, readdirSync } from "node:fs";
import { cp, mkdir, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { stripVTControlCharacters } from "node:util";
import path from "node:path";
import { specVendors } from "@seg/spec";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { git } from "../../src/git.ts";
import { repoRoot } from "../../src/paths.ts";
import { vendorPackages } from "../../src/reference/vendors.ts";
import { publishedPackages } from "../../src/workspace.ts";
import { cleanEnv, exec, type Result } from "../e2e/exec.ts";
import { gitIdentity } from "../fixtures/temp-repo.ts";

const VENDOR = "fixturemail";
/** A second vendor, scaffolded after the first: a bearer token, two hosts and two environments. */
const SECOND = "fixturepay";
/**
 * A third: HTTP Basic, and the shapes an unseen spec holds (path-level and referenced parameters,
 * a header parameter, a form body, a 204 and a 202 without a body, a CSV answer, `security: []`).
 */
const THIRD = "fixturecrm";
const FIXTURES = "tooling/scripts/test/fixtures/new-vendor";
const STEP_MS = 240_000;
let env: NodeJS.ProcessEnv;
let copy: string;
/** pnpm's cache of registry metadata for the copy: empty, and it stays empty. */
let metadata: string;
let scaffolded: Result;
let scaffoldedSecond: Result;
let scaffoldedThird: Result;
let statusBefore: string;

const inCopy = (file: string): string => path.join(copy, file);
const run = (command: string, ...args: string[]): Promise<Result> => exec(command, args, { cwd: copy, env, timeoutMs: STEP_MS });
const json = async <T>(file: string): Promise<T> => JSON.parse(await readFile(inCopy(file), "utf8")) as T;
const passes = (result: Result): void => {
  expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
};

beforeAll(async () => {
  statusBefore = await git(repoRoot, ["status", "--porcelain"]);
  copy = await mkdtemp(path.join(tmpdir(), "seg-new-vendor-"));
  metadata = await mkdtemp(path.join(tmpdir(), "seg-new-vendor-metadata-"));
  env = cleanEnv({
    ...gitIdentity,
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    npm_config_offline: "true",
    npm_config_cache_dir: metadata,
  });
  const files = (await git(repoRoot, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"])).split("\0");
  for (const file of new Set(files.filter((f) => f !== "" && existsSync(path.join(repoRoot, f))))) {
    await mkdir(path.dirname(inCopy(file)), { recursive: true });
    await cp(path.join(repoRoot, file), inCopy(file));
  }
  if (existsSync(path.join(repoRoot, ".turbo", "cache"))) await cp(path.join(repoRoot, ".turbo", "cache"), inCopy(".turbo/cache"), { recursive: true });
  passes(await run("git", "init", "-q", "-b", "main"));
  passes(await run("git", "add", "-A"));
  passes(await run("git", "commit", "-q", "-m", "Snapshot of the seg working tree"));
  passes(await run("pnpm", "install", "--frozen-lockfile", "--offline"));
  scaffolded = await run("pnpm", "new-vendor", VENDOR, "--spec", `${FIXTURES}/${VENDOR}.yaml`);
  scaffoldedSecond = await run("pnpm", "new-vendor", SECOND, "--spec", `${FIXTURES}/${SECOND}.yaml`);
  scaffoldedThird = await run("pnpm", "new-vendor", THIRD, "--spec", `${FIXTURES}/${THIRD}.yaml`);
}, 600_000);

afterAll(async () => {
  for (const dir of [copy, metadata]) if (dir) await rm(dir, { recursive: true, force: true });
  // The real checkout was only read.
  expect(await git(repoRoot, ["status", "--porcelain"])).toBe(statusBefore);
});

describe(`pnpm new-vendor ${VENDOR} in a scratch copy`, () => {
  it("scaffolds the vendor and says what is left to write by hand", () => {
    passes(scaffolded);
    expect(scaffolded.stdout).toContain(`new-vendor: done. @seg/${VENDOR} builds, type-checks, lints and tests as it is`);
    for (const file of ["src/client.ts", "src/adapter.ts", "src/generated/operations.ts", "test/conformance.test.ts", "API.md", "api/index.api.md", "api/adapter.api.md"]) {
      expect(existsSync(inCopy(`packages/${VENDOR}/${file}`)), file).toBe(true);
    }
    expect(existsSync(inCopy(`.changeset/${VENDOR}-first-release.md`))).toBe(true);
    // Locked from a sibling's entry: nothing was resolved, so no registry was asked.
    expect(scaffolded.stdout).toMatch(new RegExp(`locked @seg/${VENDOR} as packages/\\S+ is locked, .*: pnpm install needs no registry`));
    expect(readdirSync(metadata).filter((entry) => entry.startsWith("metadata"))).toEqual([]);
  });

  it("builds, type-checks, lints and tests the new package with no edit, the conformance test included", async () => {
    const result = await run("pnpm", "turbo", "run", "build", "typecheck", "lint", "test", `--filter=@seg/${VENDOR}`, "--concurrency=2", "--output-logs=full");
    passes(result);
    expect(result.stdout).toMatch(/test\/conformance\.test\.ts/);
    expect(result.stdout).toMatch(/test\/types\.test-d\.ts/);
  });

  it(`scaffolds ${SECOND} (bearer token, two hosts, two environments) and ${THIRD} (Basic, an unseen spec's shapes) beside it, which build, type-check, lint and test too`, async () => {
    passes(scaffoldedSecond);
    passes(scaffoldedThird);
    const client = await readFile(inCopy(`packages/${SECOND}/src/client.ts`), "utf8");
    expect(client).toContain('headerKeyAuth({ header: "Authorization", prefix: "Bearer ", key: token, field: "token" })');
    expect(client).toContain("baseUrls?: Partial<Record<FixturePayHost, string>>;");
    expect(client).toContain("environment?: FixturePayEnvironment;");
    expect(await readFile(inCopy(`packages/${THIRD}/src/client.ts`), "utf8")).toContain("auth: basicAuth(username, password),");
    // The form and the merge-patch body are sent as such without the caller naming their content types.
    expect(await readFile(inCopy(`packages/${THIRD}/src/generated/operations.ts`), "utf8")).toMatch(/"operationId": "addNote",[^}]*"contentType": "application\/x-www-form-urlencoded"/);
    expect(await readFile(inCopy(`packages/${THIRD}/src/generated/operations.ts`), "utf8")).toMatch(/"operationId": "contacts-patch",[^}]*"contentType": "application\/merge-patch\+json"/);
    // `contact-state` is no TypeScript identifier: it is exported as ContactState.
    expect(await readFile(inCopy(`packages/${THIRD}/src/generated/schemas.ts`), "utf8")).toContain("  ContactState,\n");
    const result = await run("pnpm", "turbo", "run", "build", "typecheck", "lint", "test", `--filter=@seg/${SECOND}`, `--filter=@seg/${THIRD}`, "--concurrency=2", "--output-logs=full");
    passes(result);
    for (const vendor of [SECOND, THIRD]) expect(result.stdout).toMatch(new RegExp(`@seg/${vendor}:test:.*test/conformance\\.test\\.ts`));
  });

  it("passes the sandbox's tests, its contract test over the new vendors included", async () => {
    const result = await run("pnpm", "--filter", "@seg/sandbox", "exec", "vitest", "run", "--reporter=verbose");
    passes(result);
    expect(await readFile(inCopy("packages/sandbox/src/generated/specs.ts"), "utf8")).toContain(VENDOR);
    const report = stripVTControlCharacters(result.stdout);
    expect(report).toMatch(new RegExp(`contract\\.test\\.ts > ${VENDOR} > accepts the credentials of clientOptions`));
    expect(report).toMatch(new RegExp(`contract\\.test\\.ts > ${VENDOR} > answers every operation without a stateful handler`));
    expect(report).toMatch(new RegExp(`contract\\.test\\.ts > ${SECOND} > accepts the credentials of clientOptions`));
    expect(report).toMatch(new RegExp(`contract\\.test\\.ts > ${THIRD} > answers every operation without a stateful handler`));
  });

  it("keeps generated code, reference, vendor lists, specs, package.json files and API reports fresh", async () => {
    passes(await run("pnpm", "check:generated"));
    passes(await run("pnpm", "lint:repo"));
    passes(await run("pnpm", "lint:specs"));
    passes(await run("pnpm", "turbo", "run", "build", "--concurrency=2", "--output-logs=errors-only"));
    passes(await run("pnpm", "check:api"));
  });

  it("appears in every list that names vendors", async () => {
    const name = `@seg/${VENDOR}`;
    expect(specVendors(copy)).toContain(VENDOR);
    expect((await vendorPackages(copy)).map((pkg) => pkg.name)).toContain(name);
    expect((await publishedPackages(copy)).map((pkg) => pkg.manifest.name)).toContain(name); // the release e2e's lists
    const sdk = await json<Record<string, Record<string, unknown>>>("packages/sdk/package.json");
    expect(sdk.peerDependencies?.[name]).toBe("0.x");
    expect(sdk.peerDependenciesMeta?.[name]).toEqual({ optional: true });
    expect(sdk.devDependencies?.[name]).toBe("workspace:^");
    for (const dependent of ["packages/sandbox", "tooling/adversarial"]) {
      expect((await json<{ devDependencies: Record<string, string> }>(`${dependent}/package.json`)).devDependencies[name], dependent).toBe("workspace:^");
    }
    const redocly = parse(await readFile(inCopy("redocly.yaml"), "utf8")) as { apis: Record<string, { root: string }> };
    expect(redocly.apis[VENDOR]).toEqual({ root: `specs/${VENDOR}.yaml` });
    expect(await readFile(inCopy("README.md"), "utf8")).toContain(`| [\`${name}\`](packages/${VENDOR}) | Typed client for the FixtureMail API |`);
    expect(await readFile(inCopy(`.changeset/${VENDOR}-first-release.md`), "utf8")).toMatch(new RegExp(`^---\\n"@seg/${VENDOR}": minor\\n`));
    // The adversarial suite derives a client and a credential slot for it.
    passes(await run("pnpm", "--filter", "@seg/adversarial", "exec", "vitest", "run", "test/vendors.test.ts"));
  });
});
