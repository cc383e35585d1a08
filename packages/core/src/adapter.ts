// The contract between the facade (@seg/sdk) and each vendor package. A vendor package attaches an
// adapter to the clients it creates; the facade finds it under a global symbol, so the facade
// depends on @seg/core alone and never imports a vendor package.

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
export interface VendorAdapter {
  readonly vendor: string;
  upsertPerson(person: Person): Promise<unknown> | Skip;
  addTags(person: PersonRef, tags: readonly string[]): Promise<unknown> | Skip;
  removeTags(person: PersonRef, tags: readonly string[]): Promise<unknown> | Skip;
  recordPurchase(purchase: Purchase): Promise<unknown> | Skip;
  getProfile(person: PersonRef): Promise<unknown> | Skip;
}

export type UnifiedOperation = Exclude<keyof VendorAdapter, "vendor">;

const ADAPTER = Symbol.for("@seg/core/adapter");

/** Attaches `adapter` to a vendor client (non-enumerable: invisible to spreads and JSON). */
export function withAdapter<Client extends object>(client: Client, adapter: VendorAdapter): Client {
  Object.defineProperty(client, ADAPTER, { value: adapter, enumerable: false });
  return client;
}

/** The adapter a vendor package attached to its client, if any. */
export function adapterOf(client: object): VendorAdapter | undefined {
  return (client as { [ADAPTER]?: VendorAdapter })[ADAPTER];
}

export const isSkip = (value: unknown): value is Skip =>
  typeof value === "object" && value !== null && typeof (value as Skip).skipped === "string";
