import { checkBaseUrl, SegConfigError } from "@seg/core";
import { servers } from "./generated/operations.ts";

/** Segmint's hosts, by the name the spec gives them (`x-seg-host`). */
export type SegmintEnvironment = keyof typeof servers;

/**
 * The base URL every call goes to, as core's `baseUrls`: `baseUrl` when given (a proxy, a local
 * server), else the host of `environment`; with neither, core uses `SEGMINT_BASE_URL` or the
 * production host. Checked here, so a typo fails when the client is created.
 */
export function segmintBaseUrls(environment: string | undefined, baseUrl: string | undefined): { production: string } | undefined {
  if (baseUrl !== undefined) return { production: checkBaseUrl(baseUrl, "baseUrl") };
  if (environment === undefined) return undefined;
  if (!Object.hasOwn(servers, environment)) {
    throw new SegConfigError("environment", `must be one of ${Object.keys(servers).join(", ")}`);
  }
  return { production: servers[environment as SegmintEnvironment] };
}
