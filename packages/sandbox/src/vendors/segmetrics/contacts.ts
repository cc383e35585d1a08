// SegMetrics contacts in the store: finding them by contact_id or email, upserting them, and
// their tags (given as ids, names or objects).
import { BadData } from "../../reply.ts";
import type { ContactRef, NextId, SegmetricsAccount, SegmetricsContact } from "./state.ts";
import { isoUtc, parseImportDate } from "./dates.ts";

/** A tag as the import API accepts it: an id, a name, or `{ id, name, date? }`. */
export type TagInput = number | string | { id: number | string; name: string; date?: string };


const sameEmail = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();

/** The contact an import call names (`contact_id` first, else `email`) in one integration. */
export function findImported(account: SegmetricsAccount, ref: ContactRef): SegmetricsContact | undefined {
  const inIntegration = account.contacts.filter((c) => c.integration_id === ref.integration_id);
  if (ref.contact_id !== undefined) {
    const byId = inIntegration.find((c) => c.contact_id === ref.contact_id);
    if (byId) return byId;
    // A contact first known by email only takes the id it is later given.
    return inIntegration.find((c) => c.contact_id === undefined && sameEmail(c.email, ref.email));
  }
  return inIntegration.find((c) => sameEmail(c.email, ref.email));
}

/** The contact the reporting API names by contact id or email, in any integration of the account. */
export function findReported(account: SegmetricsAccount, idOrEmail: string): SegmetricsContact | undefined {
  return (
    account.contacts.find((c) => c.contact_id === idOrEmail || c.key === idOrEmail) ??
    account.contacts.find((c) => sameEmail(c.email, idOrEmail))
  );
}

/** Whether an invoice or subscription (which name their contact by id or email) belongs to a contact. */
export function belongsTo(ref: ContactRef, contact: SegmetricsContact): boolean {
  if (ref.integration_id !== contact.integration_id) return false;
  if (ref.contact_id !== undefined && contact.contact_id !== undefined) return ref.contact_id === contact.contact_id;
  return sameEmail(ref.email, contact.email);
}

export function contactRef(integrationId: string, body: { contact_id?: number | string; email?: string }): ContactRef {
  return {
    integration_id: integrationId,
    ...(body.contact_id !== undefined ? { contact_id: String(body.contact_id) } : {}),
    ...(body.email !== undefined ? { email: body.email } : {}),
  };
}

/** An import date field as an ISO date-time; a 400 naming the field when it is not a date. */
export function importDateField(field: string, value: string | undefined, fallback: number): string {
  if (value === undefined) return isoUtc(fallback);
  const ms = parseImportDate(value);
  if (ms === undefined) throw new BadData(`'${field}' is not a date-time (expected e.g. "2018-10-02 16:15:00"): ${JSON.stringify(value)}`);
  return isoUtc(ms);
}

/** A new, empty contact for a ref (an upsert, or an invoice for someone not imported yet). */
export function newContact(nextId: NextId, ref: ContactRef, now: number, createdAt?: string): SegmetricsContact {
  const at = createdAt ?? isoUtc(now);
  return {
    key: nextId("segmetrics.contact", "sbx-contact-"),
    integration_id: ref.integration_id,
    ...(ref.contact_id !== undefined ? { contact_id: ref.contact_id } : {}),
    ...(ref.email !== undefined ? { email: ref.email } : {}),
    status: "active",
    date_created: at,
    last_updated: at,
    custom_fields: {},
    attribution: {},
    tags: [],
  };
}

function tagIdFor(nextId: NextId, account: SegmetricsAccount, name: string): string {
  const known = Object.entries(account.tagNames).find(([, n]) => n === name)?.[0];
  if (known !== undefined) return known;
  const id = nextId("segmetrics.tag", "sbx-tag-");
  account.tagNames[id] = name;
  return id;
}

/** Throws BadData for a tag object whose `date` is not a date (before anything is changed). */
export function checkTagDates(tags: readonly TagInput[], now: number): void {
  for (const tag of tags) if (typeof tag === "object") importDateField("tags[].date", tag.date, now);
}

/** Adds tags to a contact (a set: a tag it already has keeps its original date). */
export function addTags(nextId: NextId, account: SegmetricsAccount, contact: SegmetricsContact, tags: readonly TagInput[], now: number): void {
  for (const tag of tags) {
    let id: string;
    let date = isoUtc(now);
    if (typeof tag === "number") {
      id = String(tag);
      account.tagNames[id] ??= `Tag ${id}`;
    } else if (typeof tag === "string") {
      id = tagIdFor(nextId, account, tag);
    } else {
      id = String(tag.id);
      account.tagNames[id] = tag.name;
      date = importDateField("tags[].date", tag.date, now);
    }
    const name = account.tagNames[id] ?? id;
    const existing = contact.tags.find((t) => t.tag_id === id);
    if (existing) existing.name = name;
    else contact.tags.push({ tag_id: id, name, date_created: date });
  }
}

/** Removes tags from a contact, matched by id or by name. */
export function removeTags(contact: SegmetricsContact, tags: readonly TagInput[]): void {
  const ids = new Set<string>();
  const names = new Set<string>();
  for (const tag of tags) {
    if (typeof tag === "number") ids.add(String(tag));
    else if (typeof tag === "string") names.add(tag);
    else {
      ids.add(String(tag.id));
      names.add(tag.name);
    }
  }
  contact.tags = contact.tags.filter((t) => !ids.has(t.tag_id) && !names.has(t.name));
}
