// packages/<vendor>/src/token.ts, for a spec whose bearer token the client obtains itself (the
// operation marked `x-seg-called-by-client`, secured by Basic): how to ask for a token and read the
// answer. Caching, sharing and renewal are @seg/core's `tokenExchangeAuth`.
import type { VendorFacts } from "../facts.ts";

export function tokenTs({ vendor, pascal, exchange }: VendorFacts): string {
  if (!exchange) throw new Error("tokenTs: the spec has no token exchange");
  const method = exchange.method.toUpperCase();
  const entries = Object.entries(exchange.query).map(([name, value]) => `${/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name)}: ${JSON.stringify(value)}`);
  const query = entries.length ? `params: { query: { ${entries.join(", ")} } }, ` : "";
  return `// The token exchange behind every ${pascal} call: \`${method} ${exchange.path}\` with HTTP Basic credentials,
// through @seg/core's \`tokenEndpointClient\` (the vendor's own client, without the user's
// middleware). Caching, sharing and renewal are @seg/core's \`tokenExchangeAuth\`.
import { readTokenResponse, tokenEndpointClient, unwrap, type ExchangedToken, type TokenEndpoint } from "@seg/core";
import { operations, servers } from "./generated/operations.ts";
import type { paths } from "./generated/schema.ts";

/** Exchanges the credentials for a fresh token. */
export function tokenExchange(endpoint: TokenEndpoint): () => Promise<ExchangedToken> {
  const client = tokenEndpointClient<paths>({ vendor: ${JSON.stringify(vendor)}, servers, operations }, endpoint);
  return async () => {
    // Read as text and parsed by readTokenResponse: a JSON parse error must never quote the body (the token).
    const result = await client.${method}(${JSON.stringify(exchange.path)}, { ${query}parseAs: "text" });
    const text: unknown = unwrap(result);
    return readTokenResponse(text, result.response.status, ${JSON.stringify(`${vendor} ${exchange.operationId}`)});
  };
}
`;
}
