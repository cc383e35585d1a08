// Money reaches each vendor exactly as its docs define it. SegMetrics: every amount is integer cents
// ("Invoice Total in Cents", an item's amount is "Product Price in Cents"). SegmentHub: the purchase
// event's orderTotal is a decimal ("orderTotal": 199.90 in the docs' example). Segmenter and Segmint
// take no money (their adapters skip purchases; see vendors.test.ts).
import { startSandbox, type Sandbox } from "@seg/sandbox";
import { createSegmentHubClient } from "@seg/segmenthub";
import { segmenthubAdapter } from "@seg/segmenthub/adapter";
import { createSegmetricsClient } from "@seg/segmetrics";
import { segmetricsAdapter } from "@seg/segmetrics/adapter";
import { startTestServer, type TestServer } from "@seg/test-server";
import { specExamples } from "@seg/test-server/spec-examples";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createSeg } from "../src/index.ts";

interface DocsInvoice {
  contact_id: number;
  id: number;
  amount: number;
  paid: number;
  date_created: string;
  items: { name: string; product_id: number; amount: number; total_paid: number }[];
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ checkResponses: true });
});
afterAll(async () => {
  await sandbox.close();
});

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

describe("SegMetrics: integer cents, an item's amount is its unit price", () => {
  const sandboxFacade = () =>
    createSeg(
      { segmetrics: segmetricsAdapter(createSegmetricsClient({ ...sandbox.clientOptions.segmetrics, retry: false }), { personKey: "externalId" }) },
      { strict: true },
    );

  it("the docs' own purchase, given as a unified purchase, is sent as the docs' example", async () => {
    const server = await startTestServer(() => ({ status: 200, json: { status: "success" } }));
    servers.push(server);
    const docs = specExamples("segmetrics").requestExample<DocsInvoice>("addInvoice", "purchase");
    const client = createSegmetricsClient({ accountId: "a", integrationId: "i", apiKey: "k", baseUrls: { import: server.url, reporting: server.url, track: server.url } });
    await createSeg({ segmetrics: segmetricsAdapter(client, { personKey: "externalId" }) }, { strict: true }).recordPurchase({
      person: { externalId: String(docs.contact_id) },
      orderId: String(docs.id),
      totalCents: docs.amount,
      date: new Date(`${docs.date_created.replace(" ", "T")}Z`),
      items: docs.items.map((item) => ({ sku: String(item.product_id), name: item.name, priceCents: item.amount })),
    });
    // The unified purchase has ids as text, and no refund flag or per-item paid amount to send.
    expect(server.requests[0]?.json()).toEqual({
      contact_id: String(docs.contact_id),
      id: String(docs.id),
      amount: docs.amount,
      paid: docs.paid,
      date_created: docs.date_created,
      items: docs.items.map(({ name, product_id, amount }) => ({ name, product_id: String(product_id), amount })),
    });
  });

  it("an item bought twice is two line items at its unit price, which add up to the subtotal", async () => {
    sandbox.reset();
    const outcomes = await sandboxFacade().recordPurchase({
      person: { externalId: "crm-7" },
      orderId: "A-7",
      totalCents: 2495,
      items: [
        { sku: "SKU1", name: "Sticker", priceCents: 995, quantity: 2 },
        { sku: "SKU2", name: "Pin", priceCents: 505 },
      ],
    });
    expect(outcomes.segmetrics.status).toBe("ok"); // the sandbox validated the body against the spec
    const [invoice] = sandbox.state.segmetrics.accounts["sandbox-account"]?.invoices ?? [];
    expect(invoice).toMatchObject({ id: "A-7", contact_id: "crm-7", amount: 2495, paid: 2495 });
    expect(invoice?.items.map((item) => [item.id, item.product_id, item.amount])).toEqual([
      ["A-7-1", "SKU1", 995],
      ["A-7-2", "SKU1", 995],
      ["A-7-3", "SKU2", 505],
    ]);
    expect(invoice?.items.reduce((sum, item) => sum + item.amount, 0)).toBe(2495);
  });
});

describe("SegmentHub: orderTotal is the decimal the cents stand for", () => {
  it.each([
    [19990, "199.9"],
    [1005, "10.05"],
    [29, "0.29"],
    [100, "1"],
    [0, "0"],
    [123456789, "1234567.89"],
    [900719925474099, "9007199254740.99"],
  ])("%i cents are sent as orderTotal %s", async (totalCents, want) => {
    const server = await startTestServer(() => ({ status: 200, json: { status: 200, message: "ok", campaigns: [] } }));
    servers.push(server);
    const client = createSegmentHubClient({ account: "acc", baseUrl: server.url });
    const seg = createSeg({ segmenthub: segmenthubAdapter(client, { personKey: "email", platform: "www.example.com", visitorIdOf: () => "v-1" }) });
    await seg.recordPurchase({ person: { email: "jo@example.com" }, orderId: "A-1", totalCents, items: [] });
    expect(server.requests[0]?.body).toContain(`"orderTotal":${want},`);
  });

  it("the sandbox accepts the purchase event and records its total and one SKU per unit", async () => {
    sandbox.reset();
    const client = createSegmentHubClient({ ...sandbox.clientOptions.segmenthub, retry: false });
    const seg = createSeg(
      { segmenthub: segmenthubAdapter(client, { personKey: "email", platform: "www.example.com", visitorIdOf: () => "v-1" }) },
      { strict: true },
    );
    await seg.recordPurchase({
      person: { email: "jo@example.com" },
      orderId: "A-1",
      totalCents: 19990,
      items: [{ sku: "SKU1", name: "One", priceCents: 9995, quantity: 2 }],
    });
    const [event] = sandbox.state.segmenthub.accounts[sandbox.clientOptions.segmenthub.account]?.events ?? [];
    expect(event).toMatchObject({ event: "purchase", profileId: "jo@example.com", fields: { orderId: "A-1", orderTotal: 199.9, purchasedItems: ["SKU1", "SKU1"] } });
  });
});
