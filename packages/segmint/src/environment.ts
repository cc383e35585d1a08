import { checkBaseUrl, environmentBaseUrls, type ServerTable } from "@seg/core";
import { environments } from "./generated/operations.ts";

/** Segmint's environments, by the name the spec gives them (`x-seg-environment`). */
export type SegmintEnvironment = keyof typeof environments;

/**
 * The base URL every call goes to, as core's `baseUrls`: `baseUrl` when given (a proxy, a local
 * server), else the host of `environment`; with neither, core uses `SEGMINT_BASE_URL` or the
 * production host. Checked here, so a typo fails when the client is created.
 */
export function segmintBaseUrls(environment: string | undefined, baseUrl: string | undefined): ServerTable | undefined {
  if (baseUrl !== undefined) return { api: checkBaseUrl(baseUrl, "baseUrl") };
  return environmentBaseUrls(environments, environment);
}
