// Contract: @seg/segmetrics, as its README documents it, against the sandbox — every documented
// operation, the reportContacts iterator, typed errors, and @seg/core's retry rules end to end.
import { createSegmetricsClient, SegApiError, SegConnectionError, unwrap, type SegmetricsClient } from "@seg/segmetrics";
import { beforeEach, describe, expect, it } from "vitest";
import type { LogEntry } from "../src/index.ts";
import { useSandbox } from "./harness.ts";

const sandbox = await useSandbox({ now: () => Date.parse("2024-06-15T12:00:00Z") });
const client = (options: Partial<Parameters<typeof createSegmetricsClient>[0]> = {}): SegmetricsClient =>
  createSegmetricsClient({ ...sandbox.clientOptions.segmetrics, retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...options });
const segmetrics = client();
const callsTo = (operationId: string, since: number): LogEntry[] => sandbox.log.filter((e) => e.operationId === operationId && e.seq > since);
const lastSeq = (): number => sandbox.log.at(-1)?.seq ?? 0;

beforeEach(() => {
  sandbox.setFaults([]);
});

describe("every documented operation", () => {
  it("import API: contacts, tags, orders, subscriptions, products, ads", async () => {
    expect(unwrap(await segmetrics.POST("/contact", { body: { contact_id: 249, email: "joey@bloggs.com", first_name: "Joey", tags: ["New Lead"] } }))).toEqual({ status: "success" });
    expect(unwrap(await segmetrics.POST("/tags/add", { body: { contact_id: 249, tags: [3, 45, 8] } }))).toEqual({ status: "success" });
    expect(unwrap(await segmetrics.POST("/tags/remove", { body: { email: "joey@bloggs.com", tags: [45] } }))).toEqual({ status: "success" });
    await segmetrics.POST("/invoice", {
      body: { contact_id: 249, id: 234115, amount: 4500, paid: 4500, date_created: "2024-06-10 11:14:32", items: [{ name: "Round Tuit", product_id: 1556402307145, amount: 4000 }, { name: "Uber Trinket", product_id: 82638, amount: 500 }] },
    });
    unwrap(await segmetrics.POST("/subscription", {
      body: { email: "joey@bloggs.com", id: 77, amount: 4500, product_id: 108, start_date: "2024-06-03 11:14:32", last_bill_date: "2024-06-03 11:14:32", billing_cycle: "month", frequency: 1 },
    }));
    unwrap(await segmetrics.POST("/product", { body: { id: 82638, name: "Uber Trinket" } }));
    unwrap(await segmetrics.POST("/ad/performance", { body: { ad: 5489788855, adcampaign: { id: 1, name: "Summer" }, spend: 4500, clicks: 78, impressions: 1548, date: "2024-06-10" } }));

    const { data: joey } = unwrap(await segmetrics.GET("/contact/{contact_id_or_email}", {
      params: { path: { contact_id_or_email: "joey@bloggs.com" }, query: { extend: ["tags", "orders", "subscriptions"] } },
    }));
    expect(joey).toMatchObject({ contact_id: "249", first_name: "Joey", email: "joey@bloggs.com" });
    expect(joey.tags?.map((t) => t.tag_id)).toEqual(["sbx-tag-1", "3", "8"]);
    expect(joey.orders?.[0]).toMatchObject({ order_id: "234115", total: 4500, line_items: [{ product_name: "Round Tuit" }, { product_name: "Uber Trinket" }] });
    expect(joey.subscriptions).toHaveLength(1);

    expect(unwrap(await segmetrics.DELETE("/subscription/{id}", { params: { path: { id: 77 } } }))).toMatchObject({ object: "subscription", deleted: true });
    expect(unwrap(await segmetrics.DELETE("/invoice/{id}", { params: { path: { id: 234115 } } }))).toMatchObject({ object: "invoice", deleted: true });
    expect(unwrap(await segmetrics.DELETE("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: 249 } } }))).toEqual({
      id: "249", status: "success", object: "contact", deleted: true,
    });
  });

  it("tracking: identify fills in account_id and sends no API key", async () => {
    const before = lastSeq();
    const { response } = await segmetrics.GET("/identify", { params: { query: { seg_uid: "uid-9", email: "john@example.com" } } });
    expect(response.status).toBe(200);
    expect(callsTo("identifyContact", before)).toHaveLength(1);
    expect(sandbox.state.segmetrics.accounts["sandbox-account"]?.identifies.at(-1)).toMatchObject({ seg_uid: "uid-9", email: "john@example.com" });
  });

  it("reporting: reports with relative dates, saved reports, customer journey pages", async () => {
    for (let n = 1; n <= 45; n++) unwrap(await segmetrics.POST("/contact", { body: { contact_id: `L-${n}`, email: `lead${n}@example.com` } }));
    const report = unwrap(await segmetrics.GET("/report/{report_type}", { params: { path: { report_type: "leads" }, query: { start: "-30 day", end: "now", scale: "week" } } }));
    expect(report.kpis.find((k) => k.key === "leads")?.value).toBe(45);
    const saved = unwrap(await segmetrics.GET("/report/{report_type}/{report_id}", { params: { path: { report_type: "ads", report_id: 12 }, query: { start: "2024-06-01", end: "2024-06-30" } } }));
    expect(saved.report.name).toBe("Ads Report #12");
    expect(saved.kpis.find((k) => k.key === "spend")?.value).toBe(4500);

    const before = lastSeq();
    const ids: string[] = [];
    for await (const contact of segmetrics.reportContacts({ report_type: "leads", start: "-1 day", limit: 20, extend: ["tags"] })) ids.push(contact.contact_id);
    expect(ids).toEqual(Array.from({ length: 45 }, (_, i) => `L-${i + 1}`));
    expect(callsTo("getReportContacts", before)).toHaveLength(3);

    const savedPage = unwrap(await segmetrics.GET("/report/{report_type}/{report_id}/contacts", { params: { path: { report_type: "leads", report_id: "7" }, query: { limit: 5, page: 9 } } }));
    expect(savedPage.meta).toMatchObject({ current_page: 9, last_page: 9, total: 45, from: 41, to: 45 });
  });
});

describe("errors arrive typed", () => {
  it("a 400 is a SegApiError with the documented body", async () => {
    const error = await segmetrics.POST("/tags/add", { body: { contact_id: "nobody", tags: [1] } }).then(unwrap).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SegApiError);
    expect(error).toMatchObject({ kind: "bad_request", status: 400, vendor: "segmetrics", operation: "addTagsToContact", body: { status: "error", errors: ["no contact with contact_id nobody in integration sandbox-integration"] } });
  });

  // A wrong API key: test/contract.test.ts, for every vendor.
  it("an unknown contact is not_found (the spec declares no 404)", async () => {
    const missing = await segmetrics.GET("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: "ghost@example.com" } } }).then(unwrap).catch((e: unknown) => e);
    expect(missing).toMatchObject({ kind: "not_found", status: 404 });
  });
});

describe("@seg/core's retry rules, end to end", () => {
  it("an idempotent call is retried through 503s and succeeds", async () => {
    await segmetrics.POST("/contact", { body: { email: "retry@example.com" } });
    sandbox.setFaults(["segmetrics:getContact:status=503:times=2"]);
    const before = lastSeq();
    const { data } = unwrap(await segmetrics.GET("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: "retry@example.com" } } }));
    expect(data.email).toBe("retry@example.com");
    expect(callsTo("getContact", before).map((e) => e.result)).toEqual([503, 503, 200]);
  });

  it("a 429 with Retry-After is retried; a reset connection too", async () => {
    sandbox.setFaults(["segmetrics:getReport:status=429:retry-after=0:times=1", "segmetrics:getReport:reset:times=1"]);
    const before = lastSeq();
    unwrap(await segmetrics.GET("/report/{report_type}", { params: { path: { report_type: "revenue" } } }));
    expect(callsTo("getReport", before).map((e) => e.result)).toEqual([429, "reset", 200]);
  });

  it("a reset on a call that is not idempotent surfaces as a connection error, sent once", async () => {
    sandbox.setFaults(["segmetrics:addProduct:reset"]);
    const before = lastSeq();
    const error = await segmetrics.POST("/product", { body: { id: 5, name: "Widget" } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SegConnectionError);
    expect(callsTo("addProduct", before)).toHaveLength(1);
  });
});

describe("inputs as the docs write them", () => {
  it("reporting: extend as the docs write it (\"tags,orders\") reads the same as the list", async () => {
    unwrap(await segmetrics.POST("/contact", { body: { email: "extend@example.com", tags: ["VIP"] } }));
    const contact = { contact_id_or_email: "extend@example.com" };
    const written = unwrap(await segmetrics.GET("/contact/{contact_id_or_email}", { params: { path: contact, query: { extend: "tags,orders" } } }));
    const listed = unwrap(await segmetrics.GET("/contact/{contact_id_or_email}", { params: { path: contact, query: { extend: ["tags", "orders"] } } }));
    expect(written).toEqual(listed);
    expect(written.data.tags?.map((t) => t.name)).toEqual(["VIP"]);
    expect(written.data.orders).toEqual([]);
  });
});
