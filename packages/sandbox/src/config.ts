// The credentials each emulated vendor accepts, and their defaults (documented in the README).

export interface SandboxCredentials {
  /** SegMetrics: the raw `Authorization` header value. Default `sandbox-key`. */
  segmetrics?: { apiKey?: string };
  /** Segmint: the HTTP Basic username and password of the token call. Default `sandbox-user` / `sandbox-password`. */
  segmint?: { username?: string; password?: string };
  /** Segmenter: the `x-api-key` header value. Default `sandbox-key`. */
  segmenter?: { apiKey?: string };
  /**
   * SegmentHub: the body `token` for calls that need one (default `sandbox-token`), and the
   * accounts that exist (default: any account; others get the documented 404).
   */
  segmenthub?: { token?: string; accounts?: readonly string[] };
}

export interface ResolvedCredentials {
  segmetrics: { apiKey: string };
  segmint: { username: string; password: string };
  segmenter: { apiKey: string };
  segmenthub: { token: string; accounts?: readonly string[] };
}

export const DEFAULT_CREDENTIALS: ResolvedCredentials = {
  segmetrics: { apiKey: "sandbox-key" },
  segmint: { username: "sandbox-user", password: "sandbox-password" },
  segmenter: { apiKey: "sandbox-key" },
  segmenthub: { token: "sandbox-token" },
};

/** The given values over the defaults; an `undefined` value keeps the default. */
function over<T extends object>(defaults: T, given: Partial<T> | undefined): T {
  return { ...defaults, ...Object.fromEntries(Object.entries(given ?? {}).filter(([, value]) => value !== undefined)) };
}

export function resolveCredentials(given: SandboxCredentials = {}): ResolvedCredentials {
  return {
    segmetrics: over(DEFAULT_CREDENTIALS.segmetrics, given.segmetrics),
    segmint: over(DEFAULT_CREDENTIALS.segmint, given.segmint),
    segmenter: over(DEFAULT_CREDENTIALS.segmenter, given.segmenter),
    segmenthub: over<ResolvedCredentials["segmenthub"]>(DEFAULT_CREDENTIALS.segmenthub, given.segmenthub),
  };
}

/** Account and integration ids the sandbox's ready-made client options use (any others work too). */
export const SANDBOX_ACCOUNT = "sandbox-account";
export const SANDBOX_INTEGRATION = "sandbox-integration";
