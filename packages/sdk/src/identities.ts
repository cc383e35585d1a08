import { SegConfigError, type PersonKey, type PersonRef } from "@seg/core";

/** How many people a facade remembers; past that, the least recently seen pairing is forgotten. */
export const REMEMBERED_PEOPLE = 10_000;

/**
 * The email ↔ externalId pairs a facade's earlier calls sent. Once an email came with an
 * externalId, the same email with another externalId would be a second record at a vendor keyed by
 * externalId (and the same externalId with another email, at a vendor keyed by email). Such a call
 * is refused before anything is sent. Messages name the field, never the ids (they are personal data).
 */
export class IdentityLedger {
  readonly #externalIdByEmail = new Map<string, string>();
  readonly #emailByExternalId = new Map<string, string>();

  /** Throws when `person`, at the vendors keyed by `key`, would reach another record than before. */
  check(person: PersonRef, key: PersonKey, vendors: readonly string[]): void {
    const { email, externalId } = person;
    if (email === undefined || externalId === undefined) return;
    const [earlier, other] =
      key === "externalId" ? [this.#externalIdByEmail.get(email), "email"] : [this.#emailByExternalId.get(externalId), "externalId"];
    if (earlier === undefined || earlier === person[key]) return;
    throw new SegConfigError(
      `person.${key}`,
      `differs from the ${key} an earlier call sent with the same ${other}: people are keyed by ${key} at ${vendors.join(", ")}, ` +
        `so this call would reach a different record. Nothing was sent. If the person's ${key} really changed, call ` +
        "forgetPerson with the old ids first.",
    );
  }

  /** Remembers the pairing `person` carries (the newest pairing wins). */
  record(person: PersonRef): void {
    const { email, externalId } = person;
    if (email === undefined || externalId === undefined) return;
    remember(this.#externalIdByEmail, email, externalId);
    remember(this.#emailByExternalId, externalId, email);
  }

  /** Forgets every pairing of the person's email and externalId. */
  forget(person: PersonRef): void {
    const { email, externalId } = person;
    if (email !== undefined) forgetPair(this.#externalIdByEmail, this.#emailByExternalId, email);
    if (externalId !== undefined) forgetPair(this.#emailByExternalId, this.#externalIdByEmail, externalId);
  }
}

/** Sets `key` as the most recent entry (Map keeps insertion order), evicting the oldest past the limit. */
function remember(map: Map<string, string>, key: string, value: string): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > REMEMBERED_PEOPLE) map.delete(map.keys().next().value as string);
}

function forgetPair(map: Map<string, string>, reverse: Map<string, string>, key: string): void {
  const paired = map.get(key);
  map.delete(key);
  if (paired !== undefined && reverse.get(paired) === key) reverse.delete(paired);
}
