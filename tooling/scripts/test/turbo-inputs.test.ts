// Turbo replays a cached `typecheck` when none of its inputs changed, so a file tsc checks but the
// task's inputs omit is a type error reported as a cached pass. Every file each package's
// tsconfig*.json takes in must be an input of its typecheck task.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../src/paths.ts";
import { workspacePackages } from "../src/workspace.ts";

interface TurboTask {
  inputs?: string[];
}
const tasksOf = (file: string): Record<string, TurboTask> =>
  existsSync(file) ? ((JSON.parse(readFileSync(file, "utf8")) as { tasks?: Record<string, TurboTask> }).tasks ?? {}) : {};

/** A turbo input glob as a regular expression over package-relative paths (`src/**`, `*.config.ts`). */
function globToRegExp(glob: string): RegExp {
  const source = glob
    .split("**")
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, "\\$&").replaceAll("*", "[^/]*").replaceAll("?", "[^/]"))
    .join(".*");
  return new RegExp(`^${source}$`);
}

/** The files `tsc -p <tsconfig>` checks, relative to the package directory (declarations of dependencies excluded). */
function checkedFiles(dir: string, tsconfig: string): string[] {
  const file = path.join(dir, tsconfig);
  const config = ts.readConfigFile(file, (name) => ts.sys.readFile(name));
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dir, undefined, file);
  return parsed.fileNames.map((name) => path.relative(dir, name).split(path.sep).join("/")).filter((name) => !name.startsWith(".."));
}

const packages = (await workspacePackages(repoRoot)).filter(({ manifest }) => manifest.scripts?.typecheck !== undefined);
const rootTasks = tasksOf(path.join(repoRoot, "turbo.json"));

describe.each(packages.map(({ dir, manifest }) => [dir, manifest.scripts?.typecheck ?? ""] as const))("%s", (dir, script) => {
  it("makes every file its typecheck checks an input of the typecheck task", () => {
    const absolute = path.join(repoRoot, dir);
    const inputs = (tasksOf(path.join(absolute, "turbo.json")).typecheck?.inputs ?? rootTasks.typecheck?.inputs ?? []).map(globToRegExp);
    const configs = [...script.matchAll(/tsc -p (\S+)/g)].map((match) => match[1] ?? "");
    expect(configs.length, `no "tsc -p" in ${script}`).toBeGreaterThan(0);
    const missing = configs.flatMap((config) => checkedFiles(absolute, config)).filter((file) => !inputs.some((input) => input.test(file)));
    expect([...new Set(missing)]).toEqual([]);
  });
});
