// SegMetrics state is coherent across its hosts: what the import host stores, the reporting host
// reads back — by id or email, with tags, orders, subscriptions and sessions, in reports and in the
// paginated customer journey.
import { describe, expect, it } from "vitest";
import { at, call, SEGMETRICS_AUTH, segmetricsPaths, specProblems, useSandbox } from "./harness.ts";

const NOW = Date.parse("2024-06-15T12:00:00Z");
const sandbox = await useSandbox({ now: () => NOW });
const auth = { headers: SEGMETRICS_AUTH };
const post = (path: string, body: unknown): ReturnType<typeof call> => call(sandbox, "POST", path, { headers: SEGMETRICS_AUTH, body });

describe("contacts", () => {
  const { importPath, reporting } = segmetricsPaths("acct-contacts");

  it("are upserted, fetched by id or email, updated by either key, and deleted", async () => {
    expect((await post(`${importPath}/contact`, { contact_id: 249, email: "joey@bloggs.com", first_name: "Joey", custom_fields: { shirt_size: "M", drop: "x" } })).status).toBe(200);
    const byId = await call(sandbox, "GET", `${reporting}/contact/249`, auth);
    const byEmail = await call(sandbox, "GET", `${reporting}/contact/JOEY%40bloggs.com`, auth);
    expect(byId.body).toEqual(byEmail.body);
    expect(byId.body).toMatchObject({ data: { contact_id: "249", email: "joey@bloggs.com", first_name: "Joey", status: "active", custom_fields: { shirt_size: "M", drop: "x" } } });

    // Update by email: fields merge, a null custom field is removed.
    await post(`${importPath}/contact`, { email: "joey@bloggs.com", last_name: "Bloggs", status: "inactive", custom_fields: { drop: null } });
    const updated = await call(sandbox, "GET", `${reporting}/contact/249`, auth);
    expect(updated.body).toMatchObject({ data: { first_name: "Joey", last_name: "Bloggs", status: "inactive", custom_fields: { shirt_size: "M" } } });
    expect(at(updated.body, "data.custom_fields.drop")).toBeUndefined();
    expect(sandbox.state.segmetrics.accounts["acct-contacts"]?.contacts).toHaveLength(1);

    const removed = await call(sandbox, "DELETE", `${importPath}/contact/joey%40bloggs.com`, auth);
    expect(removed.body).toEqual({ id: "joey@bloggs.com", status: "success", object: "contact", deleted: true });
    const gone = await call(sandbox, "GET", `${reporting}/contact/249`, auth);
    expect(gone.status).toBe(404);
    expect(gone.body).toEqual({ status: "error", errors: ['no contact with contact_id or email "249"'] });
    expect((await call(sandbox, "DELETE", `${importPath}/contact/249`, auth)).body).toMatchObject({ deleted: false });
  });

  it("are scoped to their integration on the import host, and read across integrations on the reporting host", async () => {
    const other = segmetricsPaths("acct-contacts", "int-2");
    await post(`${other.importPath}/contact`, { contact_id: "A-1", email: "ann@example.com" });
    expect((await post(`${importPath}/tags/add`, { contact_id: "A-1", tags: ["x"] })).body).toEqual({
      status: "error",
      errors: ["no contact with contact_id A-1 in integration int-1"],
    });
    expect((await call(sandbox, "GET", `${reporting}/contact/A-1`, auth)).status).toBe(200);
  });
});

describe("tags", () => {
  const { importPath, reporting } = segmetricsPaths("acct-tags");

  it("are added by id, name or object, removed by any of them, and shown with extend=tags", async () => {
    await post(`${importPath}/contact`, { contact_id: 7, email: "t@example.com", tags: [{ id: 3, name: "New Lead", date: "2018-10-02 16:15:00" }] });
    await post(`${importPath}/tags/add`, { email: "t@example.com", tags: ["VIP", "New Lead"] });
    await post(`${importPath}/tags/add`, { contact_id: 7, tags: [45] });
    const tagged = await call(sandbox, "GET", `${reporting}/contact/7?extend=tags`, auth);
    expect(at(tagged.body, "data.tags")).toEqual([
      { tag_id: "3", name: "New Lead", contact_id: "7", date_created: "2018-10-02T16:15:00+00:00" },
      { tag_id: "sbx-tag-1", name: "VIP", contact_id: "7", date_created: "2024-06-15T12:00:00+00:00" },
      { tag_id: "45", name: "Tag 45", contact_id: "7", date_created: "2024-06-15T12:00:00+00:00" },
    ]);
    await post(`${importPath}/tags/remove`, { contact_id: 7, tags: ["New Lead"] });
    await post(`${importPath}/tags/remove`, { contact_id: 7, tags: [{ id: 45, name: "Tag 45" }] });
    const left = await call(sandbox, "GET", `${reporting}/contact/t%40example.com?extend=tags`, auth);
    expect(at(left.body, "data.tags")).toEqual([{ tag_id: "sbx-tag-1", name: "VIP", contact_id: "7", date_created: "2024-06-15T12:00:00+00:00" }]);
    // Without extend, only the core data.
    expect(at((await call(sandbox, "GET", `${reporting}/contact/7`, auth)).body, "data.tags")).toBeUndefined();
  });
});

describe("invoices, subscriptions and sessions", () => {
  const { importPath, reporting, track } = segmetricsPaths("acct-money");

  it("show in the customer journey and in the reports, and invoices outlive their contact", async () => {
    await post(`${importPath}/contact`, { contact_id: 1, email: "buyer@example.com", date_created: "2024-06-01 09:00:00", utm_source: "google", utm_medium: "cpc" });
    await post(`${importPath}/contact`, { contact_id: 2, email: "lead@example.com", date_created: "2024-06-03 09:00:00", utm_source: "facebook" });
    await post(`${importPath}/invoice`, {
      contact_id: 1,
      id: 900,
      amount: 4500,
      paid: 4500,
      tax: 500,
      date_created: "2024-06-02 10:00:00",
      items: [
        { name: "Round Tuit", product_id: 11, amount: 4000 },
        { name: "Uber Trinket", product_id: 12, amount: 500, subscription_id: 77 },
      ],
    });
    await post(`${importPath}/subscription`, {
      contact_id: 1, id: 77, amount: 1500, product_id: 12, name: "Trinket Club", start_date: "2024-06-02 10:00:00",
      last_bill_date: "2024-06-02 10:00:00", billing_cycle: "month", frequency: 1, quantity: 2,
    });
    await call(sandbox, "GET", `${track}/identify?account_id=acct-money&seg_uid=uid-1&email=buyer%40example.com`);

    const journey = await call(sandbox, "GET", `${reporting}/contact/1?extend=orders,subscriptions,events`, auth);
    expect(specProblems("segmetrics", "getContact", journey)).toEqual([]);
    expect(at(journey.body, "data.orders.0")).toMatchObject({ order_id: "900", contact_id: "1", is_paid: true, total: 4500, total_tax: 500, subtotal: 4000, total_paid: 4500 });
    expect(at(journey.body, "data.orders.0.line_items.1")).toMatchObject({ order_item_id: "900-2", product_id: "12", subscription_id: "77", order_type: "subscription" });
    expect(at(journey.body, "data.subscriptions")).toEqual([expect.objectContaining({ subscription_id: "77", status: "active", quantity: 2, billing_cycle: "month" })]);
    expect(at(journey.body, "data.events")).toEqual([expect.objectContaining({ type: "identify", uid: "uid-1", contact_id: "1", date_created: "2024-06-15T12:00:00+00:00" })]);

    const june = "start=2024-06-01&end=2024-06-30";
    const leads = await call(sandbox, "GET", `${reporting}/report/leads?${june}`, auth);
    expect(at(leads.body, "kpis")).toEqual(expect.arrayContaining([
      expect.objectContaining({ key: "leads", value: 2 }),
      expect.objectContaining({ key: "numOfCustomers", value: 1 }),
      expect.objectContaining({ key: "conversionRate", value: 50 }),
      expect.objectContaining({ key: "revenue", value: 4500 }),
    ]));
    expect(at(leads.body, "table.rows")).toEqual([
      { channel: "paid", leads: 1, numOfCustomers: 1, conversionRate: 100, revenue: 4500, leadValue: 4500 },
      { channel: "social", leads: 1, numOfCustomers: 0, conversionRate: 0, revenue: 0, leadValue: 0 },
    ]);
    expect(at(leads.body, "graph.labels")).toHaveLength(30);
    expect((at(leads.body, "graph.datasets.0.data") as number[]).slice(0, 3)).toEqual([1, 0, 1]);

    const revenue = await call(sandbox, "GET", `${reporting}/report/revenue?${june}&scale=week`, auth);
    expect(at(revenue.body, "kpis.0")).toMatchObject({ key: "revenue", value: 4500 });
    expect(at(revenue.body, "graph.labels")).toEqual(["2024-05-27", "2024-06-03", "2024-06-10", "2024-06-17", "2024-06-24"]);
    expect(at(revenue.body, "graph.datasets.0.data")).toEqual([4500, 0, 0, 0, 0]);

    const subscriptions = await call(sandbox, "GET", `${reporting}/report/subscriptions?${june}&scale=month`, auth);
    expect(at(subscriptions.body, "kpis")).toEqual(expect.arrayContaining([
      expect.objectContaining({ key: "activeSubscriptions", value: 1 }),
      expect.objectContaining({ key: "mrr", value: 3000 }),
    ]));

    // Deleting the contact keeps its invoice ("will not delete any invoices or purchases").
    await call(sandbox, "DELETE", `${importPath}/contact/1`, auth);
    const after = await call(sandbox, "GET", `${reporting}/report/revenue?${june}`, auth);
    expect(at(after.body, "kpis.0")).toMatchObject({ key: "revenue", value: 4500 });
    // …until the invoice itself is deleted.
    expect((await call(sandbox, "DELETE", `${importPath}/invoice/900`, auth)).body).toEqual({ id: "900", status: "success", object: "invoice", deleted: true });
    expect(at((await call(sandbox, "GET", `${reporting}/report/revenue?${june}`, auth)).body, "kpis.0.value")).toBe(0);
  });

  it("a subscription needs an existing contact, as documented", async () => {
    const answer = await post(`${importPath}/subscription`, {
      email: "nobody@example.com", id: 1, amount: 1, product_id: 1, start_date: "2024-01-01", last_bill_date: "2024-01-01", billing_cycle: "year", frequency: 1,
    });
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ status: "error", errors: ["no contact with email nobody@example.com in integration int-1"] });
  });
});

describe("report contacts", () => {
  const { importPath, reporting } = segmetricsPaths("acct-pages");

  it("are paginated with limit and page, and meta says where the page is", async () => {
    for (let n = 1; n <= 5; n++) await post(`${importPath}/contact`, { contact_id: n, email: `p${n}@example.com`, date_created: `2024-06-0${n} 08:00:00` });
    const page = async (query: string): Promise<{ ids: unknown; meta: unknown }> => {
      const answer = await call(sandbox, "GET", `${reporting}/report/leads/contacts?start=2024-06-01&end=2024-06-30&${query}`, auth);
      expect(specProblems("segmetrics", "getReportContacts", answer)).toEqual([]);
      return { ids: (at(answer.body, "data") as { contact_id: string }[]).map((c) => c.contact_id), meta: at(answer.body, "meta") };
    };
    const path = `${sandbox.url}${reporting}/report/leads/contacts`;
    expect(await page("limit=2")).toEqual({ ids: ["1", "2"], meta: { current_page: 1, from: 1, last_page: 3, path, per_page: 2, to: 2, total: 5 } });
    expect(await page("limit=2&page=3")).toEqual({ ids: ["5"], meta: { current_page: 3, from: 5, last_page: 3, path, per_page: 2, to: 5, total: 5 } });
    expect(await page("limit=2&page=4")).toEqual({ ids: [], meta: { current_page: 4, from: null, last_page: 3, path, per_page: 2, to: null, total: 5 } });
    expect((await page("")).meta).toMatchObject({ per_page: 20, last_page: 1, total: 5 });
  });

  it("take relative dates in PHP's format", async () => {
    // NOW is 2024-06-15: "-12 day" is 2024-06-03, so contacts 3, 4 and 5 are in.
    const answer = await call(sandbox, "GET", `${reporting}/report/leads/contacts?start=-12%20day&end=now`, auth);
    expect((at(answer.body, "data") as { contact_id: string }[]).map((c) => c.contact_id)).toEqual(["3", "4", "5"]);
    const report = await call(sandbox, "GET", `${reporting}/report/leads?start=first%20day%20of%20this%20month&end=yesterday`, auth);
    expect(at(report.body, "report.date_range")).toMatchObject({ start: "first day of this month", end: "yesterday", start_date: "2024-06-01", end_date: "2024-06-14" });
    const bad = await call(sandbox, "GET", `${reporting}/report/leads?start=someday`, auth);
    expect(bad.status).toBe(400);
    expect(bad.body).toEqual({ status: "error", errors: ['query parameter \'start\' is neither an ISO-8601 date nor a relative date-time: "someday"'] });
  });
});
