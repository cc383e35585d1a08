import { createSegmetricsClient, type SegmetricsClient } from "@seg/segmetrics";
import { segmetricsAdapter } from "@seg/segmetrics/adapter";
import { describe, expectTypeOf, it } from "vitest";
import { createSeg } from "../src/index.ts";

const seg = createSeg({ segmetrics: segmetricsAdapter(createSegmetricsClient({ accountId: "a", integrationId: "i", apiKey: "k" })) });

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
    void seg.getProfile({ externalId: "249" });
    // @ts-expect-error neither email nor externalId
    void seg.getProfile({});
  });
});
