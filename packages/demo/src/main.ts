// `pnpm demo`: starts the sandbox in-process (every vendor API on 127.0.0.1), then uses the vendor
// packages and the facade against it, printing what it did and what each vendor returned. The tour
// shows what is particular to each of four vendors by hand; the vendors it names as served come
// from the sandbox.
import { startSandbox } from "@seg/sandbox";
import { createSeg } from "@seg/sdk";
import { createSegmenterClient, unwrap } from "@seg/segmenter";
import { segmenterAdapter } from "@seg/segmenter/adapter";
import { createSegmentHubClient } from "@seg/segmenthub";
import { segmentHubAdapter } from "@seg/segmenthub/adapter";
import { createSegmetricsClient, SegApiError } from "@seg/segmetrics";
import { segmetricsAdapter } from "@seg/segmetrics/adapter";
import { createSegmintClient } from "@seg/segmint";
import { segmintAdapter } from "@seg/segmint/adapter";
import { section, show } from "./show.ts";

// Faults the demo shows off, from a seed so every run injects the same ones: two 503s on a SegMetrics
// read (retried by @seg/core), one on a SegmentHub event (never retried: it may trigger campaigns).
const sandbox = await startSandbox({
  seed: 42,
  faults: ["segmetrics:getContact:status=503:times=2", "segmenthub:fireEvent:status=503:times=1"],
});
const options = sandbox.clientOptions;
const retries: string[] = [];
const onRetry = ({ attempt, delayMs, error }: { attempt: number; delayMs: number; error: Error }): void => {
  retries.push(`attempt ${attempt} failed (${error.name}), retried after ${delayMs} ms`);
};

try {
  console.log(`seg demo: the sandbox serves ${Object.keys(options).sort().join(", ")} on ${sandbox.url}`);

  section("SegMetrics (@seg/segmetrics)");
  const segmetrics = createSegmetricsClient({ ...options.segmetrics, retry: { baseDelayMs: 50, onRetry } });
  show(
    "POST /contact  upsert Joey with two tags",
    unwrap(await segmetrics.POST("/contact", { body: { contact_id: 249, email: "joey@bloggs.com", first_name: "Joey", tags: ["New Lead", "VIP"] } })),
  );
  show(
    "POST /invoice  record a $45.00 purchase (not retried automatically: it could double revenue)",
    unwrap(
      await segmetrics.POST("/invoice", {
        body: { contact_id: 249, id: 234115, amount: 4500, paid: 4500, date_created: "2024-05-01 10:00:00", items: [{ name: "Round Tuit", product_id: 7, amount: 4500 }] },
      }),
    ),
  );
  const joey = unwrap(
    await segmetrics.GET("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: "joey@bloggs.com" }, query: { extend: ["tags", "orders"] } } }),
  );
  show("GET /contact/joey@bloggs.com?extend=tags,orders  read him back (the sandbox failed it twice with 503)", {
    email: joey.data.email,
    tags: joey.data.tags?.map((t) => t.name),
    orders: joey.data.orders?.map((o) => o.total),
  });
  show("  ...what @seg/core did about the 503s", retries.splice(0));
  try {
    unwrap(await segmetrics.GET("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: "nobody@example.com" } } }));
  } catch (error) {
    if (!(error instanceof SegApiError)) throw error;
    show("GET /contact/nobody@example.com  a vendor error arrives as a typed SegApiError", { kind: error.kind, status: error.status, body: error.body as unknown });
  }

  section("Segmint (@seg/segmint): the bearer token is obtained, cached and sent for you");
  const segmint = createSegmintClient(options.segmint);
  const campaign = await segmint.GET("/campaigns/{campaignId}", { params: { path: { campaignId: "1234" } } });
  show("GET /campaigns/1234  (an unknown id)", { status: campaign.response.status, error: campaign.error });

  section("Segmenter (@seg/segmenter): replacing persons is guarded");
  const segmenter = createSegmenterClient(options.segmenter);
  const created = unwrap(
    await segmenter.createSegment({ name: "Holiday buyers", persons: [{ externalId: "crm-1", email: "jo@example.com", firstName: "Jo" }] }),
  );
  show("createSegment  a segment with one person", created);
  // `persons: []` written out does not compile; a list that comes out empty (a filter that matched
  // nobody) is refused at run time.
  const stillBuying = [{ externalId: "crm-1", ordersThisYear: 0 }].filter((person) => person.ordersThisYear > 0);
  const refused: unknown = await segmenter
    .updateSegment({ id: created.data.id, name: "Holiday buyers", persons: stillBuying.map(({ externalId }) => ({ externalId })) })
    .catch((error: unknown) => error);
  show("updateSegment with persons: []  refused before anything is sent", String(refused));

  section("SegmentHub (@seg/segmenthub): account and token go into each body for you");
  const segmenthub = createSegmentHubClient({ ...options.segmenthub, retry: { onRetry } });
  const visitorId = "6f1c2f0e-8a51-4d8e-9a39-1b2c3d4e5f60";
  const fired = await segmenthub.fireEvent({ event: "pageView", visitorId, platform: "www.example.com", path: "/" });
  show("fireEvent pageView  (the sandbox answers 503 once; an event is never retried)", {
    status: fired.response.status,
    retries: retries.splice(0).length,
  });
  show(
    "POST /profiles/segments  assign VIP to jo@example.com",
    unwrap(await segmenthub.POST("/profiles/segments", { body: { profileId: "jo@example.com", assignees: ["VIP"] } })),
  );

  section("The facade (@seg/sdk): one call, every vendor, one outcome each");
  const seg = createSeg({
    // Each vendor keys a person by one id: SegMetrics contacts by contact_id, SegmentHub profiles by email.
    segmetrics: segmetricsAdapter(segmetrics, { personKey: "externalId" }),
    segmenthub: segmentHubAdapter(segmenthub, { personKey: "email", platform: "www.example.com", visitorIdOf: () => visitorId }),
    segmenter: segmenterAdapter(segmenter),
    segmint: segmintAdapter(segmint),
  });
  const person = { email: "ann@example.com", externalId: "crm-2", firstName: "Ann" };
  for (const [label, run] of [
    ["upsertPerson", () => seg.upsertPerson(person)],
    ["addTags [Newsletter]", () => seg.addTags(person, ["Newsletter"])],
    ["recordPurchase 2 × $9.95", () => seg.recordPurchase({ person, orderId: "A-1", totalCents: 1990, items: [{ sku: "SKU1", name: "Sticker", priceCents: 995, quantity: 2 }] })],
  ] as const) {
    const outcomes = await run();
    show(
      label,
      Object.fromEntries(
        Object.entries(outcomes).map(([name, o]) => [name, o.status === "skipped" ? `skipped: ${o.reason.slice(0, 48)}…` : o.status === "failed" ? `failed: ${o.error.message}` : "ok"]),
      ),
    );
  }

  section("What the sandbox saw");
  console.log(sandbox.log.map((e) => `  ${e.vendor ?? "?"}.${e.operationId ?? e.path} → ${e.result}${e.fault ? ` (injected ${e.fault})` : ""}`).join("\n"));
} finally {
  await sandbox.close();
}
