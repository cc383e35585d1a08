// Child processes for the end-to-end test: a clean environment, captured output, a time limit.
import { spawn } from "node:child_process";

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * This process's environment without what pnpm and vitest add to it (`npm_config_*` from the
 * caller's npmrc, `npm_lifecycle_*`, `NODE_ENV=test`, …), so each command runs as from a shell, and
 * without the caller's own SEG_REGISTRY_* (each test says which registry it means).
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|vitest|tinypool|seg_registry_)|^(node_env|test|force_color)$/i.test(key)) continue;
    env[key] = value;
  }
  return {
    ...env,
    COREPACK_ENABLE_DOWNLOAD_PROMPT: "0",
    TURBO_TELEMETRY_DISABLED: "1",
    DO_NOT_TRACK: "1",
    NO_COLOR: "1",
    ...extra,
  };
}

/**
 * Runs a command in its own process group; past `timeoutMs` the whole group (the command and what
 * it started, by that group's id) is terminated and the promise rejects with the output so far.
 */
export function exec(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const kill = (signal: NodeJS.Signals): void => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch {
        // already gone
      }
    };
    const timer = setTimeout(() => {
      kill("SIGTERM");
      setTimeout(() => { kill("SIGKILL"); }, 5_000).unref();
      reject(new Error(`\`${command} ${args.join(" ")}\` took over ${options.timeoutMs} ms\n${stdout}\n${stderr}`));
    }, options.timeoutMs);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** `exec`, failing with the command's output unless it exits 0. */
export async function execOk(command: string, args: readonly string[], options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number }): Promise<Result> {
  const result = await exec(command, args, options);
  if (result.code !== 0) {
    throw new Error(`\`${command} ${args.join(" ")}\` exited ${result.code} in ${options.cwd}\n${result.stdout}\n${result.stderr}`);
  }
  return result;
}
