import { adapterOf, SegConfigError, type Person, type PersonRef, type Purchase, type Skip, type VendorAdapter } from "@seg/core";
import { SegAggregateError } from "./aggregate-error.ts";
import { settle, type Outcome } from "./outcome.ts";

export interface SegOptions {
  /** Throw a `SegAggregateError` (carrying every outcome) when any vendor fails. Default false. */
  strict?: boolean;
}

/** One outcome per configured vendor, under the name the vendor was configured with. */
export type Outcomes<Vendors> = { readonly [Name in keyof Vendors]: Outcome };

export interface Seg<Vendors extends Record<string, object>> {
  /** The configured vendor clients, fully typed; a vendor that was not configured is not here. */
  readonly vendors: Vendors;
  /** A configured vendor by name at runtime; an unknown name is a `SegConfigError`. */
  vendor<Name extends keyof Vendors & string>(name: Name): Vendors[Name];
  /** Creates or updates the person at every vendor that keeps people. */
  upsertPerson(person: Person): Promise<Outcomes<Vendors>>;
  /** Adds tags (SegMetrics tags, SegmentHub segments) to the person. */
  addTags(person: PersonRef, tags: readonly string[]): Promise<Outcomes<Vendors>>;
  /** Removes tags (SegMetrics tags, SegmentHub segments) from the person. */
  removeTags(person: PersonRef, tags: readonly string[]): Promise<Outcomes<Vendors>>;
  /** Records an order (never retried automatically where the vendor call is not idempotent). */
  recordPurchase(purchase: Purchase): Promise<Outcomes<Vendors>>;
  /** What each vendor knows about the person. */
  getProfile(person: PersonRef): Promise<Outcomes<Vendors>>;
}

/**
 * One entry point over the vendor clients a team uses. Pass the clients you created (each vendor
 * package attaches its adapter); every unified call runs the vendors concurrently and returns one
 * outcome per vendor: `ok`, `skipped` (with the reason) or `failed` (with the typed error).
 *
 *     const seg = createSeg({ segmetrics: createSegmetricsClient({ … }) });
 *     const outcomes = await seg.upsertPerson({ email: "joey@bloggs.com", firstName: "Joey" });
 */
export function createSeg<Vendors extends Record<string, object>>(vendors: Vendors, options: SegOptions = {}): Seg<Vendors> {
  const adapters = Object.entries(vendors).map(([name, client]): [string, VendorAdapter] => {
    const adapter = adapterOf(client);
    if (!adapter) throw new SegConfigError(name, "is not a client created by a seg vendor package (create it with createXxxClient)");
    return [name, adapter];
  });
  if (adapters.length === 0) throw new SegConfigError("vendors", "configure at least one vendor client");

  const run = async (operation: string, each: (adapter: VendorAdapter) => Promise<unknown> | Skip): Promise<Outcomes<Vendors>> => {
    const settled = await Promise.all(adapters.map(async ([name, adapter]) => [name, await settle(adapter.vendor, () => each(adapter))] as const));
    const outcomes = Object.fromEntries(settled) as Outcomes<Vendors>;
    if (options.strict && settled.some(([, outcome]) => outcome.status === "failed")) throw new SegAggregateError(operation, outcomes);
    return outcomes;
  };

  return {
    vendors,
    vendor(name) {
      if (!Object.hasOwn(vendors, name)) {
        throw new SegConfigError(name, `is not configured; configured vendors: ${Object.keys(vendors).join(", ")}`);
      }
      return vendors[name];
    },
    // Input is checked before any vendor is called, so bad input never reaches the network.
    upsertPerson: async (person) => {
      checkPerson(person);
      return run("upsertPerson", (a) => a.upsertPerson(person));
    },
    addTags: async (person, tags) => {
      checkPerson(person);
      checkTags(tags);
      return run("addTags", (a) => a.addTags(person, tags));
    },
    removeTags: async (person, tags) => {
      checkPerson(person);
      checkTags(tags);
      return run("removeTags", (a) => a.removeTags(person, tags));
    },
    recordPurchase: async (purchase) => {
      checkPurchase(purchase);
      return run("recordPurchase", (a) => a.recordPurchase(purchase));
    },
    getProfile: async (person) => {
      checkPerson(person);
      return run("getProfile", (a) => a.getProfile(person));
    },
  };
}

function checkPerson(person: PersonRef): void {
  if (!person.email && !person.externalId) throw new SegConfigError("person", "needs an email or an externalId");
}

function checkTags(tags: readonly string[]): void {
  if (tags.length === 0) throw new SegConfigError("tags", "is empty: name at least one tag");
  const blank = tags.findIndex((tag) => tag.trim() === "");
  if (blank !== -1) throw new SegConfigError(`tags[${blank}]`, "is blank");
}

function checkPurchase(purchase: Purchase): void {
  checkPerson(purchase.person);
  if (!purchase.orderId) throw new SegConfigError("orderId", "is required");
  if (!Number.isInteger(purchase.totalCents) || purchase.totalCents < 0) {
    throw new SegConfigError("totalCents", `must be a non-negative integer number of cents, got ${purchase.totalCents}`);
  }
  purchase.items.forEach((item, i) => {
    if (!Number.isInteger(item.priceCents) || item.priceCents < 0) {
      throw new SegConfigError(`items[${i}].priceCents`, `must be a non-negative integer number of cents, got ${item.priceCents}`);
    }
  });
}
