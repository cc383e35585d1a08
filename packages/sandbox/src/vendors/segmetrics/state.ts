// SegMetrics' part of the store: one account per `account_id`, each with what the import and
// track hosts wrote, which the reporting host reads.
import type { CallContext, OperationHandler } from "../module.ts";

export interface SegmetricsTag {
  /** Tag id, as text (the reporting API returns ids as strings). */
  tag_id: string;
  name: string;
  /** ISO date-time the tag was applied. */
  date_created: string;
}

export interface SegmetricsContact {
  /** Sandbox-internal key. */
  key: string;
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

export interface SegmetricsState {
  accounts: Record<string, SegmetricsAccount>;
}

export const emptyState = (): SegmetricsState => ({ accounts: {} });

export function segmetricsAccount(state: SegmetricsState, accountId: string): SegmetricsAccount {
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
    ...state.accounts[accountId],
  };
  state.accounts[accountId] = account;
  return account;
}

export type Context = CallContext<SegmetricsState>;
export type Handler = OperationHandler<SegmetricsState>;
/** The next made-up id of a kind (`CallContext.nextId`). */
export type NextId = Context["nextId"];
