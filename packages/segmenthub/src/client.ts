import {
  bodyTokenAuth,
  checkBaseUrl,
  createVendorClient,
  noAuth,
  optionalCredential,
  requireCredential,
  userAgent,
  type ClientMethod,
  type TransportOptions,
  type VendorClient,
} from "@seg/core";
import { name, version } from "../package.json" with { type: "json" };
import { fireEvent, type FireEvent } from "./fire-event.ts";
import { operations, servers } from "./generated/operations.ts";
import type { SegmentHubPath, SegmentHubPaths } from "./paths.ts";

export interface SegmentHubOptions extends TransportOptions {
  /** The account uuid. Default: `SEGMENTHUB_ACCOUNT`. Required. */
  account?: string;
  /**
   * API token (panel → Account → API Tokens), written into the JSON body of every call that needs
   * it — never a header or the URL. Default: `SEGMENTHUB_TOKEN`. Optional: events need none; a call
   * that needs one without it rejects with `SegConfigError` (field `token`) before sending anything.
   */
  token?: string;
  /** Replace `https://api.segmenthub.com` (a proxy, a local server). */
  baseUrl?: string;
}

/** Every documented SegmentHub operation, typed from the spec, plus the event-typed `fireEvent`. */
export interface SegmentHubClient extends VendorClient<SegmentHubPaths, { [Method in ClientMethod]: SegmentHubPath<Method> }> {
  /** POST /campaigns/query with the body typed by event name; see `EventBody`. */
  fireEvent: FireEvent;
}

/**
 * One configured client. `account` (and `token`, where the spec binds it) go into each JSON body for
 * you, so calls pass only what varies.
 *
 *     const segmenthub = createSegmentHubClient({ account, token });
 *     await segmenthub.fireEvent({ event: "pageView", visitorId, platform: "www.example.com" });
 *     await segmenthub.POST("/profiles/query", { body: { profileId: "john@example.com", segments: ["VIP"] } });
 */
export function createSegmentHubClient(options: SegmentHubOptions = {}): SegmentHubClient {
  const { account: accountOption, token: tokenOption, baseUrl, ...transport } = options;
  const account = requireCredential(accountOption, "account", "SEGMENTHUB_ACCOUNT");
  const token = optionalCredential(tokenOption, "SEGMENTHUB_TOKEN", "token");
  const client = createVendorClient<SegmentHubPaths>({
    ...transport,
    vendor: "segmenthub",
    servers,
    operations,
    ...(baseUrl === undefined ? {} : { baseUrls: { api: checkBaseUrl(baseUrl, "baseUrl") } }),
    variables: { account },
    // Without a token nothing is bound to `token`, so core rejects a call that needs one, naming it.
    auth: token === undefined ? noAuth : bodyTokenAuth({ field: "token", token }),
    userAgent: userAgent({ name, version }),
  });
  return { ...client, fireEvent: fireEvent(client, token) };
}

