// The client a vendor's token exchange is sent through (`POST /auth/v1/token` with Basic
// credentials, say): the vendor's own client, so the exchange gets the same retries, timeouts,
// typed errors and redaction as any call; authenticated by the exchange's credentials; redacting
// every token issued so far; and without the user's middleware, which would see the token.
import { createVendorClient, type TransportOptions, type VendorClient } from "../client.ts";
import type { OperationTable, ServerTable } from "../operations.ts";
import type { AuthStrategy } from "./strategy.ts";

/** What a vendor client hands its token exchange: its transport options, hosts and credentials. */
export interface TokenEndpoint extends TransportOptions {
  /** The base URLs chosen for the vendor's hosts (an environment, a sandbox), if any. */
  baseUrls: Readonly<Record<string, string | undefined>> | undefined;
  /** Values for the server URL variables, by name. */
  variables?: Readonly<Record<string, string | undefined>> | undefined;
  /** The credentials the exchange sends (`basicAuth`). */
  credentials: AuthStrategy;
  /** Every secret to redact from the exchange's errors: the credentials and the tokens issued so far. */
  secrets: () => readonly string[];
  userAgent: string;
}

/** The vendor's identity, as its generated operation table gives it. */
export interface TokenEndpointVendor {
  vendor: string;
  servers: ServerTable;
  operations: OperationTable;
}

/** The client to send `vendor`'s token exchange through (see the top of this file). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- openapi-fetch's own constraint on Paths
export function tokenEndpointClient<Paths extends {}>(vendor: TokenEndpointVendor, endpoint: TokenEndpoint): VendorClient<Paths> {
  const { baseUrls, variables, credentials, secrets, userAgent, ...transport } = endpoint;
  return createVendorClient<Paths>({
    ...transport,
    middleware: undefined,
    ...vendor,
    baseUrls,
    ...(variables === undefined ? {} : { variables }),
    auth: { ...credentials, secrets },
    userAgent,
  });
}
