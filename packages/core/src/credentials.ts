import { SegConfigError } from "./errors.ts";
import { checkNoBreaks } from "./header-values.ts";
import { kindOf } from "./url-values.ts";

/**
 * A credential from options, else from the environment where one exists (Node, Bun, Deno with
 * env access); missing or blank is a `SegConfigError` naming both places, at construction time.
 */
export function requireCredential(value: string | undefined, field: string, envName: string): string {
  const resolved = optionalCredential(value, envName, field);
  if (resolved === undefined) {
    throw new SegConfigError(field, `is required: pass \`${field}\` or set the ${envName} environment variable`);
  }
  return resolved;
}

/**
 * A credential some operations need and others do not: from options, else the environment; blank
 * is absent. Anything but a string, or a value with a line break or NUL, is refused (never quoted).
 */
export function optionalCredential(value: string | undefined, envName: string, field: string = envName): string | undefined {
  const resolved: unknown = value ?? readEnv(envName);
  if (resolved === undefined) return undefined;
  if (typeof resolved !== "string") throw new SegConfigError(field, `must be a string (got ${kindOf(resolved)})`);
  return resolved.trim() === "" ? undefined : checkNoBreaks(resolved, field);
}

/** An environment variable where the platform has them; undefined elsewhere or when access is denied. */
export function readEnv(name: string): string | undefined {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  try {
    return env?.[name];
  } catch {
    return undefined; // Deno without --allow-env throws on access
  }
}
