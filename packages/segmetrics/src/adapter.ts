// `@seg/segmetrics/adapter`: how SegMetrics takes part in @seg/sdk's unified calls (see the sdk
// README's mapping table). A separate entry point, so clients used without the facade stay small.
import { unwrap, type Person, type PersonRef, type Purchase, type VendorAdapter } from "@seg/core";
import type { components } from "./generated/schema.ts";
import type { SegmetricsClient } from "./client.ts";

type Identity = components["schemas"]["ContactIdentity"];

/** SegMetrics identifies a contact by `contact_id` (the caller's external id) or `email`. */
const identity = (person: PersonRef): Identity =>
  (person.externalId !== undefined ? { contact_id: person.externalId, email: person.email } : { email: person.email }) as Identity;

/** "2018-10-03 11:14:32", the import API's date format, in UTC. */
const importDate = (date: Date): string => date.toISOString().slice(0, 19).replace("T", " ");

/**
 * The facade adapter for a SegMetrics client:
 *
 *     createSeg({ segmetrics: segmetricsAdapter(createSegmetricsClient({ … })) })
 */
export function segmetricsAdapter(client: SegmetricsClient): VendorAdapter<SegmetricsClient> {
  return {
    vendor: "segmetrics",
    client,
    upsertPerson: async (person: Person) => {
      const { firstName, lastName, phone, attributes } = person;
      // SegMetrics has no phone field: phone and any extra attributes go into custom_fields.
      const custom = { ...attributes, ...(phone !== undefined ? { phone } : {}) };
      return unwrap(
        await client.POST("/contact", {
          body: {
            ...identity(person),
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
      // Amounts are integer cents on both sides. POST /invoice is not idempotent: never retried.
      unwrap(
        await client.POST("/invoice", {
          body: {
            ...identity(purchase.person),
            id: purchase.orderId,
            amount: purchase.totalCents,
            paid: purchase.totalCents,
            date_created: importDate(purchase.date ?? new Date()),
            items: purchase.items.map((item) => ({
              name: item.name,
              product_id: item.sku,
              amount: item.priceCents * (item.quantity ?? 1),
            })),
          },
        }),
      ),
    getProfile: async (person) =>
      unwrap(
        await client.GET("/contact/{contact_id_or_email}", {
          params: { path: { contact_id_or_email: person.externalId ?? person.email ?? "" }, query: { extend: ["tags", "orders"] } },
        }),
      ).data,
  };
}
