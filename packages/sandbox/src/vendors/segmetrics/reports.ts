// The reporting API's numbers, computed from the store: which contacts belong to a report, and the
// KPIs, graph and table of the four report types over a period. Amounts stay in the cents the
// import API took (the reporting docs do not state a unit).
import { BadData } from "../../reply.ts";
import type { SegmetricsAccount, SegmetricsContact, SegmetricsSubscription } from "./state.ts";
import { dayOf, parseImportDate } from "./dates.ts";
import { contactInvoices, contactSubscriptions } from "./journey.ts";

export type ReportType = "leads" | "revenue" | "ads" | "subscriptions";
export type Scale = "day" | "week" | "month";

export interface Period {
  /** As requested (echoed in `date_range`). */
  startText: string;
  endText: string;
  /** Resolved, epoch ms: the first and the last millisecond of the period. */
  start: number;
  end: number;
  scale: Scale;
}

const DAY = 86_400_000;
const MAX_BUCKETS = 1000;

const at = (iso: string): number => parseImportDate(iso) ?? Number.NaN;
const within = (period: Period, iso: string | undefined): boolean => iso !== undefined && at(iso) >= period.start && at(iso) <= period.end;
const round = (n: number, digits = 4): number => Math.round(n * 10 ** digits) / 10 ** digits;
const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

function bucketStart(ms: number, scale: Scale): number {
  const d = new Date(Math.floor(ms / DAY) * DAY);
  if (scale === "week") d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7)); // ISO weeks start on Monday
  if (scale === "month") d.setUTCDate(1);
  return d.getTime();
}

function label(ms: number, scale: Scale): string {
  return scale === "month" ? dayOf(ms).slice(0, 7) : dayOf(ms);
}

function labels(period: Period): string[] {
  const out: string[] = [];
  for (let t = bucketStart(period.start, period.scale); t <= period.end; ) {
    out.push(label(t, period.scale));
    if (out.length > MAX_BUCKETS) throw new BadData(`the period spans more than ${MAX_BUCKETS} ${period.scale}s: use a larger scale`);
    const d = new Date(t);
    if (period.scale === "day") d.setUTCDate(d.getUTCDate() + 1);
    else if (period.scale === "week") d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
    t = d.getTime();
  }
  return out;
}

function series(period: Period, points: { date: string; value: number }[]): number[] {
  const keys = labels(period);
  const sums = new Map(keys.map((key) => [key, 0]));
  for (const point of points) {
    if (!within(period, point.date)) continue;
    const key = label(bucketStart(at(point.date), period.scale), period.scale);
    sums.set(key, (sums.get(key) ?? 0) + point.value);
  }
  return keys.map((key) => sums.get(key) ?? 0);
}

/** The channel a contact came from, from its UTM fields and referrer. */
export function channel(contact: SegmetricsContact): string {
  const medium = String(contact.attribution.utm_medium ?? "").toLowerCase();
  const source = String(contact.attribution.utm_source ?? "").toLowerCase();
  if (/cpc|ppc|paid|display|retarget/.test(medium)) return "paid";
  if (/facebook|instagram|twitter|linkedin|tiktok|pinterest|social|^fb$/.test(`${source} ${medium}`)) return "social";
  if (/e-?mail|newsletter/.test(`${source} ${medium}`)) return "email";
  if (source || contact.attribution.referring_url !== undefined) return "referral";
  return "direct";
}

const isCustomer = (account: SegmetricsAccount, contact: SegmetricsContact): boolean =>
  contactInvoices(account, contact).some((invoice) => invoice.paid > 0 && !invoice.is_refunded);

const isActive = (sub: SegmetricsSubscription, when: number): boolean =>
  at(sub.start_date) <= when &&
  (sub.canceled_date === undefined || at(sub.canceled_date) > when) &&
  (sub.end_date === undefined || at(sub.end_date) > when);

/** Monthly recurring revenue of a subscription, in cents. */
function monthly(sub: SegmetricsSubscription): number {
  const perCycle = (sub.amount * sub.quantity) / sub.frequency;
  const perMonth = { day: 365 / 12, week: 52 / 12, month: 1, year: 1 / 12 }[sub.billing_cycle];
  return perCycle * perMonth;
}

/** The contacts in a report for a period, oldest first, then in import order (the order pages are cut from). */
export function reportContactsOf(account: SegmetricsAccount, type: ReportType, period: Period): SegmetricsContact[] {
  const inReport = (contact: SegmetricsContact): boolean => {
    switch (type) {
      case "leads":
        return within(period, contact.date_created);
      case "ads":
        return within(period, contact.date_created) && channel(contact) === "paid";
      case "revenue":
        return contactInvoices(account, contact).some((invoice) => within(period, invoice.date_created));
      case "subscriptions":
        return contactSubscriptions(account, contact).some((sub) => within(period, sub.start_date) || isActive(sub, period.end));
    }
  };
  return account.contacts
    .filter(inReport)
    .sort((a, b) => at(a.date_created) - at(b.date_created)); // stable: equal dates keep import order
}

interface Metric {
  name: string;
  key: string;
  value: number;
}

const kpi = ({ name, key, value }: Metric): Record<string, unknown> => ({ name, key, value: round(value), type: "NUMBER", aggregation: "SUM" });
const field = (name: string, key: string, type = "NUMBER"): Record<string, unknown> => ({ name, key, type, aggregation: type === "NUMBER" ? "SUM" : null });

interface Computed {
  kpis: Metric[];
  graph: { label: string; points: { date: string; value: number }[] };
  table: { fields: Record<string, unknown>[]; rows: Record<string, string | number>[] };
}

function groupRows<T>(items: readonly T[], keyOf: (item: T) => string, row: (key: string, group: T[]) => Record<string, string | number>): Record<string, string | number>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, group]) => row(key, group));
}

function leads(account: SegmetricsAccount, period: Period): Computed {
  const contacts = reportContactsOf(account, "leads", period);
  const stats = (group: SegmetricsContact[]): { leads: number; customers: number; revenue: number } => {
    const customers = group.filter((c) => isCustomer(account, c));
    const revenue = customers.flatMap((c) => contactInvoices(account, c)).filter((i) => !i.is_refunded).reduce((sum, i) => sum + i.paid, 0);
    return { leads: group.length, customers: customers.length, revenue };
  };
  const total = stats(contacts);
  return {
    kpis: [
      { name: "Leads", key: "leads", value: total.leads },
      { name: "Customers", key: "numOfCustomers", value: total.customers },
      { name: "Conversion Rate", key: "conversionRate", value: 100 * ratio(total.customers, total.leads) },
      { name: "Revenue", key: "revenue", value: total.revenue },
      { name: "Lead Value", key: "leadValue", value: ratio(total.revenue, total.leads) },
    ],
    graph: { label: "Leads", points: contacts.map((c) => ({ date: c.date_created, value: 1 })) },
    table: {
      fields: [field("Channel", "channel", "STRING"), field("Leads", "leads"), field("Customers", "numOfCustomers"), field("Conversion Rate", "conversionRate"), field("Revenue", "revenue"), field("Lead Value", "leadValue")],
      rows: groupRows(contacts, channel, (key, group) => {
        const s = stats(group);
        return { channel: key, leads: s.leads, numOfCustomers: s.customers, conversionRate: round(100 * ratio(s.customers, s.leads)), revenue: s.revenue, leadValue: round(ratio(s.revenue, s.leads)) };
      }),
    },
  };
}

function revenue(account: SegmetricsAccount, period: Period): Computed {
  const invoices = account.invoices.filter((invoice) => within(period, invoice.date_created));
  const paid = invoices.filter((invoice) => !invoice.is_refunded);
  const sum = paid.reduce((total, invoice) => total + invoice.paid, 0);
  const customers = new Set(paid.map((invoice) => `${invoice.integration_id}:${invoice.contact_id ?? invoice.email ?? ""}`));
  const items = paid.flatMap((invoice) => invoice.items.map((item) => ({ invoice: invoice.id, item })));
  return {
    kpis: [
      { name: "Revenue", key: "revenue", value: sum },
      { name: "Orders", key: "numOfOrders", value: paid.length },
      { name: "Customers", key: "numOfCustomers", value: customers.size },
      { name: "Average Order Value", key: "averageOrderValue", value: ratio(sum, paid.length) },
      { name: "Refunds", key: "refunds", value: invoices.filter((i) => i.is_refunded).reduce((total, i) => total + i.paid, 0) },
    ],
    graph: { label: "Revenue", points: paid.map((invoice) => ({ date: invoice.date_created, value: invoice.paid })) },
    table: {
      fields: [field("Product", "product", "STRING"), field("Orders", "numOfOrders"), field("Revenue", "revenue")],
      rows: groupRows(items, ({ item }) => item.name, (key, group) => ({
        product: key,
        numOfOrders: new Set(group.map((g) => g.invoice)).size,
        revenue: group.reduce((total, g) => total + g.item.total_paid, 0),
      })),
    },
  };
}

function subscriptions(account: SegmetricsAccount, period: Period): Computed {
  const active = account.subscriptions.filter((sub) => isActive(sub, period.end));
  return {
    kpis: [
      { name: "New Subscriptions", key: "newSubscriptions", value: account.subscriptions.filter((sub) => within(period, sub.start_date)).length },
      { name: "Active Subscriptions", key: "activeSubscriptions", value: active.length },
      { name: "Canceled Subscriptions", key: "canceledSubscriptions", value: account.subscriptions.filter((sub) => within(period, sub.canceled_date)).length },
      { name: "MRR", key: "mrr", value: active.reduce((total, sub) => total + monthly(sub), 0) },
    ],
    graph: { label: "New Subscriptions", points: account.subscriptions.map((sub) => ({ date: sub.start_date, value: 1 })) },
    table: {
      fields: [field("Product", "product", "STRING"), field("Active Subscriptions", "activeSubscriptions"), field("MRR", "mrr")],
      rows: groupRows(active, (sub) => sub.name ?? sub.product_id, (key, group) => ({
        product: key,
        activeSubscriptions: group.length,
        mrr: round(group.reduce((total, sub) => total + monthly(sub), 0), 2),
      })),
    },
  };
}

function ads(account: SegmetricsAccount, period: Period): Computed {
  const records = account.adPerformance.filter((record) => within(period, record.date));
  const total = (key: "spend" | "clicks" | "impressions", list = records): number => list.reduce((sum, r) => sum + r[key], 0);
  const campaignName = (id: string | undefined): string => (id === undefined ? "(none)" : (account.adObjects[`adcampaign:${id}`]?.name ?? id));
  return {
    kpis: [
      { name: "Spend", key: "spend", value: total("spend") },
      { name: "Clicks", key: "clicks", value: total("clicks") },
      { name: "Impressions", key: "impressions", value: total("impressions") },
      { name: "CTR", key: "ctr", value: 100 * ratio(total("clicks"), total("impressions")) },
      { name: "CPC", key: "cpc", value: ratio(total("spend"), total("clicks")) },
      { name: "Leads", key: "leads", value: reportContactsOf(account, "ads", period).length },
    ],
    graph: { label: "Spend", points: records.map((r) => ({ date: r.date, value: r.spend })) },
    table: {
      fields: [field("Ad Campaign", "adcampaign", "STRING"), field("Spend", "spend"), field("Clicks", "clicks"), field("Impressions", "impressions")],
      rows: groupRows(records, (r) => campaignName(r.adcampaign), (key, group) => ({
        adcampaign: key,
        spend: total("spend", group),
        clicks: total("clicks", group),
        impressions: total("impressions", group),
      })),
    },
  };
}

const NAMES: Record<ReportType, string> = { leads: "Leads Report", revenue: "Revenue Report", ads: "Ads Report", subscriptions: "Subscriptions Report" };

/** The body of `GET /report/{report_type}[/{report_id}]`. */
export function reportData(account: SegmetricsAccount, type: ReportType, reportId: string | undefined, period: Period): Record<string, unknown> {
  const computed = { leads, revenue, subscriptions, ads }[type](account, period);
  return {
    report: {
      // Decision: the sandbox keeps no saved-report definitions; any report_id is the type's report under that id.
      name: reportId === undefined ? NAMES[type] : `${NAMES[type]} #${reportId}`,
      type,
      date_range: {
        start: period.startText,
        end: period.endText,
        duration: null,
        scale: period.scale,
        start_date: dayOf(period.start),
        end_date: dayOf(period.end),
        name: "",
      },
    },
    kpis: computed.kpis.map(kpi),
    graph: { labels: labels(period), datasets: [{ label: computed.graph.label, data: series(period, computed.graph.points) }] },
    table: computed.table,
  };
}
