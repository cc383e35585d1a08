// The published packages as a user gets them: each packed by `pnpm pack` (workspace: and catalog:
// ranges replaced, only the `files` shipped), then installed from the tarballs into a scratch
// project outside the workspace, whose overrides point every @seg/* dependency at its tarball.
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../../..");
const SCENARIO = path.resolve(import.meta.dirname, "../scenario");

interface Manifest {
  name: string;
  private?: boolean;
}

/** Every package a release publishes: not private, not ignored by changesets. */
function publishedDirs(): string[] {
  const ignored = new Set((JSON.parse(readFileSync(path.join(ROOT, ".changeset/config.json"), "utf8")) as { ignore?: string[] }).ignore ?? []);
  return readdirSync(path.join(ROOT, "packages"))
    .map((name) => path.join(ROOT, "packages", name))
    .filter((dir) => {
      try {
        const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as Manifest;
        return manifest.private !== true && !ignored.has(manifest.name);
      } catch {
        return false;
      }
    });
}

const pnpm = (args: string[], cwd: string): string =>
  execFileSync("pnpm", args, { cwd, encoding: "utf8", env: { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: "0" }, stdio: ["ignore", "pipe", "pipe"] });

/** Packs, installs, and returns the scratch project's directory (with the scenario files in it). */
export function scratchProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "seg-runtimes-"));
  const tarballs = path.join(dir, "tarballs");
  mkdirSync(tarballs);
  const packed: Record<string, string> = {};
  for (const pkg of publishedDirs()) {
    const { name } = JSON.parse(readFileSync(path.join(pkg, "package.json"), "utf8")) as Manifest;
    const out = pnpm(["pack", "--pack-destination", tarballs, "--json"], pkg);
    const file = (JSON.parse(out) as { filename: string }).filename;
    packed[name] = `file:${path.relative(dir, path.resolve(pkg, file)).split(path.sep).join("/")}`;
  }
  const root = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { packageManager: string };
  writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: "seg-runtimes-scratch", private: true, type: "module", packageManager: root.packageManager, dependencies: packed }, null, 2),
  );
  // Its own workspace root, so pnpm never treats it as part of the repo's workspace.
  writeFileSync(
    path.join(dir, "pnpm-workspace.yaml"),
    `overrides:\n${Object.entries(packed).map(([name, spec]) => `  "${name}": "${spec}"`).join("\n")}\n`,
  );
  pnpm(["install", "--prefer-offline", "--config.confirmModulesPurge=false"], dir);
  cpSync(SCENARIO, dir, { recursive: true });
  writeLibs(dir, Object.keys(packed));
  return dir;
}

/**
 * The packages the scenario loads, as `libs.js` (ESM) and `libs.cjs` (CommonJS): the facade and every
 * vendor package (one with an `./adapter` entry) with its adapter, `{ sdk, segmetrics,
 * segmetricsAdapter, … }`. Written from what was packed, so a new vendor is loaded with no edit.
 */
function writeLibs(dir: string, names: readonly string[]): void {
  const entries: [key: string, specifier: string][] = [];
  for (const name of [...names].sort()) {
    const key = name.replace(/^@seg\//, "");
    const manifest = JSON.parse(readFileSync(path.join(dir, "node_modules", name, "package.json"), "utf8")) as { exports?: Record<string, unknown> };
    if (key === "sdk") entries.push([key, name]);
    else if (manifest.exports?.["./adapter"] !== undefined) entries.push([key, name], [`${key}Adapter`, `${name}/adapter`]);
  }
  const header = "// Written by tooling/runtimes/src/scratch.ts from the packed packages.\n";
  writeFileSync(
    path.join(dir, "libs.js"),
    `${header}${entries.map(([key, specifier]) => `import * as ${key} from "${specifier}";`).join("\n")}\n\nexport const libs = { ${entries.map(([key]) => key).join(", ")} };\n`,
  );
  writeFileSync(path.join(dir, "libs.cjs"), `${header}exports.libs = {\n${entries.map(([key, specifier]) => `  ${key}: require("${specifier}"),`).join("\n")}\n};\n`);
}
