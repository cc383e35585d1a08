// The release command's order of work, with its steps recorded instead of run: every refusal happens
// before anything is built, and the publish step sees the private registry and nothing else.
// (`pnpm test:release` runs the same command for real against a local registry.)
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { release } from "../src/release.ts";
import type { Runner } from "../src/run.ts";

interface Step {
  command: string;
  env: NodeJS.ProcessEnv;
  npmrc?: string;
}

let root: string;
let steps: Step[];
const record: Runner = async (command, args, { env }) => {
  const userconfig = env.NPM_CONFIG_USERCONFIG;
  steps.push({ command: [command, ...args].join(" "), env, ...(userconfig ? { npmrc: await readFile(userconfig, "utf8") } : {}) });
};
const registry = { SEG_REGISTRY_URL: "https://npm.example.com/seg", SEG_REGISTRY_TOKEN: "t0ken" };

async function write(file: string, content: unknown): Promise<void> {
  await mkdir(path.dirname(path.join(root, file)), { recursive: true });
  await writeFile(path.join(root, file), typeof content === "string" ? content : JSON.stringify(content));
}

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "seg-release-test-"));
  steps = [];
  await write("pnpm-workspace.yaml", "packages:\n  - packages/*\n");
  await write(".changeset/config.json", { ignore: ["@seg/demo"] });
  await write(".changeset/README.md", "# Changesets\n");
  await write("packages/segmetrics/package.json", { name: "@seg/segmetrics", version: "0.1.0", publishConfig: { access: "restricted" } });
  await write("packages/demo/package.json", { name: "@seg/demo", version: "0.0.0" });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("release", () => {
  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    ["no registry is configured", {}, /SEG_REGISTRY_URL is not set/],
    ["the registry is the public one", { SEG_REGISTRY_URL: "https://registry.npmjs.org/", SEG_REGISTRY_TOKEN: "t" }, /public npm registry/],
    ["there is no token", { SEG_REGISTRY_URL: "https://npm.example.com/" }, /SEG_REGISTRY_TOKEN is not set/],
  ])("refuses, before building anything, when %s", async (_name, env, message) => {
    await expect(release({ root, env, run: record })).rejects.toThrow(message);
    expect(steps).toEqual([]);
  });

  it("refuses when a package.json names its own registry", async () => {
    await write("packages/segmetrics/package.json", { name: "@seg/segmetrics", version: "0.1.0", publishConfig: { registry: "https://registry.npmjs.org/" } });
    await expect(release({ root, env: registry, run: record })).rejects.toThrow(/packages\/segmetrics\/package.json sets a registry in publishConfig/);
    expect(steps).toEqual([]);
  });

  it("refuses while changesets wait to be versioned", async () => {
    await write(".changeset/brave-cats.md", '---\n"@seg/segmetrics": patch\n---\n\nFix.\n');
    await expect(release({ root, env: registry, run: record })).rejects.toThrow(/\.changeset\/brave-cats\.md.*pnpm changeset version/);
    expect(steps).toEqual([]);
  });

  it("checks, builds, then publishes with the private registry scoped to @seg and its token", async () => {
    const env = { ...registry, PATH: "/bin", npm_config_userconfig: "/home/me/.npmrc", "NPM_CONFIG_@SEG:REGISTRY": "https://registry.npmjs.org/" };
    await release({ root, env, run: record });
    expect(steps.map((s) => s.command)).toEqual([
      "pnpm check:generated",
      "pnpm exec turbo run build typecheck lint test check:package size --output-logs=new-only",
      "pnpm exec changeset publish",
    ]);
    const publish = steps[2]!;
    expect(publish.npmrc).toBe("@seg:registry=https://npm.example.com/seg/\n//npm.example.com/seg/:_authToken=t0ken\n");
    // Only our spellings of the two settings remain; everything else is passed through.
    expect(Object.keys(publish.env).filter((k) => /userconfig|@seg:registry/i.test(k)).sort()).toEqual(["NPM_CONFIG_USERCONFIG", "npm_config_@seg:registry"]);
    expect(publish.env["npm_config_@seg:registry"]).toBe("https://npm.example.com/seg/");
    expect(publish.env.PATH).toBe("/bin");
    // The build steps never see the token file, and it is gone once the release is over.
    expect(steps[0]!.npmrc).toBeUndefined();
    expect(existsSync(publish.env.NPM_CONFIG_USERCONFIG!)).toBe(false);
  });

  it("with --skip-checks, still builds before publishing", async () => {
    await release({ root, env: registry, run: record, skipChecks: true });
    expect(steps.map((s) => s.command)).toEqual(["pnpm exec turbo run build --output-logs=new-only", "pnpm exec changeset publish"]);
  });

  it("removes the token file when publishing fails", async () => {
    let userconfig = "";
    const failing: Runner = async (command, args, options) => {
      if (args.includes("publish")) {
        userconfig = options.env.NPM_CONFIG_USERCONFIG ?? "";
        throw new Error("E401");
      }
      await record(command, args, options);
    };
    await expect(release({ root, env: registry, run: failing, skipChecks: true })).rejects.toThrow("E401");
    expect(userconfig).not.toBe("");
    expect(existsSync(userconfig)).toBe(false);
  });
});
