// The token exchange behind every Segmint call: `POST /auth/v1/token?grant_type=token` with HTTP
// Basic credentials, through its own client so the exchange gets the same retries, timeouts, typed
// errors and redaction as any other call. Caching, sharing and renewal are @seg/core's
// `tokenExchangeAuth`; this file only knows how to ask for a token and read the answer.
import { createVendorClient, readTokenResponse, unwrap, type AuthStrategy, type ExchangedToken, type ServerTable, type TransportOptions } from "@seg/core";
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
    // Read as text and parsed by readTokenResponse: a JSON parse error must never quote the body (the token).
    const result = await client.POST("/auth/v1/token", { params: { query: { grant_type: "token" } }, parseAs: "text" });
    const text: unknown = unwrap(result); // a string at run time (parseAs "text"), whatever the types say
    return readTokenResponse(text, result.response.status, "segmint createToken");
  };
}
