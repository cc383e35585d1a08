// The facade's inputs are exact too: a misspelt field of a person or a purchase does not compile,
// while a person's `attributes` stay open (any name, as vendors' custom fields are).
import { createSegmetricsClient } from "@seg/segmetrics";
import { segmetricsAdapter } from "@seg/segmetrics/adapter";
import { describe, it } from "vitest";
import { createSeg, type Person, type PurchaseFor, type PurchaseItem } from "../src/index.ts";

const adapters = { segmetrics: segmetricsAdapter(createSegmetricsClient({ accountId: "a", integrationId: "i", apiKey: "k" }), { personKey: "email" }) };
const seg = createSeg(adapters);
const person = { email: "joey@bloggs.com" };

describe("facade inputs", () => {
  it("refuse a misspelt person field", () => {
    void seg.upsertPerson({ email: "joey@bloggs.com", firstName: "Joey", attributes: { shirt_size: "M", visits: 3 } });
    // @ts-expect-error firstNam: the field is firstName
    void seg.upsertPerson({ email: "joey@bloggs.com", firstNam: "Joey" });
    // @ts-expect-error externalID: the field is externalId
    void seg.getProfile({ externalID: "249" });
    // @ts-expect-error attribute values are strings, numbers, booleans or null
    void seg.upsertPerson({ email: "joey@bloggs.com", attributes: { address: { city: "Oslo" } } });
  });

  it("refuse a misspelt purchase or item field", () => {
    const purchase: PurchaseFor<typeof adapters> = { person, orderId: "A-1", totalCents: 995, items: [{ sku: "S-1", name: "Trinket", priceCents: 995 }] };
    void seg.recordPurchase(purchase);
    // @ts-expect-error totalCent: the field is totalCents
    void seg.recordPurchase({ person, orderId: "A-1", totalCent: 995, items: [] });
    // @ts-expect-error priceCent: the field is priceCents
    void seg.recordPurchase({ person, orderId: "A-1", totalCents: 995, items: [{ sku: "S-1", name: "Trinket", priceCent: 995 }] });
    // @ts-expect-error qty: the field is quantity
    const item: PurchaseItem = { sku: "S-1", name: "Trinket", priceCents: 995, qty: 2 };
    void item;
  });

  it("refuse a misspelt field in a typed person", () => {
    // @ts-expect-error lastname: the field is lastName
    const typed: Person = { email: "a@b.c", lastname: "Bloggs" };
    void typed;
  });
});
