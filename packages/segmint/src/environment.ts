import { SegConfigError } from "@seg/core";
import { servers } from "./generated/operations.ts";

/** Segmint's hosts, by the name the spec gives them (`x-seg-host`). */
export type SegmintEnvironment = keyof typeof servers;

const ENVIRONMENTS = Object.keys(servers) as SegmintEnvironment[];

/**
 * The base URL every call goes to: `baseUrl` when given (a proxy, a local server), else the host of
 * `environment` (default `production`). Checked here, so a typo fails when the client is created.
 */
export function resolveBaseUrl(environment: SegmintEnvironment | undefined, baseUrl: string | undefined): string {
  if (baseUrl !== undefined) return checkedBaseUrl(baseUrl);
  const chosen = environment ?? "production";
  if (!Object.hasOwn(servers, chosen)) {
    throw new SegConfigError("environment", `must be one of ${ENVIRONMENTS.join(", ")}`);
  }
  return servers[chosen];
}

function checkedBaseUrl(baseUrl: string): string {
  // The URL itself is never echoed: it may carry credentials.
  let url: URL | undefined;
  try {
    url = new URL(baseUrl);
  } catch {
    // reported below
  }
  const problem = !url || !/^https?:$/.test(url.protocol)
    ? "must be an absolute http(s) URL"
    : url.username || url.password
      ? "must not carry credentials (pass `username`, `password`)"
      : url.search || url.hash
        ? "must not have a query string or fragment"
        : undefined;
  if (problem) throw new SegConfigError("baseUrl", problem);
  return baseUrl.replace(/\/+$/, "");
}
