import { describe, expect, it } from "vitest";
import { chooseDistTag } from "../src/dist-tag.ts";
import { githubPackagesProblem } from "../src/github-packages.ts";
import { sourceRepository } from "../src/repository.ts";
import type { WorkspacePackage } from "../src/workspace.ts";
import { TempRepo } from "./fixtures/temp-repo.ts";

const commit = "0123456789abcdef0123456789abcdef01234567";
const at = (version: string): WorkspacePackage[] => [{ dir: "packages/core", manifest: { name: "@seg/core", version } }];

describe("chooseDistTag", () => {
  it.each<[string, { pre?: object; requested?: string; version: string }, string]>([
    ["latest for a stable release", { version: "0.2.0" }, "latest"],
    ["the one asked for (a snapshot)", { requested: "next", version: "0.2.1-next-20261201090000" }, "next"],
    ["pre mode's tag", { pre: { mode: "pre", tag: "beta" }, version: "0.2.0-beta.0" }, "beta"],
    ["latest once pre mode is exited", { pre: { mode: "exit", tag: "beta" }, version: "0.2.0" }, "latest"],
  ])("is %s", async (_name, { pre, requested, version }, want) => {
    const repo = await TempRepo.create("seg-dist-tag-");
    try {
      if (pre) await repo.write(".changeset/pre.json", pre);
      expect(await chooseDistTag(repo.root, requested, at(version))).toBe(want);
    } finally {
      await repo.dispose();
    }
  });

  it.each<[string, { pre?: object; requested?: string; version: string }, RegExp]>([
    ["a prerelease under latest", { version: "0.2.0-next.0" }, /@seg\/core@0\.2\.0-next\.0 is a prerelease/],
    ["a tag that contradicts pre mode", { pre: { mode: "pre", tag: "beta" }, requested: "next", version: "0.2.0-beta.0" }, /pre mode for the "beta" tag/],
    ["a tag that looks like a version", { requested: "v2", version: "2.0.0" }, /"v2" cannot be a dist-tag/],
  ])("refuses %s", async (_name, { pre, requested, version }, message) => {
    const repo = await TempRepo.create("seg-dist-tag-");
    try {
      if (pre) await repo.write(".changeset/pre.json", pre);
      await expect(chooseDistTag(repo.root, requested, at(version))).rejects.toThrow(message);
    } finally {
      await repo.dispose();
    }
  });
});

describe("sourceRepository", () => {
  it.each(["git+https://github.com/acme/seg.git", "https://github.com/acme/seg", "git@github.com:acme/seg.git", "github:acme/seg"])("reads %s", (url) => {
    const repository = sourceRepository({ repository: { type: "git", url } }, commit);
    expect(repository).toMatchObject({ url: "git+https://github.com/acme/seg.git", web: "https://github.com/acme/seg", host: "github", owner: "acme" });
    expect(repository.browse("specs/segmetrics.yaml", "servers")).toBe(`https://github.com/acme/seg/tree/${commit}/specs/segmetrics.yaml#servers`);
  });

  it.each<[string, unknown, RegExp]>([
    ["no repository", undefined, /has no "repository": set it once/],
    ["a placeholder host", "git+https://example.invalid/seg.git", /not a repository on GitHub, GitLab, Bitbucket or Sourcehut/],
    ["credentials in the URL", "https://me:token@github.com/acme/seg.git", /contains credentials/],
  ])("refuses %s", (_name, repository, message) => {
    expect(() => sourceRepository({ repository }, commit)).toThrow(message);
  });
});

describe("GitHub Packages", () => {
  it.each<[string, string, string, RegExp | undefined]>([
    ["another registry", "https://npm.example.com/", "github:acme/seg", undefined],
    ["the scope's own organisation", "https://npm.pkg.github.com/", "github:seg/seg", undefined],
    ["another organisation", "https://npm.pkg.github.com/", "github:acme/seg", /@seg\/\* must come from a repository of the "seg" organisation, but https:\/\/github\.com\/acme\/seg belongs to "acme"/],
    ["a repository elsewhere", "https://npm.pkg.github.com/", "gitlab:seg/seg", /repository on GitHub, but the root package.json's repository is on gitlab/],
  ])("with %s", (_name, registry, url, problem) => {
    const found = githubPackagesProblem(registry, sourceRepository({ repository: url }, commit));
    if (problem) expect(found).toMatch(problem);
    else expect(found).toBeUndefined();
  });
});
