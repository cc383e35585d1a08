// The token exchange behind every Segmint call: `POST /auth/v1/token?grant_type=token` with HTTP
// Basic credentials, through its own client so the exchange gets the same retries, timeouts, typed
// errors and redaction as any other call. Caching, sharing and renewal are @seg/core's
// `tokenExchangeAuth`; this file only knows how to ask for a token and read the answer.
import { createVendorClient, SegError, unwrap, type AuthStrategy, type ExchangedToken, type ServerTable, type TransportOptions } from "@seg/core";
import { operations, servers } from "./generated/operations.ts";
import type { paths } from "./generated/schema.ts";

export interface TokenEndpoint extends TransportOptions {
  baseUrls: ServerTable | undefined;
  /** The HTTP Basic credentials (`basicAuth`). */
  credentials: AuthStrategy;
  /** Every secret to redact from the exchange's errors: the credentials and the tokens issued so far. */
  secrets: () => readonly string[];
  userAgent: string;
}

/**
 * A function that exchanges the credentials for a fresh token. User middleware is deliberately not
 * run on this call: it would see the token in the response.
 */
export function tokenExchange(endpoint: TokenEndpoint): () => Promise<ExchangedToken> {
  const { baseUrls, credentials, secrets, userAgent, ...transport } = endpoint;
  const client = createVendorClient<paths>({
    ...transport,
    middleware: undefined,
    vendor: "segmint",
    servers,
    operations,
    baseUrls,
    auth: { ...credentials, secrets },
    userAgent,
  });
  return async () => {
    // Read as text and parsed in readToken: a JSON parse error must never quote the body (the token).
    const result = await client.POST("/auth/v1/token", { params: { query: { grant_type: "token" } }, parseAs: "text" });
    const text: unknown = unwrap(result); // a string at run time (parseAs "text"), whatever the types say
    return readToken(text, result.response.status);
  };
}

/**
 * The token and its lifetime from a token response. `access_token` is the documented key; `token`
 * is what a third-party client reads. `expires_in` / `expiresIn` (seconds) are unconfirmed: when
 * neither is a positive number, the configured TTL applies.
 */
export function readToken(text: unknown, status: number): ExchangedToken {
  const body = parseObject(text);
  const token = [body?.access_token, body?.token].find((value): value is string => typeof value === "string" && value.trim() !== "");
  if (token === undefined) throw new SegError(`segmint createToken answered HTTP ${status} without "access_token" or "token"`);
  const seconds = [body?.expires_in, body?.expiresIn].map(positiveSeconds).find((value) => value !== undefined);
  return { token, expiresInMs: seconds === undefined ? undefined : seconds * 1000 };
}

function parseObject(text: unknown): Record<string, unknown> | undefined {
  try {
    const value: unknown = typeof text === "string" && text !== "" ? JSON.parse(text) : undefined;
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A lifetime in seconds, as a number or a numeric string; anything else (0, negative, junk) is "none". */
function positiveSeconds(value: unknown): number | undefined {
  const seconds = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}
