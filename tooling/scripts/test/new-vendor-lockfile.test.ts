// `pnpm new-vendor` locks the new package from what is already locked, so its install asks no
// registry. Run on a copy of this workspace's own lockfile and manifests: the new importer is a
// sibling's, each dependent gains its link, every other byte stays, and pnpm itself, offline,
// finds the lockfile up to date with the manifests.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { lockNewVendor } from "../src/new-vendor/lockfile.ts";
import { packageJson } from "../src/new-vendor/render/manifest.ts";
import { repoRoot } from "../src/paths.ts";
import { vendorPackages } from "../src/reference/vendors.ts";
import { dependentManifests } from "../src/vendor-registry/manifests.ts";
import { cleanEnv, exec } from "./e2e/exec.ts";

const VENDOR = "fixturex";
let root: string;
let before: string;

type Lockfile = { importers: Record<string, Record<string, Record<string, { specifier: string; version: string }>>> };
const lockfile = async (): Promise<string> => readFile(path.join(root, "pnpm-lock.yaml"), "utf8");
const editJson = async (file: string, edit: (json: Record<string, Record<string, string>>) => void): Promise<void> => {
  const json = JSON.parse(await readFile(path.join(root, file), "utf8")) as Record<string, Record<string, string>>;
  edit(json);
  await writeFile(path.join(root, file), `${JSON.stringify(json, null, 2)}\n`);
};
/** The lines under an importer's key in a lockfile's text. */
const bodyLines = (text: string, importer: string): number => text.split(`\n  ${importer}:\n`)[1]!.split("\n\n")[0]!.split("\n").length;
/** pnpm's own verdict, without a registry or a store: is the lockfile up to date with every package.json? */
const pnpmAccepts = async (): Promise<{ code: number | null; output: string }> => {
  const result = await exec("pnpm", ["install", "--frozen-lockfile", "--lockfile-only", "--offline"], { cwd: root, env: cleanEnv(), timeoutMs: 120_000 });
  return { code: result.code, output: `${result.stdout}\n${result.stderr}` };
};

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "seg-new-vendor-lockfile-"));
  for (const file of ["package.json", "pnpm-workspace.yaml", "pnpm-lock.yaml"]) await cp(path.join(repoRoot, file), path.join(root, file));
  before = await lockfile();
  for (const importer of Object.keys((parse(before) as Lockfile).importers)) {
    await mkdir(path.join(root, importer), { recursive: true });
    await cp(path.join(repoRoot, importer, "package.json"), path.join(root, importer, "package.json"));
  }
  // The new package as the scaffold writes it, and the dependents as registering it leaves them.
  await mkdir(path.join(root, "packages", VENDOR), { recursive: true });
  await writeFile(path.join(root, "packages", VENDOR, "package.json"), packageJson({ vendor: VENDOR, title: "FixtureX" }));
  const vendors = [...(await vendorPackages(repoRoot)), { vendor: VENDOR, dir: `packages/${VENDOR}`, name: `@seg/${VENDOR}`, factory: "createFixtureXClient", spec: `specs/${VENDOR}.yaml` }];
  for (const [file, text] of Object.entries(await dependentManifests(root, vendors))) await writeFile(path.join(root, file), text);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("lockNewVendor", () => {
  it("locks the new package as a sibling is locked, links it from each dependent, and leaves every other byte", async () => {
    expect((await pnpmAccepts()).code, "the scaffold alone leaves the lockfile behind the manifests").not.toBe(0);

    const locked = await lockNewVendor(root, VENDOR);

    expect(locked?.like).toMatch(/^packages\/seg/);
    expect(locked?.linked.sort()).toEqual(["packages/sandbox", "packages/sdk", "tooling/adversarial"]);
    const after = await lockfile();
    const [old, now] = [parse(before) as Lockfile, parse(after) as Lockfile];
    expect(now.importers[`packages/${VENDOR}`]).toEqual(old.importers[locked!.like]);
    expect(now.importers["packages/sdk"]?.devDependencies?.[`@seg/${VENDOR}`]).toEqual({ specifier: "workspace:^", version: `link:../${VENDOR}` });
    expect(now.importers["tooling/adversarial"]?.devDependencies?.[`@seg/${VENDOR}`]).toEqual({ specifier: "workspace:^", version: `link:../../packages/${VENDOR}` });
    // Only lines were added: the old file's lines are all there, in order.
    const lines = after.split("\n");
    let at = 0;
    for (const line of before.split("\n")) {
      at = lines.indexOf(line, at) + 1;
      expect(at, `kept: ${line}`).toBeGreaterThan(0);
    }
    // …and the added ones are the sibling's entry (a blank line, its key, its body) and three per link.
    expect(lines.length - before.split("\n").length).toBe(2 + bodyLines(before, locked!.like) + 3 * locked!.linked.length);

    const verdict = await pnpmAccepts();
    expect(verdict.code, verdict.output).toBe(0);
  });

  it("writes nothing when the new package asks for a dependency no sibling does (pnpm resolves it)", async () => {
    await editJson(`packages/${VENDOR}/package.json`, (json) => {
      json.devDependencies!["left-pad"] = "1.3.0";
    });
    expect(await lockNewVendor(root, VENDOR)).toBeUndefined();
    expect(await lockfile()).toBe(before);
  });

  it("writes nothing when a dependent asks for the vendor other than through the workspace", async () => {
    await editJson("packages/sdk/package.json", (json) => {
      json.devDependencies![`@seg/${VENDOR}`] = "0.1.0";
    });
    expect(await lockNewVendor(root, VENDOR)).toBeUndefined();
    expect(await lockfile()).toBe(before);
  });

  it("does nothing for a package the lockfile already has", async () => {
    await lockNewVendor(root, VENDOR);
    const once = await lockfile();
    expect(await lockNewVendor(root, VENDOR)).toBeUndefined();
    expect(await lockfile()).toBe(once);
  });
});
