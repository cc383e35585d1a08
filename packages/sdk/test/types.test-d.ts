import { createSegmenterClient } from "@seg/segmenter";
import { segmenterAdapter } from "@seg/segmenter/adapter";
import { createSegmentHubClient } from "@seg/segmenthub";
import { segmenthubAdapter } from "@seg/segmenthub/adapter";
import { createSegmetricsClient, type SegmetricsClient } from "@seg/segmetrics";
import { segmetricsAdapter } from "@seg/segmetrics/adapter";
import { describe, expectTypeOf, it } from "vitest";
import { createSeg } from "../src/index.ts";

const segmetrics = createSegmetricsClient({ accountId: "a", integrationId: "i", apiKey: "k" });
const segmenthub = createSegmentHubClient({ account: "a", token: "t" });
const seg = createSeg({ segmetrics: segmetricsAdapter(segmetrics, { personKey: "email" }) });

describe("the facade's types", () => {
  it("keeps the raw clients reachable, fully typed", () => {
    expectTypeOf(seg.vendors.segmetrics).toEqualTypeOf<SegmetricsClient>();
    void seg.vendors.segmetrics.POST("/contact", { body: { email: "a@b.c" } });
  });

  it("makes an unconfigured vendor a compile error", () => {
    // @ts-expect-error segmint was not configured
    seg.vendors.segmint;
    // @ts-expect-error segmint was not configured
    seg.vendor("segmint");
  });

  it("returns one outcome per configured vendor", async () => {
    const outcomes = await seg.upsertPerson({ email: "a@b.c" });
    expectTypeOf(outcomes).toHaveProperty("segmetrics");
    // @ts-expect-error only configured vendors have outcomes
    outcomes.segmenthub;
  });

  it("requires an email or an external id", () => {
    const anyId = createSeg({ segmenter: segmenterAdapter(createSegmenterClient({ apiKey: "k", baseUrl: "http://127.0.0.1:1" })) });
    void anyId.getProfile({ externalId: "249" });
    void anyId.getProfile({ email: "a@b.c" });
    // @ts-expect-error neither email nor externalId
    void anyId.getProfile({});
  });
});

describe("one identity per person per vendor", () => {
  it("an adapter must be told which id it keys people by", () => {
    // @ts-expect-error personKey is required: SegMetrics accepts either id
    segmetricsAdapter(segmetrics);
    // @ts-expect-error personKey is required: SegmentHub's profileId can be either id
    segmenthubAdapter(segmenthub, { platform: "www.example.com" });
    // @ts-expect-error only email and externalId identify a person
    segmetricsAdapter(segmetrics, { personKey: "phone" });
  });

  it("a person without the id a configured vendor keys by does not compile", () => {
    const byExternalId = createSeg({ segmenthub: segmenthubAdapter(segmenthub, { personKey: "externalId" }) });
    void byExternalId.addTags({ externalId: "crm-1" }, ["VIP"]);
    // @ts-expect-error segmenthub keys profiles by externalId
    void byExternalId.addTags({ email: "a@b.c" }, ["VIP"]);
    // @ts-expect-error the purchase's person needs it too
    void byExternalId.recordPurchase({ person: { email: "a@b.c" }, orderId: "1", totalCents: 1, items: [] });
  });

  it("vendors keyed by different ids need both", () => {
    const both = createSeg({
      segmetrics: segmetricsAdapter(segmetrics, { personKey: "email" }),
      segmenthub: segmenthubAdapter(segmenthub, { personKey: "externalId" }),
    });
    void both.upsertPerson({ email: "a@b.c", externalId: "crm-1", firstName: "A" });
    // @ts-expect-error segmenthub keys by externalId
    void both.upsertPerson({ email: "a@b.c" });
    // @ts-expect-error segmetrics keys by email
    void both.getProfile({ externalId: "crm-1" });
  });
});
