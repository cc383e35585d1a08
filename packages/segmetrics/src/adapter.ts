// `@seg/segmetrics/adapter`: how SegMetrics takes part in @seg/sdk's unified calls (see the sdk
// README's mapping table). A separate entry point, so clients used without the facade stay small.
import {
  checkPersonKey,
  personKeyValue,
  unwrap,
  type Person,
  type PersonKey,
  type PersonRef,
  type Purchase,
  type VendorAdapter,
} from "@seg/core";
import type { SegmetricsClient } from "./client.ts";

export interface SegmetricsAdapterOptions<Key extends PersonKey> {
  /**
   * Which id SegMetrics contacts are keyed by: `"externalId"` (sent as `contact_id`, your system's
   * id) or `"email"`. SegMetrics accepts either ("contact_id, or email if no contact_id"), so the
   * choice is yours, once: every call sends that id alone, and a person without it is refused.
   */
  personKey: Key;
}

/** "2018-10-03 11:14:32", the import API's date format, in UTC. */
const importDate = (date: Date): string => date.toISOString().slice(0, 19).replace("T", " ");

/**
 * The facade adapter for a SegMetrics client:
 *
 *     createSeg({ segmetrics: segmetricsAdapter(createSegmetricsClient({ … }), { personKey: "externalId" }) })
 */
export function segmetricsAdapter<Key extends PersonKey>(
  client: SegmetricsClient,
  options: SegmetricsAdapterOptions<Key>,
): VendorAdapter<SegmetricsClient, Key> {
  const personKey = checkPersonKey(options.personKey, "segmetrics");
  const keyOf = (person: PersonRef): string => personKeyValue(person, personKey, "segmetrics");
  // The contact's identity: exactly one id, so no call can reach the contact the other id names.
  const identity = (person: PersonRef): { contact_id: string } | { email: string } =>
    personKey === "externalId" ? { contact_id: keyOf(person) } : { email: keyOf(person) };

  return {
    vendor: "segmetrics",
    client,
    personKey,
    upsertPerson: async (person: Person) => {
      const { email, firstName, lastName, phone, attributes } = person;
      // SegMetrics has no phone field: phone and any extra attributes go into custom_fields.
      const custom = { ...attributes, ...(phone !== undefined ? { phone } : {}) };
      return unwrap(
        await client.POST("/contact", {
          body: {
            ...identity(person),
            // Keyed by externalId, the email is the contact's data; keyed by email it is the identity.
            ...(personKey === "externalId" && email !== undefined ? { email } : {}),
            ...(firstName !== undefined ? { first_name: firstName } : {}),
            ...(lastName !== undefined ? { last_name: lastName } : {}),
            ...(Object.keys(custom).length ? { custom_fields: custom } : {}),
          },
        }),
      );
    },
    addTags: async (person, tags) => unwrap(await client.POST("/tags/add", { body: { ...identity(person), tags: [...tags] } })),
    removeTags: async (person, tags) => unwrap(await client.POST("/tags/remove", { body: { ...identity(person), tags: [...tags] } })),
    recordPurchase: async (purchase: Purchase) =>
      // Every amount is integer cents, as the docs define them: `amount` "Invoice Total in Cents",
      // `paid` "Invoice Amount Paid in Cents" (a recorded purchase is paid in full), and an item's
      // `amount` "Product Price in Cents". Items have no quantity field, so an item bought N times
      // is N line items at its unit price (their ids default to "Order Id - Item number").
      // POST /invoice is not idempotent: never retried.
      unwrap(
        await client.POST("/invoice", {
          body: {
            ...identity(purchase.person),
            id: purchase.orderId,
            amount: purchase.totalCents,
            paid: purchase.totalCents,
            date_created: importDate(purchase.date ?? new Date()),
            items: purchase.items.flatMap((item) =>
              Array.from({ length: item.quantity ?? 1 }, () => ({ name: item.name, product_id: item.sku, amount: item.priceCents })),
            ),
          },
        }),
      ),
    getProfile: async (person) =>
      unwrap(
        await client.GET("/contact/{contact_id_or_email}", {
          params: { path: { contact_id_or_email: keyOf(person) }, query: { extend: ["tags", "orders"] } },
        }),
      ).data,
  };
}
