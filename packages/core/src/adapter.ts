// The contract between the facade (@seg/sdk) and each vendor package. Each vendor package ships its
// adapter from a subpath (`@seg/<vendor>/adapter`), so a client used without the facade does not
// carry it, and the facade depends on @seg/core alone.

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

export interface PurchaseItem {
  sku: string;
  name: string;
  /** Unit price in cents (integer). */
  priceCents: number;
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
export interface VendorAdapter<Client = unknown> {
  readonly vendor: string;
  /** The configured vendor client the adapter calls, reachable through the facade. */
  readonly client: Client;
  upsertPerson(person: Person): Promise<unknown> | Skip;
  addTags(person: PersonRef, tags: readonly string[]): Promise<unknown> | Skip;
  removeTags(person: PersonRef, tags: readonly string[]): Promise<unknown> | Skip;
  recordPurchase(purchase: Purchase): Promise<unknown> | Skip;
  getProfile(person: PersonRef): Promise<unknown> | Skip;
}

export type UnifiedOperation = Exclude<keyof VendorAdapter, "vendor" | "client">;

export const isSkip = (value: unknown): value is Skip =>
  typeof value === "object" && value !== null && typeof (value as Skip).skipped === "string";
