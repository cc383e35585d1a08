// The unified calls across all four vendors, each behind a real local server: field mappings,
// skipped vendors with their reasons, and failures that stay visible per vendor.
import type { PersonKey } from "@seg/core";
import { createSegmenterClient } from "@seg/segmenter";
import { segmenterAdapter } from "@seg/segmenter/adapter";
import { createSegmentHubClient } from "@seg/segmenthub";
import { segmenthubAdapter } from "@seg/segmenthub/adapter";
import { createSegmetricsClient } from "@seg/segmetrics";
import { segmetricsAdapter } from "@seg/segmetrics/adapter";
import { createSegmintClient } from "@seg/segmint";
import { segmintAdapter } from "@seg/segmint/adapter";
import { startTestServer, type Handler, type TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { createSeg } from "../src/index.ts";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function serve(handler: Handler): Promise<TestServer> {
  const server = await startTestServer(handler);
  servers.push(server);
  return server;
}

const VISITOR = "6f1c2f0e-8a51-4d8e-9a39-1b2c3d4e5f60";

/** The four vendors, each behind its own server; SegMetrics and SegmentHub key people by `personKey`. */
async function allFour<Key extends PersonKey = "email">(segmenthubHandler: Handler, personKey: Key = "email" as Key) {
  const segmetricsServer = await serve(() => ({ status: 200, json: { status: "success" } }));
  const segmenthubServer = await serve(segmenthubHandler);
  const segmenterServer = await serve(() => ({ status: 500 }));
  const segmintServer = await serve(() => ({ status: 500 }));
  const seg = createSeg({
    segmetrics: segmetricsAdapter(
      createSegmetricsClient({ accountId: "a", integrationId: "i", apiKey: "k", baseUrls: { import: segmetricsServer.url, reporting: segmetricsServer.url, track: segmetricsServer.url } }),
      { personKey },
    ),
    segmenthub: segmenthubAdapter(
      createSegmentHubClient({ account: "acc-uuid", token: "hub-token", baseUrl: segmenthubServer.url, retry: false }),
      { personKey, platform: "www.example.com", visitorIdOf: () => VISITOR },
    ),
    segmenter: segmenterAdapter(createSegmenterClient({ apiKey: "k", baseUrl: segmenterServer.url })),
    segmint: segmintAdapter(createSegmintClient({ username: "u", password: "p", baseUrl: segmintServer.url })),
  });
  return { seg, segmenthubServer, segmenterServer, segmintServer };
}

describe("all four vendors", () => {
  it("upsertPerson: ok where a vendor keeps people, skipped with a reason elsewhere, nothing sent to skipped vendors", async () => {
    const { seg, segmenthubServer, segmenterServer, segmintServer } = await allFour(() => ({
      status: 200,
      json: { status: 200, profileId: "crm-1", message: "Profile attributes saved successfully.", errors: [] },
    }), "externalId");
    const outcomes = await seg.upsertPerson({ externalId: "crm-1", email: "jo@example.com", firstName: "Jo", attributes: { vip: true, tier: 2, gone: null } });

    expect(outcomes.segmetrics.status).toBe("ok");
    expect(outcomes.segmenthub).toMatchObject({ status: "ok", value: { profileId: "crm-1" } });
    expect(outcomes.segmenter).toMatchObject({ status: "skipped", reason: expect.stringMatching(/no person call/) as unknown });
    expect(outcomes.segmint).toMatchObject({ status: "skipped", reason: expect.stringMatching(/documents no person/) as unknown });
    expect(segmenthubServer.requests[0]?.path).toBe("/profiles/attributes");
    expect(segmenthubServer.requests[0]?.json()).toEqual({
      account: "acc-uuid",
      token: "hub-token",
      profileId: "crm-1",
      attributes: { vip: "true", tier: "2", firstName: "Jo", email: "jo@example.com" },
    });
    expect(segmenterServer.requests).toHaveLength(0);
    expect(segmintServer.requests).toHaveLength(0);
  });

  it.each([
    ["addTags", { assignees: ["VIP"] }],
    ["removeTags", { removes: ["VIP"] }],
  ] as const)("%s maps tags onto SegmentHub segments", async (operation, want) => {
    const { seg, segmenthubServer } = await allFour(() => ({ status: 200, json: { status: 200, message: "ok", errors: [] } }));
    const outcomes = await seg[operation]({ email: "jo@example.com" }, ["VIP"]);
    expect(outcomes.segmenthub.status).toBe("ok");
    expect(outcomes.segmenter).toMatchObject({ status: "skipped", reason: expect.stringMatching(/replaces a segment's whole person list/) as unknown });
    expect(segmenthubServer.requests[0]?.json()).toEqual({ account: "acc-uuid", token: "hub-token", profileId: "jo@example.com", ...want });
  });

  it("recordPurchase: cents on SegMetrics, a decimal total and SKUs per unit on SegmentHub's purchase event, sent once", async () => {
    const { seg, segmenthubServer } = await allFour(() => ({ status: 500, json: { status: 500, message: "boom" } }));
    const outcomes = await seg.recordPurchase({
      person: { email: "jo@example.com" },
      orderId: "A-1",
      totalCents: 19990,
      items: [{ sku: "SKU1", name: "One", priceCents: 9995, quantity: 2 }],
    });
    expect(outcomes.segmetrics.status).toBe("ok");
    expect(outcomes.segmenthub).toMatchObject({ status: "failed", error: { status: 500, operation: "fireEvent" } });
    // An event may trigger campaigns: never retried, even though it failed with a 500.
    expect(segmenthubServer.requests).toHaveLength(1);
    expect(segmenthubServer.requests[0]?.json()).toEqual({
      account: "acc-uuid",
      event: "purchase",
      visitorId: VISITOR,
      platform: "www.example.com",
      profileId: "jo@example.com",
      orderId: "A-1",
      orderTotal: 199.9,
      purchasedItems: ["SKU1", "SKU1"],
    });
  });

  it("recordPurchase is skipped for SegmentHub, with the fix, when the adapter has no platform or visitor id", async () => {
    const server = await serve(() => ({ status: 200, json: {} }));
    const seg = createSeg({ segmenthub: segmenthubAdapter(createSegmentHubClient({ account: "a", token: "t", baseUrl: server.url }), { personKey: "email" }) });
    const outcomes = await seg.recordPurchase({ person: { email: "jo@example.com" }, orderId: "1", totalCents: 1, items: [] });
    expect(outcomes.segmenthub).toMatchObject({ status: "skipped", reason: expect.stringMatching(/platform.*visitorIdOf/) as unknown });
    expect(server.requests).toHaveLength(0);
  });

  it("getProfile: a failing vendor is reported as failed while the others still answer", async () => {
    const { seg } = await allFour(() => ({ status: 404, json: { status: 404, message: "Account not found or suspended." } }));
    const outcomes = await seg.getProfile({ email: "jo@example.com" });
    expect(outcomes.segmenthub).toMatchObject({ status: "failed", error: { kind: "not_found", vendor: "segmenthub", operation: "queryProfile" } });
    expect(outcomes.segmetrics.status).toBe("ok");
    expect(outcomes.segmenter.status).toBe("skipped");
    expect(outcomes.segmint.status).toBe("skipped");
  });
});
