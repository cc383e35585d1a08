// `--state <file>`: the store read at startup (when the file exists) and written after every change.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { SandboxState } from "./generated/vendors.ts";

export function readStateFile(path: string, normalize: (input: unknown) => SandboxState): SandboxState | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return normalize(JSON.parse(readFileSync(path, "utf8")));
  } catch (error) {
    throw new Error(`cannot read sandbox state from ${path}: ${(error as Error).message}`, { cause: error });
  }
}

/** Writes atomically (a temporary file renamed over the old one), so a crash never leaves half a file. */
export function writeStateFile(path: string, state: SandboxState): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(temporary, path);
}
