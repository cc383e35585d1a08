// One identity per person per vendor, against the sandbox (the four vendor APIs on 127.0.0.1,
// validating every request against its spec and keeping state): whichever ids a call carries, a
// vendor sees the person under the one id its adapter keys people by — or the call is refused
// before anything is sent.
import { SegConfigError, type PersonKey, type PersonRef } from "@seg/core";
import { startSandbox, type Sandbox } from "@seg/sandbox";
import { createSegmenterClient } from "@seg/segmenter";
import { segmenterAdapter } from "@seg/segmenter/adapter";
import { createSegmentHubClient } from "@seg/segmenthub";
import { segmenthubAdapter } from "@seg/segmenthub/adapter";
import { createSegmetricsClient } from "@seg/segmetrics";
import { segmetricsAdapter } from "@seg/segmetrics/adapter";
import { createSegmintClient } from "@seg/segmint";
import { segmintAdapter } from "@seg/segmint/adapter";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createSeg } from "../src/index.ts";

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ checkResponses: true });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.reset();
});

const VISITOR = "6f1c2f0e-8a51-4d8e-9a39-1b2c3d4e5f60";
const ann = { email: "ann@example.com", externalId: "crm-2" } as const;

/** Every vendor against the sandbox; SegMetrics contacts and SegmentHub profiles keyed as given. */
function facade<M extends PersonKey, H extends PersonKey>(keys: { segmetrics: M; segmenthub: H }) {
  const options = sandbox.clientOptions;
  return createSeg(
    {
      segmetrics: segmetricsAdapter(createSegmetricsClient({ ...options.segmetrics, retry: false }), { personKey: keys.segmetrics }),
      segmenthub: segmenthubAdapter(createSegmentHubClient({ ...options.segmenthub, retry: false }), {
        personKey: keys.segmenthub,
        platform: "www.example.com",
        visitorIdOf: () => VISITOR,
      }),
      segmenter: segmenterAdapter(createSegmenterClient(options.segmenter)),
      segmint: segmintAdapter(createSegmintClient(options.segmint)),
    },
    { strict: true },
  );
}

const contacts = () => sandbox.state.segmetrics.accounts["sandbox-account"]?.contacts ?? [];
const profiles = () => sandbox.state.segmenthub.accounts[sandbox.clientOptions.segmenthub.account]?.profiles ?? {};

describe.each<PersonKey>(["externalId", "email"])("people keyed by %s", (personKey) => {
  it("every unified call reaches one record per vendor, whichever other id it carries", async () => {
    const seg = facade({ segmetrics: personKey, segmenthub: personKey });
    // The key is chosen at run time here, so the types ask for both ids: tell them one is enough.
    const key: PersonRef = personKey === "email" ? { email: ann.email } : { externalId: ann.externalId };
    const keyOnly = key as typeof ann;

    await seg.upsertPerson({ ...ann, firstName: "Ann" });
    await seg.addTags(keyOnly, ["VIP", "Newsletter"]);
    await seg.removeTags(ann, ["VIP"]);
    await seg.recordPurchase({ person: keyOnly, orderId: "A-1", totalCents: 995, items: [{ sku: "SKU1", name: "Sticker", priceCents: 995 }] });
    const read = await seg.getProfile(ann);

    expect(contacts()).toHaveLength(1);
    expect(contacts()[0]).toMatchObject({
      // Keyed by email, no contact_id is ever sent: it would be a second identity for SegMetrics.
      ...(personKey === "externalId" ? { contact_id: ann.externalId } : {}),
      email: ann.email,
      first_name: "Ann",
      tags: [expect.objectContaining({ name: "Newsletter" })],
    });
    expect(contacts()[0]?.contact_id).toBe(personKey === "externalId" ? ann.externalId : undefined);
    expect(Object.keys(profiles())).toEqual([ann[personKey]]);
    expect(profiles()[ann[personKey]]).toMatchObject({ attributes: { firstName: "Ann", email: ann.email }, segments: ["Newsletter"] });
    const events = sandbox.state.segmenthub.accounts[sandbox.clientOptions.segmenthub.account]?.events ?? [];
    expect(events.map((e) => [e.event, e.profileId])).toEqual([["purchase", ann[personKey]]]);
    expect(read.segmetrics).toMatchObject({ status: "ok", value: { email: ann.email } });
    expect(read.segmenthub).toMatchObject({ status: "ok" });
  });

  it("a person without that id is refused, naming the field, and nothing is sent to any vendor", async () => {
    const seg = facade({ segmetrics: personKey, segmenthub: personKey });
    const other = personKey === "email" ? { externalId: ann.externalId } : { email: ann.email };
    for (const call of [
      () => seg.upsertPerson(other as never),
      () => seg.addTags(other as never, ["VIP"]),
      () => seg.recordPurchase({ person: other as never, orderId: "A-1", totalCents: 1, items: [] }),
      () => seg.getProfile(other as never),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SegConfigError);
      expect(error).toMatchObject({ field: `person.${personKey}`, message: expect.stringContaining(`people are keyed by ${personKey} at segmetrics, segmenthub`) as unknown });
    }
    expect(sandbox.log).toHaveLength(0);
  });
});

describe("ids that contradict an earlier call", () => {
  it("the same email with another externalId is refused where people are keyed by externalId", async () => {
    const seg = facade({ segmetrics: "email", segmenthub: "externalId" });
    await seg.upsertPerson(ann);
    const sent = sandbox.log.length;
    const error = await seg.addTags({ email: ann.email, externalId: "crm-3" }, ["VIP"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SegConfigError);
    expect(error).toMatchObject({ field: "person.externalId", message: expect.stringMatching(/people are keyed by externalId at segmenthub.*Nothing was sent/) as unknown });
    // The ids themselves are personal data: the message names the field, not the values.
    expect((error as Error).message).not.toMatch(/crm-|ann@/);
    expect(sandbox.log).toHaveLength(sent);
    expect(Object.keys(profiles())).toEqual([ann.externalId]);
  });

  it("the same externalId with another email is refused where people are keyed by email", async () => {
    const seg = facade({ segmetrics: "email", segmenthub: "externalId" });
    await seg.upsertPerson(ann);
    const error = await seg.getProfile({ email: "ann.b@example.com", externalId: ann.externalId }).catch((e: unknown) => e);
    expect(error).toMatchObject({ field: "person.email", message: expect.stringContaining("people are keyed by email at segmetrics") as unknown });
  });

  it("a changed email is just data where no vendor keys people by email", async () => {
    const seg = facade({ segmetrics: "externalId", segmenthub: "externalId" });
    await seg.upsertPerson(ann);
    await seg.upsertPerson({ email: "ann.b@example.com", externalId: ann.externalId });
    expect(contacts()).toHaveLength(1);
    expect(contacts()[0]).toMatchObject({ contact_id: ann.externalId, email: "ann.b@example.com" });
    expect(profiles()[ann.externalId]?.attributes).toMatchObject({ email: "ann.b@example.com" });
  });

  it("forgetPerson lets a person be re-keyed on purpose: the vendor then holds a new record", async () => {
    const seg = facade({ segmetrics: "email", segmenthub: "email" });
    await seg.upsertPerson(ann);
    const moved = { email: "ann.b@example.com", externalId: ann.externalId };
    await expect(seg.upsertPerson(moved)).rejects.toThrow(SegConfigError);
    seg.forgetPerson(ann);
    await seg.upsertPerson(moved);
    expect(Object.keys(profiles()).sort()).toEqual([ann.email, moved.email].sort());
  });

  it("each facade remembers its own calls", async () => {
    await facade({ segmetrics: "email", segmenthub: "externalId" }).upsertPerson(ann);
    const fresh = facade({ segmetrics: "email", segmenthub: "externalId" });
    await fresh.upsertPerson({ email: ann.email, externalId: "crm-3" });
    expect(Object.keys(profiles()).sort()).toEqual([ann.externalId, "crm-3"]);
  });
});

describe("the adapters' personKey option", () => {
  it.each([
    ["segmetricsAdapter", () => segmetricsAdapter(createSegmetricsClient(sandbox.clientOptions.segmetrics), { personKey: "phone" as never })],
    ["segmenthubAdapter", () => segmenthubAdapter(createSegmentHubClient(sandbox.clientOptions.segmenthub), {} as never)],
  ])("%s refuses anything but email or externalId when it is created", (_name, create) => {
    expect(create).toThrow(SegConfigError);
    expect(create).toThrow(/^personKey: must be "email" or "externalId"/);
  });

  it("vendors that keep no people say so, and constrain no call", async () => {
    const segmenter = segmenterAdapter(createSegmenterClient(sandbox.clientOptions.segmenter));
    const segmint = segmintAdapter(createSegmintClient(sandbox.clientOptions.segmint));
    expect([segmenter.personKey, segmint.personKey]).toEqual([null, null]);
    const seg = createSeg({ segmenter, segmint });
    const outcomes = await seg.addTags({ email: ann.email }, ["VIP"]);
    expect(outcomes.segmenter.status).toBe("skipped");
    expect(outcomes.segmint.status).toBe("skipped");
    expect(sandbox.log).toHaveLength(0);
  });
});
