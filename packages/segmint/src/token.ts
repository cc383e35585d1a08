// The token exchange behind every Segmint call: `POST /auth/v1/token?grant_type=token` with HTTP
// Basic credentials, through @seg/core's `tokenEndpointClient` (the vendor's own client, without
// the user's middleware). Caching, sharing and renewal are @seg/core's `tokenExchangeAuth`; this
// file only knows how to ask for a token and read the answer.
import { readTokenResponse, tokenEndpointClient, unwrap, type ExchangedToken, type TokenEndpoint } from "@seg/core";
import { operations, servers } from "./generated/operations.ts";
import type { paths } from "./generated/schema.ts";

/** A function that exchanges the credentials for a fresh token. */
export function tokenExchange(endpoint: TokenEndpoint): () => Promise<ExchangedToken> {
  const client = tokenEndpointClient<paths>({ vendor: "segmint", servers, operations }, endpoint);
  return async () => {
    // Read as text and parsed by readTokenResponse: a JSON parse error must never quote the body (the token).
    const result = await client.POST("/auth/v1/token", { params: { query: { grant_type: "token" } }, parseAs: "text" });
    const text: unknown = unwrap(result); // a string at run time (parseAs "text"), whatever the types say
    return readTokenResponse(text, result.response.status, "segmint createToken");
  };
}
