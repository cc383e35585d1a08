import { SegConfigError } from "./errors.ts";

/**
 * A credential from options, else from the environment where one exists (Node, Bun, Deno with
 * env access); missing or blank is a `SegConfigError` naming both places, at construction time.
 */
export function requireCredential(value: string | undefined, field: string, envName: string): string {
  const fromEnv = readEnv(envName);
  const resolved = value ?? fromEnv;
  if (resolved === undefined || resolved.trim() === "") {
    throw new SegConfigError(field, `is required: pass \`${field}\` or set the ${envName} environment variable`);
  }
  return resolved;
}

function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  try {
    return env?.[name];
  } catch {
    return undefined; // Deno without --allow-env throws on access
  }
}
