// Which packages `pnpm pack:local` packs, over this repository's real packages: whatever is asked
// for, with every @seg package it needs at run time, so installing the tarballs never asks a
// registry for an @seg name.
import { describe, expect, it } from "vitest";
import { withDependencies } from "../src/pack-local.ts";
import { repoRoot } from "../src/paths.ts";
import { publishedPackages, SCOPE } from "../src/workspace.ts";

const packages = await publishedPackages(repoRoot);

describe("withDependencies", () => {
  it.each(packages.map((p) => p.manifest.name))("packs %s with every @seg package it depends on, dependencies first", (name) => {
    const names = withDependencies([name], packages).map((p) => p.manifest.name);
    expect(names.at(-1)).toBe(name);
    for (const [index, packed] of names.entries()) {
      const manifest = packages.find((p) => p.manifest.name === packed)!.manifest;
      for (const dependency of Object.keys({ ...manifest.dependencies, ...manifest.optionalDependencies }).filter((d) => d.startsWith(`${SCOPE}/`))) {
        expect(names.indexOf(dependency), `${packed} needs ${dependency}`).toBeGreaterThanOrEqual(0);
        expect(names.indexOf(dependency)).toBeLessThan(index);
      }
    }
  });

  it("packs @seg/core with a vendor package", () => {
    expect(withDependencies(["packages/segmetrics"], packages).map((p) => p.manifest.name)).toEqual(["@seg/core", "@seg/segmetrics"]);
  });

  it("refuses a name that is not published here", () => {
    expect(() => withDependencies(["@seg/demo"], packages)).toThrow(/@seg\/demo is not a published package of this workspace/);
  });
});
