import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sourceRepository } from "../src/repository.ts";
import { tarballProblems } from "../src/tarball-check.ts";

const commit = "0123456789abcdef0123456789abcdef01234567";
const repository = sourceRepository({ repository: "git+https://github.com/acme/seg.git" }, commit);
const license = "MIT License\n\nCopyright (c) 2026 the seg authors\n";
const expected = { source: "packages/core", repository, license };
const complete = {
  "package.json": {
    name: "@seg/core", version: "0.1.0", license: "MIT",
    repository: { type: "git", url: "git+https://github.com/acme/seg.git", directory: "packages/core" },
    dependencies: { "openapi-fetch": "0.17.0" },
  },
  LICENSE: license,
  "CHANGELOG.md": "# @seg/core\n\n## 0.1.0\n\n### Minor Changes\n\n- First release.\n",
  "README.md": `# @seg/core\n\nSee [the specs](https://github.com/acme/seg/tree/${commit}/specs) and [errors](#errors).\n`,
};

const manifest = complete["package.json"];
let dir: string;
async function unpacked(files: Record<string, unknown>): Promise<string> {
  for (const [name, content] of Object.entries(files)) {
    if (content !== undefined) await writeFile(path.join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return dir;
}
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "seg-tarball-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("tarballProblems", () => {
  it("finds none in a complete package", async () => {
    expect(await tarballProblems(await unpacked(complete), expected)).toEqual([]);
  });

  it("names both problems of the placeholder repository", async () => {
    const placeholder = { ...manifest, repository: { type: "git", url: "git+https://example.invalid/seg.git", directory: "packages/core" } };
    expect(await tarballProblems(await unpacked({ ...complete, "package.json": placeholder }), expected)).toEqual([
      expect.stringMatching(/^"repository" is .*example\.invalid/),
      "package.json names a placeholder host: git+https://example.invalid/seg.git",
    ]);
  });

  it.each<[string, Record<string, unknown>, RegExp]>([
    ["no LICENSE", { LICENSE: undefined }, /^no LICENSE$/],
    ["another LICENSE", { LICENSE: "Apache License\n" }, /LICENSE differs from the repository's/],
    ["a license field that disagrees", { "package.json": { ...manifest, license: "ISC" } }, /"license" is "ISC", the LICENSE is MIT/],
    ["no CHANGELOG", { "CHANGELOG.md": undefined }, /no CHANGELOG\.md \(a release needs a changeset/],
    ["a CHANGELOG without this version", { "CHANGELOG.md": "# @seg/core\n\n## 0.0.9\n" }, /CHANGELOG\.md has no "## 0\.1\.0" entry/],
    ["no README", { "README.md": undefined }, /^no README\.md$/],
    ["a relative README link", { "README.md": "[core](../core)\n" }, /README\.md line 1: relative link "\.\.\/core" is broken on a registry page/],
    ["a link into the repository at another commit", { "README.md": "[x](https://github.com/acme/seg/tree/main/specs)\n" }, /does not point at the released commit 0123456789ab/],
    ["another directory", { "package.json": { ...manifest, repository: { ...manifest.repository, directory: "packages/other" } } }, /not \{ url: git\+https:\/\/github\.com\/acme\/seg\.git, directory: packages\/core \}/],
    ["a placeholder homepage", { "package.json": { ...manifest, homepage: "https://docs.example.com/seg" } }, /placeholder host: https:\/\/docs\.example\.com\/seg/],
    ["an unresolved workspace range", { "package.json": { ...manifest, dependencies: { "@seg/x": "workspace:^" } } }, /dependencies\.@seg\/x is "workspace:\^": pnpm pack did not resolve it/],
  ])("finds %s", async (_name, change, problem) => {
    const problems = await tarballProblems(await unpacked({ ...complete, ...change }), expected);
    expect(problems).toEqual([expect.stringMatching(problem)]);
  });
});
