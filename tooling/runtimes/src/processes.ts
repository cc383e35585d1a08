// Node (ESM and CJS), Bun and Deno: the scenario run as a child process of the runtime's binary,
// each binary installed as an exact-pinned devDependency (from pnpm's store, so cached).
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import path from "node:path";
import type { CheckResult, SandboxEnv, TargetResult } from "./target.ts";

const require = createRequire(import.meta.url);
const binary = (pkg: string, file: string): string => path.join(path.dirname(require.resolve(`${pkg}/package.json`)), file);

export interface ProcessTarget {
  variant: string;
  command: string;
  args: string[];
}

export const PROCESS_TARGETS: readonly ProcessTarget[] = [
  ...["node-20", "node-22", "node-24"].flatMap((pkg) => [
    { variant: "esm", command: binary(pkg, "bin/node"), args: ["esm.js"] },
    { variant: "cjs", command: binary(pkg, "bin/node"), args: ["cjs.cjs"] },
  ]),
  { variant: "esm", command: binary("@oven/bun-linux-x64", "bin/bun"), args: ["esm.js"] },
  // Deno reads the scratch project's package.json and node_modules; only the network and env it needs.
  { variant: "esm", command: binary("@deno/linux-x64-glibc", "deno"), args: ["run", "--node-modules-dir=manual", "--allow-net=127.0.0.1", "--allow-env", "--allow-read", "esm.js"] },
];

const MARK = "SEG-RUNTIME-RESULTS ";

export function runProcess(target: ProcessTarget, cwd: string, env: SandboxEnv): Promise<TargetResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(target.command, target.args, {
      cwd,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1", SEG_RUNTIME_ENV: JSON.stringify(env) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.split("\n").find((l) => l.startsWith(MARK));
      if (!line) {
        reject(new Error(`${target.command} ${target.args.join(" ")} exited ${code} without results:\n${out}${err}`));
        return;
      }
      const { runtime, results } = JSON.parse(line.slice(MARK.length)) as { runtime: string; results: CheckResult[] };
      resolve({ runtime, variant: target.variant, results });
    });
  });
}
