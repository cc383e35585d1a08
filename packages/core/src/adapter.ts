// The contract between the facade (@seg/sdk) and each vendor package. Each vendor package ships its
// adapter from a subpath (`@seg/<vendor>/adapter`), so a client used without the facade does not
// carry it, and the facade depends on @seg/core alone.
import { SegConfigError } from "./errors.ts";

/**
 * Who the unified operations are about: an email, the caller's own id for the person (CRM/ERP
 * id), or both. One of them is required.
 */
export type PersonRef = { email: string; externalId?: string } | { email?: string; externalId: string };

export type Person = PersonRef & {
  firstName?: string;
  lastName?: string;
  phone?: string;
  /** Extra attributes, sent where the vendor has custom fields. */
  attributes?: Readonly<Record<string, string | number | boolean | null>>;
};

/**
 * The id of a person a vendor keys its records by: one record per distinct value. A vendor that
 * accepts either id lets the caller choose (the adapter's `personKey` option), because sending
 * whichever id a call happens to carry would make one person two records.
 */
export type PersonKey = "email" | "externalId";

export interface PurchaseItem {
  sku: string;
  name: string;
  /** Unit price in cents (integer). */
  priceCents: number;
  /** How many units (a positive integer). Default 1. */
  quantity?: number;
}

export interface Purchase {
  person: PersonRef;
  orderId: string;
  /** Order total in cents (integer); vendors that take decimals get `totalCents / 100`. */
  totalCents: number;
  items: readonly PurchaseItem[];
  /** When the order was placed. Default: now. */
  date?: Date;
}

/** Why a vendor took no part in a unified call. */
export interface Skip {
  skipped: string;
}

/**
 * What one vendor does for each unified operation: an implementation returning the vendor's own
 * response (throwing `SegError`s on failure), or a `Skip` saying why it has no such operation.
 */
export interface VendorAdapter<Client = unknown, Key extends PersonKey = PersonKey> {
  readonly vendor: string;
  /** The configured vendor client the adapter calls, reachable through the facade. */
  readonly client: Client;
  /**
   * Which id this vendor's people are keyed by; `null` when the vendor keeps no people. The facade
   * refuses a call whose person lacks it, or whose ids contradict an earlier call's.
   */
  readonly personKey: Key | null;
  upsertPerson(person: Person): Promise<unknown> | Skip;
  addTags(person: PersonRef, tags: readonly string[]): Promise<unknown> | Skip;
  removeTags(person: PersonRef, tags: readonly string[]): Promise<unknown> | Skip;
  recordPurchase(purchase: Purchase): Promise<unknown> | Skip;
  getProfile(person: PersonRef): Promise<unknown> | Skip;
}

export type UnifiedOperation = Exclude<keyof VendorAdapter, "vendor" | "client" | "personKey">;

export const isSkip = (value: unknown): value is Skip =>
  typeof value === "object" && value !== null && typeof (value as Skip).skipped === "string";

const PERSON_KEYS: ReadonlySet<string> = new Set<PersonKey>(["email", "externalId"]);

/** An adapter's `personKey` option, checked at run time too (JavaScript callers get no type error). */
export function checkPersonKey<Key extends PersonKey>(key: Key, vendor: string): Key {
  if (!PERSON_KEYS.has(key)) {
    throw new SegConfigError("personKey", `must be "email" or "externalId": which id ${vendor} keys a person by, got ${JSON.stringify(key)}`);
  }
  return key;
}

/** The id `person` is keyed by at `vendor` (one name or several); refuses, naming the field, when the person lacks it. */
export function personKeyValue(person: PersonRef, key: PersonKey, vendor: string): string {
  const value = person[key];
  if (typeof value !== "string" || value === "") {
    throw new SegConfigError(
      `person.${key}`,
      `is required: people are keyed by ${key} at ${vendor} (the adapter's personKey), and sending another id instead would make a second record`,
    );
  }
  return value;
}
