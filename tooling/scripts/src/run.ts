import { spawn } from "node:child_process";

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /**
   * Capture stdout and stderr and resolve whatever the exit code (the caller reads it), instead of
   * printing to this terminal and rejecting on a non-zero exit.
   */
  capture?: boolean;
}

export interface Output {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs one command of a script; how release steps are executed (tests pass a recorder). */
export type Runner = (command: string, args: readonly string[], options: RunOptions) => Promise<Output>;

export class CommandError extends Error {
  override name = "CommandError";
}

export const describeCommand = (command: string, args: readonly string[]): string => [command, ...args].join(" ");

export const run: Runner = (command, args, { cwd, env, capture = false }) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit" });
    let stdout = "";
    let stderr = "";
    child.stdout?.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr?.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    child.once("error", reject);
    child.once("close", (code, signal) => {
      if (capture || code === 0) resolve({ code, stdout, stderr });
      else reject(new CommandError(`\`${describeCommand(command, args)}\` failed (${signal ?? `exit code ${code}`})`));
    });
  });
