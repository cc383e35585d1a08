// The release command's order of work, on a small real workspace: `pnpm pack` runs for real (the
// tarballs are staged and checked), while the checks, the registry and `npm publish` are recorded:
// every refusal happens before anything is built, and what would be published is complete.
// (`pnpm test:release` runs the same command for real against a local registry.)
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { release } from "../src/release.ts";
import { run, type Runner } from "../src/run.ts";
import { cleanEnv } from "./e2e/exec.ts";
import { FIXTURE_LICENSE, releaseWorkspace } from "./fixtures/release-workspace.ts";
import { gitIdentity, type TempRepo } from "./fixtures/temp-repo.ts";

interface Step {
  command: string;
  env: NodeJS.ProcessEnv;
  npmrc?: string;
  /** For `npm publish <dir>`: the staged package's files. */
  staged?: Record<string, string>;
}

let repo: TempRepo;
let steps: Step[];
/** What the recorded registry already has. */
let onRegistry: Record<string, string[]>;

const record: Runner = async (command, args, options) => {
  if (command === "pnpm" && args[0] === "pack") return run(command, args, options);
  const userconfig = options.env.NPM_CONFIG_USERCONFIG;
  const step: Step = { command: [command, ...args].join(" "), env: options.env, ...(userconfig ? { npmrc: await readFile(userconfig, "utf8") } : {}) };
  if (command === "npm" && args[0] === "publish") {
    const dir = args[1]!;
    step.staged = {};
    for (const file of ["package.json", "LICENSE", "README.md", "CHANGELOG.md"]) {
      if (existsSync(path.join(dir, file))) step.staged[file] = await readFile(path.join(dir, file), "utf8");
    }
  }
  steps.push(step);
  if (command === "npm" && args[0] === "view") {
    const versions = onRegistry[args[1]!];
    return versions ? { code: 0, stdout: JSON.stringify(versions), stderr: "" } : { code: 1, stdout: JSON.stringify({ error: { code: "E404" } }), stderr: "" };
  }
  return { code: 0, stdout: "", stderr: "" };
};
const registry = { SEG_REGISTRY_URL: "https://npm.example.com/seg", SEG_REGISTRY_TOKEN: "t0ken" };
const env = (extra: Record<string, string> = registry): NodeJS.ProcessEnv => cleanEnv(extra);
const commands = (): string[] => steps.map((s) => s.command.replace(/\/tmp\/\S+/g, "<staged>"));

beforeAll(async () => {
  repo = await releaseWorkspace();
}, 60_000);
afterAll(async () => {
  await repo.dispose();
});
beforeEach(() => {
  steps = [];
  onRegistry = {};
  for (const [name, value] of Object.entries(gitIdentity)) vi.stubEnv(name, value);
});
afterEach(async () => {
  vi.unstubAllEnvs();
  // Back to the committed fixture (node_modules, ignored, stays), without the tags a test made.
  await repo.git("checkout", "--", ".");
  await repo.git("clean", "-fdq");
  for (const tag of (await repo.git("tag", "--list")).split("\n").filter(Boolean)) await repo.git("tag", "-d", tag);
});

describe("release refuses, before building anything, when", () => {
  it.each<[string, Record<string, string>, RegExp]>([
    ["no registry is configured", {}, /SEG_REGISTRY_URL is not set/],
    ["the registry is the public one", { SEG_REGISTRY_URL: "https://registry.npmjs.org/", SEG_REGISTRY_TOKEN: "t" }, /public npm registry/],
    ["there are no credentials", { SEG_REGISTRY_URL: "https://npm.example.com/" }, /no credentials for https:\/\/npm\.example\.com/],
    ["GitHub Packages would refuse the scope", { SEG_REGISTRY_URL: "https://npm.pkg.github.com/", SEG_REGISTRY_TOKEN: "t" }, /scope is the owner of its repository: @seg\/\* must come from a repository of the "seg" organisation/],
  ])("%s", async (_name, extra, message) => {
    await expect(release({ root: repo.root, env: env(extra), run: record })).rejects.toThrow(message);
    expect(steps).toEqual([]);
  });

  it.each<[string, (repo: TempRepo) => Promise<void>, RegExp]>([
    ["a package.json names its own registry", (r) => r.write("packages/core/package.json", { name: "@seg/core", version: "0.1.0", publishConfig: { registry: "https://registry.npmjs.org/" } }), /packages\/core\/package.json sets a registry in publishConfig/],
    ["a package.json sets its own repository", (r) => r.write("packages/core/package.json", { name: "@seg/core", version: "0.1.0", repository: "https://example.invalid/seg.git" }), /packages\/core\/package.json sets "repository": remove it/],
    ["changesets wait to be versioned", (r) => r.write(".changeset/brave-cats.md", '---\n"@seg/segmetrics": patch\n---\n\nFix.\n'), /\.changeset\/brave-cats\.md.*pnpm changeset version/],
    ["a package was never versioned", (r) => r.remove("packages/core/CHANGELOG.md"), /@seg\/core@0\.1\.0 never went through `changeset version`/],
    ["the root package.json has no repository", (r) => r.write("package.json", { name: "fixture", private: true }), /the root package.json has no "repository"/],
    ["the repository is a placeholder", (r) => r.write("package.json", { name: "fixture", private: true, repository: "git+https://example.invalid/seg.git" }), /is not a repository on GitHub, GitLab, Bitbucket or Sourcehut/],
    ["an @seg dependency would come from a registry", (r) => r.write("packages/segmetrics/package.json", { name: "@seg/segmetrics", version: "0.2.0", dependencies: { "@seg/core": "^0.1.0" } }), /could resolve from a registry other than yours:\n {2}- packages\/segmetrics\/package.json dependencies\["@seg\/core"\] is "\^0\.1\.0"/],
    ["a published package depends on a private one", (r) => r.write("packages/segmetrics/package.json", { name: "@seg/segmetrics", version: "0.2.0", dependencies: { "@seg/demo": "workspace:^" } }), /@seg\/demo is never published, so consumers would look for it on a registry/],
    ["the npmrc routes @seg to the public registry", (r) => r.write(".npmrc", "@seg:registry=https://registry.npmjs.org/\n"), /\.npmrc routes @seg to the public registry/],
    ["a prerelease would become latest", (r) => r.write("packages/core/package.json", { name: "@seg/core", version: "0.2.0-next.0" }), /@seg\/core@0\.2\.0-next\.0 is a prerelease: publishing under "latest"/],
  ])("%s", async (_name, change, message) => {
    await change(repo);
    await expect(release({ root: repo.root, env: env(), run: record })).rejects.toThrow(message);
    expect(steps).toEqual([]);
  });
});

// pnpm pack runs for real: generous limits for a busy machine.
describe("release", { timeout: 60_000 }, () => {
  it("runs CI's checks, then publishes complete tarballs, dependencies first, with the private registry scoped to @seg", async () => {
    const published = await release({ root: repo.root, env: cleanEnv({ ...registry, npm_config_userconfig: "/home/me/.npmrc", "NPM_CONFIG_@SEG:REGISTRY": "https://registry.npmjs.org/" }), run: record });
    // (The registry is asked about every package side by side, so those two come in either order.)
    expect(commands().slice(0, 2).sort()).toEqual(["npm view @seg/core versions --json", "npm view @seg/segmetrics versions --json"]);
    expect(commands().slice(2)).toEqual([
      "pnpm check:generated",
      "pnpm run checks",
      "npm publish <staged> --tag latest --ignore-scripts",
      "npm publish <staged> --tag latest --ignore-scripts",
    ]);
    const publish = steps.find((s) => s.command.startsWith("npm publish"))!;
    expect(publish.npmrc).toBe("@seg:registry=https://npm.example.com/seg/\n//npm.example.com/seg/:_authToken=t0ken\n");
    // Only our spellings of the two settings remain; everything else is passed through.
    expect(Object.keys(publish.env).filter((k) => /userconfig|@seg:registry/i.test(k)).sort()).toEqual(["NPM_CONFIG_USERCONFIG", "npm_config_@seg:registry"]);
    expect(publish.env["npm_config_@seg:registry"]).toBe("https://npm.example.com/seg/");
    // The checks never see the credentials file, and it is gone once the release is over.
    expect(steps.filter((s) => s.command.startsWith("pnpm")).map((s) => s.npmrc)).toEqual([undefined, undefined]);
    expect(existsSync(publish.env.NPM_CONFIG_USERCONFIG!)).toBe(false);

    const commit = (await repo.git("rev-parse", "HEAD")).trim();
    const at = `https://github.com/acme/seg/tree/${commit}`;
    const [core, segmetrics] = steps.filter((s) => s.staged).map((s) => s.staged!);
    expect(core!.LICENSE).toBe(FIXTURE_LICENSE);
    expect(JSON.parse(core!["package.json"]!)).toMatchObject({ name: "@seg/core", repository: { type: "git", url: "git+https://github.com/acme/seg.git", directory: "packages/core" }, files: ["dist", "CHANGELOG.md"] });
    expect(core!["README.md"]).toBe(`# @seg/core\n\nTyped [errors](#errors), from [the specs](${at}/specs).\n\n## Errors\n`);
    expect(segmetrics!["README.md"]).toBe(
      `# @seg/segmetrics\n\nFrom [\`specs/segmetrics.yaml\`](${at}/specs/segmetrics.yaml), on [\`@seg/core\`](${at}/packages/core#errors).\n\n` +
        `![diagram](https://raw.githubusercontent.com/acme/seg/${commit}/packages/segmetrics/docs/flow.png)\n\n` +
        "```ts\nconst first = list[0](x); // [not](a-link)\n```\n\nSee `[code](../not-a-link)` and [the guide][guide].\n\n" +
        `[guide]: ${at}/CONTRIBUTING.md\n`,
    );
    expect((JSON.parse(segmetrics!["package.json"]!) as { dependencies: unknown }).dependencies).toEqual({ "@seg/core": "^0.1.0" });
    expect(segmetrics!["CHANGELOG.md"]).toContain("## 0.2.0");

    expect(published).toEqual([
      { name: "@seg/core", version: "0.1.0", gitTag: "@seg/core@0.1.0" },
      { name: "@seg/segmetrics", version: "0.2.0", gitTag: "@seg/segmetrics@0.2.0" },
    ]);
    expect((await repo.git("tag", "--list")).split("\n").filter(Boolean)).toEqual(["@seg/core@0.1.0", "@seg/segmetrics@0.2.0"]);
  });

  it("with --skip-checks, still builds what it publishes (at CI's concurrency)", async () => {
    await release({ root: repo.root, env: env(), run: record, skipChecks: true });
    expect(commands().filter((c) => c.startsWith("pnpm"))).toEqual(["pnpm exec turbo run build --output-logs=new-only --concurrency=2 --filter=@seg/core --filter=@seg/segmetrics"]);
    expect(commands().filter((c) => c.startsWith("npm publish"))).toHaveLength(2);
  });

  it("publishes nothing twice", async () => {
    onRegistry = { "@seg/core": ["0.1.0"], "@seg/segmetrics": ["0.1.0"] };
    const published = await release({ root: repo.root, env: env(), run: record, skipChecks: true });
    expect(published.map((p) => `${p.name}@${p.version}`)).toEqual(["@seg/segmetrics@0.2.0"]);
    expect(commands().filter((c) => c.startsWith("pnpm"))).toEqual(["pnpm exec turbo run build --output-logs=new-only --concurrency=2 --filter=@seg/segmetrics"]);
    expect(commands().filter((c) => c.startsWith("npm publish"))).toHaveLength(1);
  });

  it("runs nothing when the registry has every version", async () => {
    onRegistry = { "@seg/core": ["0.1.0"], "@seg/segmetrics": ["0.1.0", "0.2.0"] };
    expect(await release({ root: repo.root, env: env(), run: record })).toEqual([]);
    expect(commands().filter((c) => !c.startsWith("npm view"))).toEqual([]);
  });

  it("publishes a snapshot under its dist-tag, without a git tag for a version that is not committed", async () => {
    await repo.write("packages/segmetrics/package.json", { name: "@seg/segmetrics", version: "0.2.1-next-20261201090000", license: "MIT", files: ["dist"], dependencies: { "@seg/core": "workspace:^" } });
    await repo.write("packages/segmetrics/CHANGELOG.md", "# @seg/segmetrics\n\n## 0.2.1-next-20261201090000\n\n### Patch Changes\n\n- Try it.\n");
    onRegistry = { "@seg/core": ["0.1.0"] };
    const published = await release({ root: repo.root, env: env(), run: record, skipChecks: true, tag: "next" });
    expect(commands().filter((c) => c.startsWith("npm publish"))).toEqual(["npm publish <staged> --tag next --ignore-scripts"]);
    expect(published).toEqual([{ name: "@seg/segmetrics", version: "0.2.1-next-20261201090000" }]);
    expect(await repo.git("tag", "--list")).toBe("");
  });

  it("authenticates with Basic _auth when it is given instead of a token", async () => {
    const basic = Buffer.from("ci-bot:s3cret").toString("base64");
    await release({ root: repo.root, env: env({ SEG_REGISTRY_URL: "https://nexus.example.com/repository/npm-private/", SEG_REGISTRY_AUTH: basic }), run: record, skipChecks: true });
    expect(steps.find((s) => s.npmrc)!.npmrc).toBe(`@seg:registry=https://nexus.example.com/repository/npm-private/\n//nexus.example.com/repository/npm-private/:_auth=${basic}\n`);
  });

  it("refuses an incomplete tarball, and publishes nothing", async () => {
    await repo.write("packages/core/README.md", "# @seg/core\n\n[outside](../../../elsewhere.md)\n");
    await expect(release({ root: repo.root, env: env(), run: record, skipChecks: true })).rejects.toThrow(/packages\/core\/README\.md: line 3: the link "\.\.\/\.\.\/\.\.\/elsewhere\.md" points outside the repository/);
    expect(commands().filter((c) => c.startsWith("npm publish"))).toEqual([]);
  });

  it("removes the credentials file when publishing fails", async () => {
    let userconfig = "";
    const failing: Runner = async (command, args, options) => {
      if (args[0] === "publish") {
        userconfig = options.env.NPM_CONFIG_USERCONFIG ?? "";
        throw new Error("E401");
      }
      return record(command, args, options);
    };
    await expect(release({ root: repo.root, env: env(), run: failing, skipChecks: true })).rejects.toThrow("E401");
    expect(userconfig).not.toBe("");
    expect(existsSync(userconfig)).toBe(false);
  });
});
