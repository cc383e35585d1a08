import { SegApiError, SegConfigError, type PersonKey, type VendorAdapter } from "@seg/core";
import { createSegmetricsClient, type SegmetricsClient } from "@seg/segmetrics";
import { segmetricsAdapter } from "@seg/segmetrics/adapter";
import { startTestServer, type Handler, type TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { createSeg, SegAggregateError, type Seg } from "../src/index.ts";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A SegMetrics adapter (keyed by email unless told otherwise) in front of a real local server. */
async function segmetrics<Key extends PersonKey = "email">(handler: Handler, options: { apiKey?: string; personKey?: Key } = {}) {
  const { apiKey = "k", personKey = "email" as Key } = options;
  const server = await startTestServer(handler);
  servers.push(server);
  const client = createSegmetricsClient({
    accountId: "acc",
    integrationId: "int",
    apiKey,
    retry: false,
    baseUrls: { import: `${server.url}/import`, reporting: `${server.url}/reporting`, track: `${server.url}/track` },
  });
  return { server, adapter: segmetricsAdapter(client, { personKey }) };
}

const ok: Handler = () => ({ status: 200, json: { status: "success" } });

describe("unified calls through the SegMetrics adapter", () => {
  it("upsertPerson maps names, external id, phone and attributes onto a contact", async () => {
    const { server, adapter } = await segmetrics(ok, { personKey: "externalId" });
    const outcomes = await createSeg({ segmetrics: adapter }).upsertPerson({
      externalId: "crm-249",
      email: "joey@bloggs.com",
      firstName: "Joey",
      lastName: "Bloggs",
      phone: "+1 555 0100",
      attributes: { shirt_size: "Medium" },
    });
    expect(outcomes.segmetrics).toMatchObject({ status: "ok", vendor: "segmetrics", value: { status: "success" } });
    expect(server.requests[0]?.path).toBe("/import/contact");
    expect(server.requests[0]?.json()).toEqual({
      contact_id: "crm-249",
      email: "joey@bloggs.com",
      first_name: "Joey",
      last_name: "Bloggs",
      custom_fields: { shirt_size: "Medium", phone: "+1 555 0100" },
    });
  });

  it("recordPurchase sends integer cents, an item's unit price per unit bought, and the import date format", async () => {
    const { server, adapter } = await segmetrics(ok);
    await createSeg({ segmetrics: adapter }).recordPurchase({
      person: { email: "joey@bloggs.com" },
      orderId: "A-1",
      totalCents: 4500,
      date: new Date("2018-10-03T11:14:32Z"),
      items: [
        { sku: "tuit", name: "Round Tuit", priceCents: 2000, quantity: 2 },
        { sku: "trinket", name: "Uber Trinket", priceCents: 500 },
      ],
    });
    expect(server.requests[0]?.json()).toEqual({
      email: "joey@bloggs.com",
      id: "A-1",
      amount: 4500,
      paid: 4500,
      date_created: "2018-10-03 11:14:32",
      // The docs: an item's `amount` is "Product Price in Cents"; items have no quantity field.
      items: [
        { name: "Round Tuit", product_id: "tuit", amount: 2000 },
        { name: "Round Tuit", product_id: "tuit", amount: 2000 },
        { name: "Uber Trinket", product_id: "trinket", amount: 500 },
      ],
    });
  });

  it.each([
    ["addTags", "/import/tags/add"],
    ["removeTags", "/import/tags/remove"],
  ] as const)("%s sends tag names for the contact", async (operation, path) => {
    const { server, adapter } = await segmetrics(ok, { personKey: "externalId" });
    await createSeg({ segmetrics: adapter })[operation]({ externalId: "249" }, ["New Lead", "VIP"]);
    expect(server.requests[0]?.path).toBe(path);
    expect(server.requests[0]?.json()).toEqual({ contact_id: "249", tags: ["New Lead", "VIP"] });
  });

  it.each([
    ["externalId", "/reporting/contact/249?extend=tags,orders"],
    ["email", "/reporting/contact/joey%40bloggs.com?extend=tags,orders"],
  ] as const)("getProfile reads the contact by its key (%s), whatever else the person carries", async (personKey, want) => {
    const reply: Handler = () => ({ status: 200, json: { data: { contact_id: "249", email: "joey@bloggs.com" } } });
    const { server, adapter } = await segmetrics(reply, { personKey });
    const outcomes = await createSeg({ segmetrics: adapter }).getProfile({ externalId: "249", email: "joey@bloggs.com" });
    expect(outcomes.segmetrics).toMatchObject({ status: "ok", value: { contact_id: "249" } });
    expect(server.requests.map((r) => `${r.path}?${r.rawQuery}`)).toEqual([want]);
  });
});

describe("outcomes", () => {
  it("reports each vendor's own result: one ok, one failed with its typed error", async () => {
    const good = await segmetrics(ok);
    const bad = await segmetrics(() => ({ status: 400, json: { status: "error", errors: ["missing 'id' field "] } }));
    const outcomes = await createSeg({ eu: good.adapter, us: bad.adapter }).upsertPerson({ email: "a@b.c" });
    expect(outcomes.eu.status).toBe("ok");
    expect(outcomes.us).toMatchObject({ status: "failed", vendor: "segmetrics" });
    const error = outcomes.us.status === "failed" ? outcomes.us.error : undefined;
    expect(error).toBeInstanceOf(SegApiError);
    expect(error).toMatchObject({ status: 400, operation: "upsertContact", body: { errors: ["missing 'id' field "] } });
  });

  it("strict mode throws an aggregate error that still carries every outcome", async () => {
    const good = await segmetrics(ok);
    const bad = await segmetrics(() => ({ status: 500, json: { status: "error" } }), { apiKey: "secret-key-XYZ-123" });
    const seg = createSeg({ eu: good.adapter, us: bad.adapter }, { strict: true });
    const error = await seg.addTags({ email: "a@b.c" }, ["x"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SegAggregateError);
    const { outcomes } = error as SegAggregateError;
    expect(outcomes.eu?.status).toBe("ok");
    expect(outcomes.us?.status).toBe("failed");
    expect((error as Error).message).toMatch(/addTags failed for 1 vendor: us/);
    expect(JSON.stringify(error)).not.toContain("secret-key-XYZ-123");
  });

  it("calls vendors concurrently: two 300 ms vendors take about 300 ms, not 600", async () => {
    const slow: Handler = () => ({ status: 200, json: { status: "success" }, delayMs: 300 });
    const a = await segmetrics(slow);
    const b = await segmetrics(slow);
    const started = performance.now();
    const outcomes = await createSeg({ a: a.adapter, b: b.adapter }).upsertPerson({ email: "a@b.c" });
    const elapsed = performance.now() - started;
    expect(outcomes.a.status).toBe("ok");
    expect(outcomes.b.status).toBe("ok");
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(550);
  });

  it("a non-idempotent vendor call keeps its no-retry rule inside the facade", async () => {
    const server = await startTestServer(() => ({ status: 503, json: { status: "error" } }));
    servers.push(server);
    const client = createSegmetricsClient({
      accountId: "acc",
      integrationId: "int",
      apiKey: "k",
      retry: { maxRetries: 3, baseDelayMs: 1 },
      baseUrls: { import: server.url, reporting: server.url, track: server.url },
    });
    const seg = createSeg({ segmetrics: segmetricsAdapter(client, { personKey: "email" }) });
    await seg.recordPurchase({ person: { email: "a@b.c" }, orderId: "1", totalCents: 100, items: [] });
    expect(server.requests).toHaveLength(1); // POST /invoice: not safe to repeat
    await seg.upsertPerson({ email: "a@b.c" });
    expect(server.requests).toHaveLength(1 + 4); // POST /contact: an upsert, retried
  });
});

describe("bad input is refused before any vendor is called", () => {
  type EmailSeg = Seg<{ segmetrics: VendorAdapter<SegmetricsClient, "email"> }>;
  it.each<[string, (seg: EmailSeg) => Promise<unknown>, string]>([
    ["a person with neither email nor externalId", (seg) => seg.upsertPerson({} as never), "person"],
    ["an empty tag list", (seg) => seg.addTags({ email: "a@b.c" }, []), "tags"],
    ["a blank tag", (seg) => seg.addTags({ email: "a@b.c" }, ["ok", " "]), "tags[1]"],
    ["a fractional amount of cents", (seg) => seg.recordPurchase({ person: { email: "a@b.c" }, orderId: "1", totalCents: 12.5, items: [] }), "totalCents"],
    [
      "more cents than a number holds exactly",
      (seg) => seg.recordPurchase({ person: { email: "a@b.c" }, orderId: "1", totalCents: 2 ** 53, items: [] }),
      "totalCents",
    ],
    ...[0, -1, 1.5].map((quantity): [string, (seg: EmailSeg) => Promise<unknown>, string] => [
      `an item quantity of ${quantity}`,
      (seg) =>
        seg.recordPurchase({ person: { email: "a@b.c" }, orderId: "1", totalCents: 100, items: [{ sku: "s", name: "n", priceCents: 100, quantity }] }),
      "items[0].quantity",
    ]),
  ])("%s", async (_name, call, field) => {
    const { server, adapter } = await segmetrics(ok);
    const error = await call(createSeg({ segmetrics: adapter })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SegConfigError);
    expect((error as SegConfigError).field).toBe(field);
    expect(server.requests).toHaveLength(0);
  });

  it("a raw client passed without its adapter is refused at construction, with the fix", async () => {
    const { adapter } = await segmetrics(ok);
    expect(() => createSeg({ mystery: adapter.client as never })).toThrow(/mystery: is not a seg vendor adapter: wrap the client/);
  });

  it("an unconfigured vendor looked up at runtime is a clear error", async () => {
    const { adapter } = await segmetrics(ok);
    const seg = createSeg({ segmetrics: adapter });
    expect(seg.vendor("segmetrics")).toBe(adapter.client);
    expect(() => seg.vendor("segmint" as "segmetrics")).toThrow(/segmint: is not configured; configured vendors: segmetrics/);
  });
});
