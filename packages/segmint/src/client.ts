import {
  basicAuth,
  createVendorClient,
  requireCredential,
  SegConfigError,
  tokenExchangeAuth,
  userAgent,
  type AuthStrategy,
  type ClientMethod,
  type TransportOptions,
  type VendorClient,
} from "@seg/core";
import { name, version } from "../package.json" with { type: "json" };
import { segmintBaseUrls, type SegmintEnvironment } from "./environment.ts";
import { operations, servers } from "./generated/operations.ts";
import type { SegmintPath, SegmintPaths } from "./paths.ts";
import { tokenExchange } from "./token.ts";

export interface SegmintOptions extends TransportOptions {
  /** Username (the vendor also says client id). Default: `SEGMINT_USERNAME`. */
  username?: string;
  /** Password (the vendor also says client secret). Default: `SEGMINT_PASSWORD`. */
  password?: string;
  /** Which Segmint host to use. Default `"production"`; ignored when `baseUrl` is given. */
  environment?: SegmintEnvironment;
  /** Any base URL instead of an environment's host (a proxy, a local server). */
  baseUrl?: string;
  /**
   * How long a token is trusted when the token response states no expiry. Default 15 minutes.
   * Tokens are renewed 30 s (at most half this TTL) before they expire, and at once on a 401.
   */
  tokenTtlMs?: number;
}

/**
 * Every documented Segmint operation, typed from the spec, plus `undocumented(method, path, init)`
 * for the resources the docs name but do not describe (customer insights, data cleansing).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, so editors show this name
export interface SegmintClient extends VendorClient<SegmintPaths, { [Method in ClientMethod]: SegmintPath<Method> }> {}

const DEFAULT_TOKEN_TTL_MS = 15 * 60_000;
const REFRESH_MARGIN_MS = 30_000;

/**
 * A Segmint client that manages its own bearer token: it exchanges the username and password for a
 * token on the first call, reuses it until it expires, renews it once on a 401 and replays the
 * call, and lets concurrent calls share one exchange.
 *
 *     const segmint = createSegmintClient({ username, password });
 *     const campaign = unwrap(await segmint.GET("/campaigns/{campaignId}", { params: { path: { campaignId: 1234 } } }));
 */
export function createSegmintClient(options: SegmintOptions = {}): SegmintClient {
  const { username: givenUsername, password: givenPassword, environment, baseUrl, tokenTtlMs, ...transport } = options;
  const username = requireCredential(givenUsername, "username", "SEGMINT_USERNAME");
  const password = requireCredential(givenPassword, "password", "SEGMINT_PASSWORD");
  const baseUrls = segmintBaseUrls(environment, baseUrl);
  const ttl = tokenTtlMs ?? DEFAULT_TOKEN_TTL_MS;
  if (!Number.isFinite(ttl) || ttl <= 0) throw new SegConfigError("tokenTtlMs", "must be a positive number of milliseconds");
  const agent = userAgent({ name, version });

  const credentials = basicAuth(username, password);
  // The exchange's own errors are redacted of every token issued so far too: a server may quote one.
  // Until `auth` exists (the exchange's client is created first, and may ask), the credentials.
  const issued: { auth?: AuthStrategy } = {};
  const secrets = (): readonly string[] => issued.auth?.secrets() ?? credentials.secrets();
  const auth = tokenExchangeAuth({
    exchange: tokenExchange({ ...transport, baseUrls, credentials, secrets, userAgent: agent }),
    defaultTtlMs: ttl,
    refreshMarginMs: Math.min(REFRESH_MARGIN_MS, ttl / 2),
    // Username, password and their Basic encoding, masked on API calls too.
    secrets: credentials.secrets(),
  });
  issued.auth = auth;

  return createVendorClient<SegmintPaths>({
    ...transport,
    vendor: "segmint",
    servers,
    operations,
    // The chosen environment or base URL, for the one host (`api`).
    baseUrls,
    auth,
    userAgent: agent,
  });
}
