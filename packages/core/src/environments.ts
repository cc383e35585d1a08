// A vendor whose spec names environments (`x-seg-environment`: production, stage, …) of the same
// hosts: the client's `environment` option picks one, checked when the client is created.
import { SegConfigError } from "./errors.ts";
import type { ServerTable } from "./operations.ts";

/**
 * The chosen environment's host URLs, as core's `baseUrls` (an explicit choice, so it wins over
 * `<VENDOR>_BASE_URL`); `undefined` when none is chosen (the spec's first is the default).
 */
export function environmentBaseUrls(environments: Readonly<Record<string, ServerTable>>, environment: string | undefined, field = "environment"): ServerTable | undefined {
  if (environment === undefined) return undefined;
  const chosen = Object.hasOwn(environments, environment) ? environments[environment] : undefined;
  if (chosen === undefined) throw new SegConfigError(field, `must be one of ${Object.keys(environments).join(", ")}`);
  return chosen;
}
