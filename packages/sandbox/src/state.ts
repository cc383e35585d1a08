// Everything the sandbox remembers, as plain JSON (so `--state <file>` can persist it and
// `GET /__sandbox/state` can show it). One store for the four vendors; each vendor's handlers own
// their part of it.

export type Id = string;

// ─── SegMetrics ────────────────────────────────────────────────────────────────────────────────

export interface SegmetricsTag {
  /** Tag id, as text (the reporting API returns ids as strings). */
  tag_id: string;
  name: string;
  /** ISO date-time the tag was applied. */
  date_created: string;
}

export interface SegmetricsContact {
  /** Sandbox-internal key. */
  key: Id;
  integration_id: string;
  /** The caller's contact id, as text; absent for contacts known by email only. */
  contact_id?: string;
  email?: string;
  first_name?: string;
  last_name?: string;
  status: "active" | "inactive";
  /** ISO date-time. */
  date_created: string;
  last_updated: string;
  custom_fields: Record<string, string | number | boolean>;
  /** Other documented fields as sent (utm_*, referring_url, ip_address, …). */
  attribution: Record<string, string | number>;
  tags: SegmetricsTag[];
}

export interface SegmetricsInvoiceItem {
  id: string;
  name: string;
  product_id: string;
  amount: number;
  total_paid: number;
  subscription_id?: string;
}

/** An invoice names its contact by id or email; it survives the contact's deletion (as documented). */
export interface ContactRef {
  integration_id: string;
  contact_id?: string;
  email?: string;
}

export interface SegmetricsInvoice extends ContactRef {
  id: string;
  amount: number;
  paid: number;
  is_refunded: boolean;
  discount: number;
  tax: number;
  shipping: number;
  date_created: string;
  items: SegmetricsInvoiceItem[];
}

export interface SegmetricsSubscription extends ContactRef {
  id: string;
  amount: number;
  product_id: string;
  name?: string;
  quantity: number;
  start_date: string;
  last_bill_date: string;
  billing_cycle: "year" | "month" | "week" | "day";
  frequency: number;
  trial_end_date?: string;
  end_date?: string;
  canceled_date?: string;
}

export interface SegmetricsAdPerformance {
  integration_id: string;
  ad: string;
  adset?: string;
  adcampaign?: string;
  spend: number;
  clicks: number;
  impressions: number;
  date: string;
}

export interface SegmetricsIdentify {
  seg_uid: string;
  email: string;
  date_created: string;
}

export interface SegmetricsAccount {
  contacts: SegmetricsContact[];
  /** Tag names by tag id, for tags added by id or by name. */
  tagNames: Record<string, string>;
  invoices: SegmetricsInvoice[];
  subscriptions: SegmetricsSubscription[];
  /** Products by `<integration_id>:<product id>`. */
  products: Record<string, { id: string; name: string; integration_id: string }>;
  /** Ads, ad sets and ad campaigns created through ad performance, by `<kind>:<id>`. */
  adObjects: Record<string, { kind: "ad" | "adset" | "adcampaign"; id: string; name: string; parent?: string }>;
  adPerformance: SegmetricsAdPerformance[];
  identifies: SegmetricsIdentify[];
}

// ─── Segmint ───────────────────────────────────────────────────────────────────────────────────

export interface SegmintToken {
  username: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

// ─── Segmenter ─────────────────────────────────────────────────────────────────────────────────

export interface SegmenterPerson {
  id: Id;
  externalId: string;
  firstName?: string;
  lastName?: string;
  phone?: string;
  email?: string;
  substitutionTags: { tag: string; value: string }[];
}

export interface SegmenterSegment {
  id: Id;
  name: string;
  description?: string;
  broadcastMediumId?: string;
  segmentType?: string;
  tagId?: string;
  filters: unknown[];
  persons: SegmenterPerson[];
}

// ─── SegmentHub ────────────────────────────────────────────────────────────────────────────────

export interface SegmentHubSubject {
  attributes: Record<string, string | string[]>;
  segments: string[];
}

export interface SegmentHubEvent {
  event: string;
  visitorId: string;
  profileId?: string;
  platform: string;
  at: string;
  fields: Record<string, unknown>;
}

export interface SegmentHubAccount {
  profiles: Record<string, SegmentHubSubject>;
  visitors: Record<string, SegmentHubSubject>;
  events: SegmentHubEvent[];
}

// ─── The whole store ───────────────────────────────────────────────────────────────────────────

export interface SandboxState {
  version: 1;
  segmetrics: { accounts: Record<string, SegmetricsAccount> };
  segmint: {
    /** Issued tokens by value. */
    tokens: Record<string, SegmintToken>;
    /** Campaign details by id, as `GET /campaigns/{campaignId}` returns them. */
    campaigns: Record<string, Record<string, unknown>>;
  };
  segmenter: { segments: Record<Id, SegmenterSegment> };
  segmenthub: {
    accounts: Record<string, SegmentHubAccount>;
    /** Campaigns `POST /campaigns/query` returns for every event (the docs only show `[]`). */
    campaigns: Record<string, unknown>[];
  };
  /** Counters behind the ids the sandbox makes up. */
  counters: Record<string, number>;
}

/** The campaigns a fresh sandbox knows. `1234` is absent on purpose: the docs' example of a 404. */
export const DEFAULT_CAMPAIGNS: Readonly<Record<string, Record<string, unknown>>> = {
  "1001": { id: "1001", name: "Spring Savings", status: "active", channel: "email", startDate: "2024-03-01" },
  "1002": { id: "1002", name: "Holiday Rewards", status: "completed", channel: "direct-mail", startDate: "2023-11-15" },
};

export function emptyState(): SandboxState {
  return {
    version: 1,
    segmetrics: { accounts: {} },
    segmint: { tokens: {}, campaigns: structuredClone(DEFAULT_CAMPAIGNS) },
    segmenter: { segments: {} },
    segmenthub: { accounts: {}, campaigns: [] },
    counters: {},
  };
}

/** A state read from a file or a control call, with missing parts filled in. */
export function normalizeState(input: unknown): SandboxState {
  if (typeof input !== "object" || input === null || Array.isArray(input)) throw new Error("state must be a JSON object");
  const given = input as Partial<SandboxState>;
  const version = (input as { version?: unknown }).version;
  if (version !== undefined && version !== 1) throw new Error(`unsupported state version ${JSON.stringify(version)}`);
  const base = emptyState();
  return {
    version: 1,
    segmetrics: { ...base.segmetrics, ...given.segmetrics },
    segmint: { ...base.segmint, ...given.segmint },
    segmenter: { ...base.segmenter, ...given.segmenter },
    segmenthub: { ...base.segmenthub, ...given.segmenthub },
    counters: { ...given.counters },
  };
}

/** The next made-up id of a kind: `prefix` followed by 1, 2, 3 … */
export function nextId(state: SandboxState, kind: string, prefix: string): string {
  const n = (state.counters[kind] ?? 0) + 1;
  state.counters[kind] = n;
  return `${prefix}${n}`;
}

export function segmetricsAccount(state: SandboxState, accountId: string): SegmetricsAccount {
  // Missing parts are filled in, so a state file written by hand (or by an older sandbox) still works.
  const account: SegmetricsAccount = {
    contacts: [],
    tagNames: {},
    invoices: [],
    subscriptions: [],
    products: {},
    adObjects: {},
    adPerformance: [],
    identifies: [],
    ...state.segmetrics.accounts[accountId],
  };
  state.segmetrics.accounts[accountId] = account;
  return account;
}

export function segmentHubAccount(state: SandboxState, account: string): SegmentHubAccount {
  const store: SegmentHubAccount = { profiles: {}, visitors: {}, events: [], ...state.segmenthub.accounts[account] };
  state.segmenthub.accounts[account] = store;
  return store;
}
