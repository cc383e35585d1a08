import { SegError } from "../errors.ts";
import { isSendableHeaderValue } from "../header-values.ts";
import type { AuthStrategy } from "./strategy.ts";

/** What a token exchange returns. `expiresInMs` absent means "use the configured TTL". */
export interface ExchangedToken {
  token: string;
  expiresInMs?: number | undefined;
}

export interface TokenExchangeOptions {
  /** Obtains a fresh token (e.g. Segmint's `POST /auth/v1/token` with Basic credentials). */
  exchange: () => Promise<ExchangedToken>;
  /** Lifetime assumed when the exchange gives none. Default 15 minutes. */
  defaultTtlMs?: number;
  /** Renew this long before the stated expiry, to avoid sending a token that dies in flight. Default 30 s. */
  refreshMarginMs?: number;
  /** Secrets used by `exchange` (username, password), for redaction. */
  secrets?: readonly string[];
  /** Header and prefix for the token. Default `Authorization: Bearer <token>`. */
  header?: string;
  prefix?: string;
  now?: () => number;
}

/** How many issued tokens are remembered for redaction (a server may quote a revoked one). */
const REMEMBERED = 8;

/**
 * A bearer token obtained by an exchange, cached until it expires, renewed once on 401. Concurrent
 * callers share one in-flight exchange, so ten parallel 401s cost one exchange, not ten. A caller
 * that stops waiting (its deadline, its abort) leaves the exchange to the others.
 */
export function tokenExchangeAuth(options: TokenExchangeOptions): AuthStrategy {
  const header = options.header ?? "Authorization";
  const prefix = options.prefix ?? "Bearer ";
  const ttl = options.defaultTtlMs ?? 15 * 60_000;
  const margin = options.refreshMarginMs ?? 30_000;
  const now = options.now ?? Date.now;
  let current: { token: string; expiresAt: number } | undefined;
  let inFlight: Promise<string> | undefined;
  const issued: string[] = [];

  const exchange = (): Promise<string> => {
    inFlight ??= options
      .exchange()
      .then(({ token, expiresInMs }) => {
        issued.push(token);
        if (issued.length > REMEMBERED) issued.shift();
        // Never quoted: it is a secret, whatever else is wrong with it.
        if (typeof token !== "string" || token === "" || !isSendableHeaderValue(token)) {
          throw new SegError("the token exchange issued a token that cannot be sent in a header (empty, or with a line break, a NUL or a character outside Latin-1)");
        }
        current = { token, expiresAt: now() + Math.max(0, (expiresInMs ?? ttl) - margin) };
        return token;
      })
      .finally(() => {
        inFlight = undefined;
      });
    return inFlight;
  };

  const token = async (): Promise<string> => (current && now() < current.expiresAt ? current.token : exchange());

  return {
    headers: async () => ({ [header]: `${prefix}${await token()}` }),
    headerNames: [header.toLowerCase()],
    async renew(rejected) {
      const sent = rejected[header];
      // Only the first caller to see a given token rejected starts an exchange; the others wait for
      // it (or use the token that has replaced it meanwhile).
      if (current && sent === `${prefix}${current.token}`) current = undefined;
      await token();
    },
    secrets: () => [...(options.secrets ?? []), ...issued],
  };
}
