// `@seg/segmenthub/adapter`: how SegmentHub takes part in @seg/sdk's unified calls (see the sdk
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
import type { SegmentHubClient } from "./client.ts";

export interface SegmentHubAdapterOptions<Key extends PersonKey> {
  /**
   * Which id is the person's `profileId`: `"externalId"` (your system's user id) or `"email"`.
   * SegmentHub takes any of "e-mail, phone, userId etc." and keeps one profile per value, so the
   * choice is made once, here: a person without that id is refused rather than sent under another.
   */
  personKey: Key;
  /**
   * The platform code of your site or app (e.g. `www.example.com`). SegmentHub's purchase event
   * requires it; without it, `recordPurchase` is skipped for SegmentHub.
   */
  platform?: string;
  /**
   * The SDK's `visitorId` (UUID4) for a person. SegmentHub's purchase event requires one; without
   * it, `recordPurchase` is skipped for SegmentHub.
   */
  visitorIdOf?: (person: PersonRef) => string | undefined;
}

/** SegmentHub attribute values are strings or string lists. */
function attributeUpdates(person: Person): Record<string, string> {
  const { firstName, lastName, email, phone, attributes } = person;
  const all: Record<string, unknown> = { ...attributes, firstName, lastName, email, phone };
  // null and undefined are left out: SegmentHub documents no way to clear an attribute.
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined && v !== null).map(([k, v]) => [k, String(v)]));
}

/**
 * The facade adapter for a SegmentHub client (profiles are the people, segments are the tags):
 *
 *     createSeg({ segmenthub: segmenthubAdapter(client, { personKey: "externalId", platform: "www.example.com", visitorIdOf }) })
 */
export function segmenthubAdapter<Key extends PersonKey>(
  client: SegmentHubClient,
  options: SegmentHubAdapterOptions<Key>,
): VendorAdapter<SegmentHubClient, Key> {
  const personKey = checkPersonKey(options.personKey, "segmenthub");
  const profileIdOf = (person: PersonRef): string => personKeyValue(person, personKey, "segmenthub");
  return {
    vendor: "segmenthub",
    client,
    personKey,
    upsertPerson: async (person) =>
      unwrap(await client.POST("/profiles/attributes", { body: { profileId: profileIdOf(person), attributes: attributeUpdates(person) } })),
    addTags: async (person, tags) =>
      unwrap(await client.POST("/profiles/segments", { body: { profileId: profileIdOf(person), assignees: [...tags] } })),
    removeTags: async (person, tags) =>
      unwrap(await client.POST("/profiles/segments", { body: { profileId: profileIdOf(person), removes: [...tags] } })),
    recordPurchase: (purchase: Purchase) => {
      const visitorId = options.visitorIdOf?.(purchase.person);
      if (!options.platform || !visitorId) {
        return { skipped: "SegmentHub's purchase event needs `platform` and a `visitorIdOf` in segmenthubAdapter's options" };
      }
      // A purchase event may trigger campaigns: it is never retried automatically (the spec says so).
      return client
        .fireEvent({
          event: "purchase",
          visitorId,
          platform: options.platform,
          profileId: profileIdOf(purchase.person),
          orderId: purchase.orderId,
          // "Order total of the purchased items", a decimal in the currency's unit (the docs'
          // example: 199.90); the unified purchase is in integer cents. An integer divided by 100
          // serializes as its exact decimal (1005 → 10.05).
          orderTotal: purchase.totalCents / 100,
          purchasedItems: purchase.items.flatMap((item) => Array<string>(item.quantity ?? 1).fill(item.sku)),
        })
        .then(unwrap);
    },
    getProfile: async (person) => unwrap(await client.POST("/profiles/query", { body: { profileId: profileIdOf(person) } })),
  };
}
