// check-changesets against real git history: a temporary repository shaped like this workspace,
// released once (every version bumped in one commit, as `changeset version` does), then edited.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { checkChangesets } from "../src/check-changesets.ts";
import { TempRepo } from "./fixtures/temp-repo.ts";

let repo: TempRepo;
const output = (): string =>
  [...vi.mocked(console.log).mock.calls, ...vi.mocked(console.error).mock.calls].map((call) => call.join(" ")).join("\n");

const manifest = (name: string, version: string, extra: Record<string, unknown> = {}) => ({
  name,
  version,
  type: "module",
  publishConfig: { access: "restricted" },
  ...extra,
});
const core = (version: string) => manifest("@seg/core", version, { dependencies: { "openapi-fetch": "catalog:" } });
const vendor = (name: string, version: string, extra: Record<string, unknown> = {}) =>
  manifest(`@seg/${name}`, version, { dependencies: { "@seg/core": "workspace:^" }, devDependencies: { vitest: "catalog:" }, ...extra });
const changeset = (releases: Record<string, string>): string =>
  `---\n${Object.entries(releases).map(([name, bump]) => `"${name}": ${bump}`).join("\n")}\n---\n\nA change.\n`;

async function release(version: string): Promise<void> {
  await repo.write("packages/core/package.json", core(version));
  await repo.write("packages/segmetrics/package.json", vendor("segmetrics", version));
  await repo.write("packages/segmint/package.json", vendor("segmint", version));
  await repo.commit(`Version packages (${version})`);
}

beforeEach(async () => {
  vi.spyOn(console, "log").mockImplementation(() => undefined);
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  repo = await TempRepo.create("seg-check-changesets-");
  await repo.write("package.json", { name: "seg", private: true });
  await repo.write("pnpm-workspace.yaml", "packages:\n  - packages/*\n  - tooling/*\ncatalog:\n  openapi-fetch: 0.17.0\n  vitest: 4.1.12\n");
  await repo.write(".changeset/config.json", { ignore: ["@seg/demo"] });
  await repo.write(".changeset/README.md", "# Changesets\n");
  await repo.write("specs/segmetrics.yaml", "openapi: 3.1.0\n");
  await repo.write("specs/segmint.yaml", "openapi: 3.1.0\n");
  await repo.write("packages/core/src/index.ts", "export const core = 1;\n");
  await repo.write("packages/segmetrics/src/client.ts", "export const client = 1;\n");
  await repo.write("packages/segmetrics/test/client.test.ts", "// test\n");
  await repo.write("packages/segmint/src/client.ts", "export const client = 2;\n");
  await repo.write("packages/demo/package.json", { name: "@seg/demo", version: "0.0.0", dependencies: { "@seg/segmetrics": "workspace:^" } });
  await repo.write("packages/demo/src/main.ts", "// demo\n");
  await repo.write("tooling/scripts/package.json", { name: "@seg/scripts", version: "0.0.0", private: true });
  await repo.write("tooling/scripts/src/cli.ts", "// cli\n");
  await release("0.0.0");
  await repo.write(".changeset/first-release.md", changeset({ "@seg/core": "minor", "@seg/segmetrics": "minor", "@seg/segmint": "minor" }));
  await repo.commit("First release changeset");
  await repo.remove(".changeset/first-release.md");
  await release("0.1.0");
});
afterEach(async () => {
  await repo.dispose();
});

describe("check-changesets after a release", () => {
  it("passes when nothing changed", async () => {
    expect(await checkChangesets(repo.root)).toBe(true);
    expect(output()).toMatch(/@seg\/segmetrics: nothing to release \(since its 0\.1\.0 release/);
  });

  it.each<[string, () => Promise<void>]>([
    ["a test file", () => repo.write("packages/segmetrics/test/client.test.ts", "// more tests\n")],
    ["a test beside the source", () => repo.write("packages/segmetrics/src/client.test.ts", "// test\n")],
    ["devDependencies and scripts", () => repo.write("packages/segmetrics/package.json", vendor("segmetrics", "0.1.0", { devDependencies: { tsx: "4.0.0" }, scripts: { x: "y" } }))],
    ["a private package", () => repo.write("tooling/scripts/src/cli.ts", "// changed\n")],
    ["a package changesets ignores", () => repo.write("packages/demo/src/main.ts", "// changed\n")],
    ["a devDependency's catalog version", () => repo.write("pnpm-workspace.yaml", "packages:\n  - packages/*\n  - tooling/*\ncatalog:\n  openapi-fetch: 0.17.0\n  vitest: 4.2.0\n")],
  ])("passes after a change to %s", async (_name, edit) => {
    await edit();
    await repo.commit("edit");
    expect(await checkChangesets(repo.root)).toBe(true);
  });

  it.each<[string, () => Promise<void>, string, RegExp]>([
    ["its source (committed)", async () => { await repo.write("packages/segmetrics/src/client.ts", "export const client = 3;\n"); await repo.commit("edit"); },
      "@seg/segmetrics", /packages\/segmetrics\/src\/client\.ts/],
    ["its source (not committed yet)", () => repo.write("packages/segmetrics/src/client.ts", "export const client = 3;\n"),
      "@seg/segmetrics", /packages\/segmetrics\/src\/client\.ts/],
    ["a new, untracked source file", () => repo.write("packages/segmetrics/src/paginate.ts", "export {};\n"),
      "@seg/segmetrics", /packages\/segmetrics\/src\/paginate\.ts/],
    ["a deleted source file", async () => { await repo.remove("packages/segmint/src/client.ts"); await repo.commit("rm"); },
      "@seg/segmint", /packages\/segmint\/src\/client\.ts/],
    ["its spec", async () => { await repo.write("specs/segmint.yaml", "openapi: 3.1.1\n"); await repo.commit("spec"); },
      "@seg/segmint", /specs\/segmint\.yaml/],
    ["its dependencies", async () => { await repo.write("packages/segmetrics/package.json", vendor("segmetrics", "0.1.0", { dependencies: { "@seg/core": "workspace:^", ky: "1.0.0" } })); await repo.commit("dep"); },
      "@seg/segmetrics", /packages\/segmetrics\/package\.json \(dependencies\)/],
    ["the catalog version of a dependency", async () => { await repo.write("pnpm-workspace.yaml", "packages:\n  - packages/*\n  - tooling/*\ncatalog:\n  openapi-fetch: 0.18.0\n  vitest: 4.1.12\n"); await repo.commit("bump"); },
      "@seg/core", /packages\/core\/package\.json \(dependencies\)/],
  ])("fails after a change to %s, naming the package and the fix", async (_name, edit, name, file) => {
    await edit();
    expect(await checkChangesets(repo.root)).toBe(false);
    const text = output();
    expect(text).toMatch(new RegExp(`changed without a changeset:\\n  ${name} \\(`));
    expect(text).toMatch(file);
    expect(text).toMatch(/fix: run `pnpm changeset:suggest`/);
    // Only the package that changed is named.
    for (const other of ["@seg/core", "@seg/segmetrics", "@seg/segmint"].filter((n) => n !== name)) {
      expect(text).not.toMatch(new RegExp(`^  ${other} \\(`, "m"));
    }
  });

  it("passes when a pending changeset names the changed package, and only then", async () => {
    await repo.write("packages/segmetrics/src/client.ts", "export const client = 3;\n");
    await repo.write(".changeset/other.md", changeset({ "@seg/segmint": "patch" }));
    expect(await checkChangesets(repo.root)).toBe(false);
    await repo.write(".changeset/fix.md", changeset({ "@seg/segmetrics": "patch" }));
    expect(await checkChangesets(repo.root)).toBe(true);
    expect(output()).toMatch(/@seg\/segmetrics: 1 file\(s\) changed \(since its 0\.1\.0 release in [0-9a-f]{7}, needs patch\), released by \.changeset\/fix\.md/);
  });

  it("measures from the latest release: a change released by `changeset version` needs no new changeset", async () => {
    await repo.write("packages/segmetrics/src/client.ts", "export const client = 3;\n");
    await repo.write(".changeset/fix.md", changeset({ "@seg/segmetrics": "patch" }));
    await repo.commit("fix");
    // `changeset version`, not committed yet: the version moved and the changeset is consumed.
    await repo.remove(".changeset/fix.md");
    await repo.write("packages/segmetrics/package.json", vendor("segmetrics", "0.1.1"));
    expect(await checkChangesets(repo.root)).toBe(true);
    expect(output()).toMatch(/@seg\/segmetrics: being versioned 0\.1\.0 → 0\.1\.1/);
    await repo.commit("Version packages");
    expect(await checkChangesets(repo.root)).toBe(true);
    expect(output()).toMatch(/@seg\/segmetrics: nothing to release \(since its 0\.1\.1 release/);
  });
});

describe("check-changesets for a package never released", () => {
  beforeEach(async () => {
    await repo.write("specs/segmenter.yaml", "openapi: 3.1.0\n");
    await repo.write("packages/segmenter/package.json", vendor("segmenter", "0.0.0"));
    await repo.write("packages/segmenter/src/client.ts", "export {};\n");
  });

  it("fails even when the whole package arrived in one commit", async () => {
    await repo.commit("Add segmenter");
    expect(await checkChangesets(repo.root)).toBe(false);
    expect(output()).toMatch(/^ {2}@seg\/segmenter \(packages\/segmenter; never released\) changed:$/m);
    expect(output()).toMatch(/^ {4}packages\/segmenter\/src\/client\.ts$/m);
  });

  it("fails while it is not committed at all", async () => {
    expect(await checkChangesets(repo.root)).toBe(false);
    expect(output()).toMatch(/@seg\/segmenter \(packages\/segmenter; never released\)/);
  });

  it("passes with a changeset for its first release", async () => {
    await repo.write(".changeset/segmenter.md", changeset({ "@seg/segmenter": "minor" }));
    await repo.commit("Add segmenter");
    expect(await checkChangesets(repo.root)).toBe(true);
    expect(output()).toMatch(/@seg\/segmenter: \d+ file\(s\) changed \(never released\), released by \.changeset\/segmenter\.md/);
  });
});

describe("check-changesets in a shallow clone", () => {
  let clone: TempRepo | undefined;
  afterEach(async () => {
    await clone?.dispose();
    clone = undefined;
  });

  it("fails, naming the fix, when history stops before a package's last release", async () => {
    await repo.write("packages/segmetrics/src/client.ts", "export const client = 3;\n");
    await repo.commit("after the release");
    clone = await repo.shallowClone(1);
    expect(await checkChangesets(clone.root)).toBe(false);
    expect(output()).toMatch(/shallow clone[\s\S]*git fetch --unshallow[\s\S]*fetch-depth: 0/);
  });

  it("works when the last release is within the fetched history", async () => {
    await repo.write("packages/segmetrics/src/client.ts", "export const client = 3;\n");
    await repo.commit("after the release");
    clone = await repo.shallowClone(3);
    expect(await checkChangesets(clone.root)).toBe(false);
    expect(output()).toMatch(/@seg\/segmetrics \(packages\/segmetrics; since its 0\.1\.0 release/);
    expect(output()).not.toMatch(/shallow/);
  });
});
