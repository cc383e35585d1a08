import { SegApiError, SegConfigError } from "@seg/core";
import { createSegmetricsClient } from "@seg/segmetrics";
import { segmetricsAdapter } from "@seg/segmetrics/adapter";
import { startTestServer, type Handler, type TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { createSeg, SegAggregateError } from "../src/index.ts";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function segmetrics(handler: Handler, apiKey = "k") {
  const server = await startTestServer(handler);
  servers.push(server);
  const client = createSegmetricsClient({
    accountId: "acc",
    integrationId: "int",
    apiKey,
    retry: false,
    baseUrls: { import: `${server.url}/import`, reporting: `${server.url}/reporting`, track: `${server.url}/track` },
  });
  return { server, adapter: segmetricsAdapter(client) };
}

const ok: Handler = () => ({ status: 200, json: { status: "success" } });

describe("unified calls through the SegMetrics adapter", () => {
  it("upsertPerson maps names, external id, phone and attributes onto a contact", async () => {
    const { server, adapter } = await segmetrics(ok);
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

  it("recordPurchase sends integer cents and the import date format", async () => {
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
      items: [
        { name: "Round Tuit", product_id: "tuit", amount: 4000 },
        { name: "Uber Trinket", product_id: "trinket", amount: 500 },
      ],
    });
  });

  it.each([
    ["addTags", "/import/tags/add"],
    ["removeTags", "/import/tags/remove"],
  ] as const)("%s sends tag names for the contact", async (operation, path) => {
    const { server, adapter } = await segmetrics(ok);
    await createSeg({ segmetrics: adapter })[operation]({ externalId: "249" }, ["New Lead", "VIP"]);
    expect(server.requests[0]?.path).toBe(path);
    expect(server.requests[0]?.json()).toEqual({ contact_id: "249", tags: ["New Lead", "VIP"] });
  });

  it("getProfile reads the contact by external id, else by email", async () => {
    const { server, adapter } = await segmetrics(() => ({ status: 200, json: { data: { contact_id: "249", email: "joey@bloggs.com" } } }));
    const seg = createSeg({ segmetrics: adapter });
    const byId = await seg.getProfile({ externalId: "249", email: "joey@bloggs.com" });
    await seg.getProfile({ email: "joey@bloggs.com" });
    expect(byId.segmetrics).toMatchObject({ status: "ok", value: { contact_id: "249" } });
    expect(server.requests.map((r) => `${r.path}?${r.rawQuery}`)).toEqual([
      "/reporting/contact/249?extend=tags,orders",
      "/reporting/contact/joey%40bloggs.com?extend=tags,orders",
    ]);
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
    const bad = await segmetrics(() => ({ status: 500, json: { status: "error" } }), "secret-key-XYZ-123");
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
    const seg = createSeg({ segmetrics: segmetricsAdapter(client) });
    await seg.recordPurchase({ person: { email: "a@b.c" }, orderId: "1", totalCents: 100, items: [] });
    expect(server.requests).toHaveLength(1); // POST /invoice: not safe to repeat
    await seg.upsertPerson({ email: "a@b.c" });
    expect(server.requests).toHaveLength(1 + 4); // POST /contact: an upsert, retried
  });
});

describe("bad input is refused before any vendor is called", () => {
  it.each([
    ["a person with neither email nor externalId", (seg: ReturnType<typeof createSeg>) => seg.upsertPerson({} as never), "person"],
    ["an empty tag list", (seg: ReturnType<typeof createSeg>) => seg.addTags({ email: "a@b.c" }, []), "tags"],
    ["a blank tag", (seg: ReturnType<typeof createSeg>) => seg.addTags({ email: "a@b.c" }, ["ok", " "]), "tags[1]"],
    [
      "a fractional amount of cents",
      (seg: ReturnType<typeof createSeg>) => seg.recordPurchase({ person: { email: "a@b.c" }, orderId: "1", totalCents: 12.5, items: [] }),
      "totalCents",
    ],
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
