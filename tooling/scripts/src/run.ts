import { spawn } from "node:child_process";

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
}

/** Runs one command of a script (output to this terminal); how release steps are executed. */
export type Runner = (command: string, args: readonly string[], options: RunOptions) => Promise<void>;

export class CommandError extends Error {
  override name = "CommandError";
}

/** Runs a command with inherited output; rejects naming the command when it exits non-zero. */
export const run: Runner = (command, args, { cwd, env }) =>
  new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: "inherit" });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new CommandError(`\`${[command, ...args].join(" ")}\` failed (${signal ?? `exit code ${code}`})`));
    });
  });
