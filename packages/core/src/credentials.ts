import { SegConfigError } from "./errors.ts";

/**
 * A credential from options, else from the environment where one exists (Node, Bun, Deno with
 * env access); missing or blank is a `SegConfigError` naming both places, at construction time.
 */
export function requireCredential(value: string | undefined, field: string, envName: string): string {
  const resolved = optionalCredential(value, envName);
  if (resolved === undefined) {
    throw new SegConfigError(field, `is required: pass \`${field}\` or set the ${envName} environment variable`);
  }
  return resolved;
}

/** A credential some operations need and others do not: from options, else the environment; blank is absent. */
export function optionalCredential(value: string | undefined, envName: string): string | undefined {
  const resolved = value ?? readEnv(envName);
  return resolved === undefined || resolved.trim() === "" ? undefined : resolved;
}

function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  try {
    return env?.[name];
  } catch {
    return undefined; // Deno without --allow-env throws on access
  }
}
