import {
  createVendorClient,
  headerKeyAuth,
  optionalCredential,
  requireCredential,
  SegConfigError,
  userAgent,
  type AuthStrategy,
  type ClientMethod,
  type TransportOptions,
  type VendorClient,
} from "@seg/core";
import { name, version } from "../package.json" with { type: "json" };
import { operations, servers } from "./generated/operations.ts";
import type { SegmetricsPath, SegmetricsPaths } from "./paths.ts";
import { reportContacts, type ReportContactsPages } from "./report-contacts.ts";

/** SegMetrics' three hosts: the import API, the tracking endpoint and the reporting API. */
export type SegmetricsHost = keyof typeof servers;

export interface SegmetricsOptions extends TransportOptions {
  /** Account API id, from the Account Settings page. Default: `SEGMETRICS_ACCOUNT_ID`. */
  accountId?: string;
  /** Id of the integration the import API writes to. Default: `SEGMETRICS_INTEGRATION_ID`. */
  integrationId?: string;
  /**
   * API key, sent as `Authorization: <key>`. Default: `SEGMETRICS_API_KEY`. Optional: identify needs
   * none (so a web page can call it); any other call without it rejects with `SegConfigError`
   * (field `apiKey`) before anything is sent.
   */
  apiKey?: string;
  /**
   * Replace a host's base URL (a sandbox, a proxy). `{account_id}` and `{integration_id}` in it are
   * filled in like the real ones.
   */
  baseUrls?: Partial<Record<SegmetricsHost, string>>;
}

/** Every documented SegMetrics operation, typed from the spec, plus the report-contacts iterator. */
export interface SegmetricsClient extends VendorClient<SegmetricsPaths, { [Method in ClientMethod]: SegmetricsPath<Method> }> {
  /** Every contact of a report, across pages; see `ReportContactsPages`. */
  reportContacts: ReportContactsPages;
}

/** Without a key: the anonymous identify is sent; any call that needs the key is refused unsent. */
const NO_KEY: AuthStrategy = {
  headers: () => {
    throw new SegConfigError("apiKey", "is required for every call but identify: pass `apiKey` or set the SEGMETRICS_API_KEY environment variable");
  },
  headerNames: ["authorization"],
  secrets: () => [],
};

/**
 * One configured client for all three SegMetrics hosts. Account and integration ids go into each
 * URL for you; the API key goes into each authenticated request.
 *
 *     const segmetrics = createSegmetricsClient({ accountId, integrationId, apiKey });
 *     await segmetrics.POST("/contact", { body: { email: "joey@bloggs.com", first_name: "Joey" } });
 */
export function createSegmetricsClient(options: SegmetricsOptions = {}): SegmetricsClient {
  const accountId = requireCredential(options.accountId, "accountId", "SEGMETRICS_ACCOUNT_ID");
  const integrationId = requireCredential(options.integrationId, "integrationId", "SEGMETRICS_INTEGRATION_ID");
  const apiKey = optionalCredential(options.apiKey, "SEGMETRICS_API_KEY", "apiKey");
  const client = createVendorClient<SegmetricsPaths>({
    ...options,
    vendor: "segmetrics",
    servers,
    operations,
    variables: { account_id: accountId, integration_id: integrationId, accountId },
    // The docs show the raw key, with no "Bearer" prefix.
    auth: apiKey === undefined ? NO_KEY : headerKeyAuth({ header: "Authorization", key: apiKey, field: "apiKey" }),
    userAgent: userAgent({ name, version }),
    // `extend` is one comma-separated value (`extend=tags,events`), not repeated keys.
    querySerializer: { array: { style: "form", explode: false } },
  });
  return { ...client, reportContacts: reportContacts(client) };
}
