import {
  personKeyValue,
  SegConfigError,
  type Person,
  type PersonKey,
  type PersonRef,
  type Purchase,
  type Skip,
  type VendorAdapter,
} from "@seg/core";
import { SegAggregateError } from "./aggregate-error.ts";
import { IdentityLedger } from "./identities.ts";
import { settle, type Outcome } from "./outcome.ts";

export interface SegOptions {
  /** Throw a `SegAggregateError` (carrying every outcome) when any vendor fails. Default false. */
  strict?: boolean;
}

/** The facade's configuration: a vendor adapter (from `@seg/<vendor>/adapter`) per name. */
export type AdapterMap = Record<string, VendorAdapter>;

/** One outcome per configured vendor, under the name the vendor was configured with. */
export type Outcomes<Adapters> = { readonly [Name in keyof Adapters]: Outcome };

/** The ids the configured vendors key people by (each adapter's `personKey`). */
export type PersonKeysOf<Adapters extends AdapterMap> = NonNullable<Adapters[keyof Adapters]["personKey"]>;

/** A person carrying each id in `Key`. */
export type PersonKeyedBy<Key extends PersonKey> = { [K in Key]: string };

/** Who a unified call is about: with every id some configured vendor keys people by. */
export type PersonRefFor<Adapters extends AdapterMap> = PersonRef & PersonKeyedBy<PersonKeysOf<Adapters>>;

/** A person to upsert, with every id some configured vendor keys people by. */
export type PersonFor<Adapters extends AdapterMap> = Person & PersonKeyedBy<PersonKeysOf<Adapters>>;

/** A purchase whose person carries every id some configured vendor keys people by. */
export type PurchaseFor<Adapters extends AdapterMap> = Omit<Purchase, "person"> & { person: PersonRefFor<Adapters> };

/** The raw client behind each configured adapter. */
export type VendorClients<Adapters extends AdapterMap> = { readonly [Name in keyof Adapters]: Adapters[Name]["client"] };

export interface Seg<Adapters extends AdapterMap> {
  /** The configured vendor clients, fully typed; a vendor that was not configured is not here. */
  readonly vendors: VendorClients<Adapters>;
  /** A configured vendor's client by name at runtime; an unknown name is a `SegConfigError`. */
  vendor<Name extends keyof Adapters & string>(name: Name): Adapters[Name]["client"];
  /** Creates or updates the person at every vendor that keeps people. */
  upsertPerson(person: PersonFor<Adapters>): Promise<Outcomes<Adapters>>;
  /** Adds tags (SegMetrics tags, SegmentHub segments) to the person. */
  addTags(person: PersonRefFor<Adapters>, tags: readonly string[]): Promise<Outcomes<Adapters>>;
  /** Removes tags (SegMetrics tags, SegmentHub segments) from the person. */
  removeTags(person: PersonRefFor<Adapters>, tags: readonly string[]): Promise<Outcomes<Adapters>>;
  /** Records an order (never retried automatically where the vendor call is not idempotent). */
  recordPurchase(purchase: PurchaseFor<Adapters>): Promise<Outcomes<Adapters>>;
  /** What each vendor knows about the person. */
  getProfile(person: PersonRefFor<Adapters>): Promise<Outcomes<Adapters>>;
  /**
   * Forgets which email and externalId earlier calls sent together, so the next call may pair
   * them differently (a person whose email really changed). Vendors keyed by the changed id then
   * get a new record: the facade does not move data between records.
   */
  forgetPerson(person: PersonRef): void;
}

/**
 * One entry point over the vendors a team uses. Pass each vendor's adapter around the client you
 * created; every unified call runs the vendors concurrently and returns one outcome per vendor:
 * `ok`, `skipped` (with the reason) or `failed` (with the typed error).
 *
 *     const seg = createSeg({ segmetrics: segmetricsAdapter(createSegmetricsClient({ … })) });
 *     const outcomes = await seg.upsertPerson({ email: "joey@bloggs.com", firstName: "Joey" });
 */
export function createSeg<Adapters extends AdapterMap>(configured: Adapters, options: SegOptions = {}): Seg<Adapters> {
  const adapters = Object.entries(configured);
  for (const [name, adapter] of adapters) {
    if (typeof (adapter as Partial<VendorAdapter> | null)?.upsertPerson !== "function") {
      throw new SegConfigError(name, "is not a seg vendor adapter: wrap the client, e.g. segmetricsAdapter(client) from @seg/segmetrics/adapter");
    }
  }
  if (adapters.length === 0) throw new SegConfigError("vendors", "configure at least one vendor adapter");
  const vendors = Object.fromEntries(adapters.map(([name, adapter]) => [name, adapter.client])) as VendorClients<Adapters>;
  const keyed = vendorsByKey(adapters);
  const ledger = new IdentityLedger();

  // One person, one record per vendor: the id each vendor keys people by must be there, and must
  // not contradict what earlier calls sent with the person's other id. Checked for every vendor
  // before any is called, then remembered.
  const checkIdentity = (person: PersonRef): void => {
    checkPerson(person);
    for (const [key, names] of keyed) {
      personKeyValue(person, key, names.join(", "));
      ledger.check(person, key, names);
    }
    ledger.record(person);
  };

  const run = async (operation: string, each: (adapter: VendorAdapter) => Promise<unknown> | Skip): Promise<Outcomes<Adapters>> => {
    const settled = await Promise.all(adapters.map(async ([name, adapter]) => [name, await settle(adapter.vendor, () => each(adapter))] as const));
    const outcomes = Object.fromEntries(settled) as Outcomes<Adapters>;
    if (options.strict && settled.some(([, outcome]) => outcome.status === "failed")) throw new SegAggregateError(operation, outcomes);
    return outcomes;
  };

  return {
    vendors,
    vendor(name) {
      if (!Object.hasOwn(configured, name)) {
        throw new SegConfigError(name, `is not configured; configured vendors: ${Object.keys(configured).join(", ")}`);
      }
      return vendors[name];
    },
    // Input is checked before any vendor is called, so bad input never reaches the network.
    upsertPerson: async (person) => {
      checkIdentity(person);
      return run("upsertPerson", (a) => a.upsertPerson(person));
    },
    addTags: async (person, tags) => {
      checkTags(tags);
      checkIdentity(person);
      return run("addTags", (a) => a.addTags(person, tags));
    },
    removeTags: async (person, tags) => {
      checkTags(tags);
      checkIdentity(person);
      return run("removeTags", (a) => a.removeTags(person, tags));
    },
    recordPurchase: async (purchase) => {
      checkPurchase(purchase);
      checkIdentity(purchase.person);
      return run("recordPurchase", (a) => a.recordPurchase(purchase));
    },
    getProfile: async (person) => {
      checkIdentity(person);
      return run("getProfile", (a) => a.getProfile(person));
    },
    forgetPerson: (person) => {
      ledger.forget(person);
    },
  };
}

/** The configured names of the vendors keyed by each id; vendors that keep no people are left out. */
function vendorsByKey(adapters: ReadonlyArray<readonly [string, VendorAdapter]>): Map<PersonKey, string[]> {
  const keyed = new Map<PersonKey, string[]>();
  for (const [name, { personKey }] of adapters) {
    if (personKey !== null) keyed.set(personKey, [...(keyed.get(personKey) ?? []), name]);
  }
  return keyed;
}

function checkPerson(person: PersonRef): void {
  if (!person.email && !person.externalId) throw new SegConfigError("person", "needs an email or an externalId");
}

function checkTags(tags: readonly string[]): void {
  if (tags.length === 0) throw new SegConfigError("tags", "is empty: name at least one tag");
  const blank = tags.findIndex((tag) => tag.trim() === "");
  if (blank !== -1) throw new SegConfigError(`tags[${blank}]`, "is blank");
}

// Cents must be exact integers: past Number.MAX_SAFE_INTEGER a number no longer holds every cent.
function checkPurchase(purchase: Purchase): void {
  checkPerson(purchase.person);
  if (!purchase.orderId) throw new SegConfigError("orderId", "is required");
  if (!Number.isSafeInteger(purchase.totalCents) || purchase.totalCents < 0) {
    throw new SegConfigError("totalCents", `must be a non-negative integer number of cents, got ${purchase.totalCents}`);
  }
  purchase.items.forEach((item, i) => {
    if (!Number.isSafeInteger(item.priceCents) || item.priceCents < 0) {
      throw new SegConfigError(`items[${i}].priceCents`, `must be a non-negative integer number of cents, got ${item.priceCents}`);
    }
    if (item.quantity !== undefined && (!Number.isSafeInteger(item.quantity) || item.quantity < 1)) {
      throw new SegConfigError(`items[${i}].quantity`, `must be a positive integer, got ${item.quantity}`);
    }
  });
}
