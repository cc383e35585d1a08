// SegMetrics' import API (host `import`): contacts, tags, invoices, subscriptions, products and ad
// performance, written to the account and integration named by the URL.
import { BadData, ok, type Reply } from "../../reply.ts";
import type { OperationCall } from "../module.ts";
import { addTags, checkTagDates, contactRef, findImported, importDateField, newContact, removeTags, type TagInput } from "./contacts.ts";
import { segmetricsAccount, type Context, type Handler, type SegmetricsAccount, type SegmetricsInvoice, type SegmetricsSubscription } from "./state.ts";

type Body = Record<string, unknown> & { contact_id?: number | string; email?: string };

interface InvoiceItemInput {
  id?: number | string;
  name: string;
  product_id: number | string;
  amount: number;
  total_paid?: number;
  subscription_id?: number | string;
}

const SUCCESS = { status: "success" };

const ATTRIBUTION = ["utm_campaign", "utm_content", "utm_medium", "utm_source", "utm_term", "referring_url", "optin_url", "ip_address", "affiliate_id", "geo_lat", "geo_lon"];

function scope(call: OperationCall, context: Context): { account: SegmetricsAccount; integration: string; body: Body } {
  return {
    account: segmetricsAccount(context.state, call.mount.account_id ?? ""),
    integration: call.mount.integration_id ?? "",
    body: (call.body ?? {}) as Body,
  };
}

function identity(body: Body): string {
  return body.contact_id !== undefined ? `contact_id ${String(body.contact_id)}` : `email ${String(body.email)}`;
}

const upsertContact: Handler = (call, context) => {
  const { account, integration, body } = scope(call, context);
  const now = context.now();
  const ref = contactRef(integration, body);
  // Every date is checked before anything changes: a bad one is a 400 that leaves the store as it was.
  const createdAt = body.date_created !== undefined ? importDateField("date_created", body.date_created as string, now) : undefined;
  const lastUpdated = importDateField("last_updated", body.last_updated as string | undefined, now);
  const tags = Array.isArray(body.tags) ? (body.tags as TagInput[]) : [];
  checkTagDates(tags, now);
  let contact = findImported(account, ref);
  if (!contact) {
    contact = newContact(context.nextId, ref, now, createdAt);
    account.contacts.push(contact);
  } else if (createdAt !== undefined) {
    contact.date_created = createdAt;
  }
  if (ref.contact_id !== undefined) contact.contact_id = ref.contact_id;
  if (ref.email !== undefined) contact.email = ref.email;
  if (typeof body.first_name === "string") contact.first_name = body.first_name;
  if (typeof body.last_name === "string") contact.last_name = body.last_name;
  if (body.status === "active" || body.status === "inactive") contact.status = body.status;
  contact.last_updated = lastUpdated;
  // `null` removes a custom field (the docs' `field_to_remove`).
  const custom = { ...contact.custom_fields, ...((body.custom_fields ?? {}) as Record<string, string | number | boolean | null>) };
  contact.custom_fields = Object.fromEntries(Object.entries(custom).filter((entry): entry is [string, string | number | boolean] => entry[1] !== null));
  for (const field of ATTRIBUTION) {
    const value = body[field];
    if (typeof value === "string" || typeof value === "number") contact.attribution[field] = value;
  }
  addTags(context.nextId, account, contact, tags, now);
  return ok(SUCCESS);
};

const deleteContact: Handler = (call, context) => {
  const { account, integration } = scope(call, context);
  const key = call.params.contact_id_or_email ?? "";
  const contact = findImported(account, { integration_id: integration, contact_id: key }) ?? findImported(account, { integration_id: integration, email: key });
  if (contact) account.contacts = account.contacts.filter((c) => c !== contact);
  // Invoices and subscriptions stay: "This will not delete any invoices or purchases".
  return ok({ id: key, status: "success", object: "contact", deleted: contact !== undefined });
};

function taggedContact(call: OperationCall, context: Context, change: "add" | "remove"): Reply {
  const { account, integration, body } = scope(call, context);
  const contact = findImported(account, contactRef(integration, body));
  if (!contact) throw new BadData(`no contact with ${identity(body)} in integration ${integration}`);
  const tags = body.tags as TagInput[];
  checkTagDates(tags, context.now());
  if (change === "add") addTags(context.nextId, account, contact, tags, context.now());
  else removeTags(contact, tags);
  contact.last_updated = importDateField("last_updated", undefined, context.now());
  return ok(SUCCESS);
}

const addInvoice: Handler = (call, context) => {
  const { account, integration, body } = scope(call, context);
  const now = context.now();
  const ref = contactRef(integration, body);
  const id = String(body.id);
  const date = importDateField("date_created", body.date_created as string, now);
  // The docs do not ask for an existing contact here (unlike subscriptions): a purchase by someone
  // not imported yet creates the contact, as a shop integration would.
  if (!findImported(account, ref)) account.contacts.push(newContact(context.nextId, ref, now, date));
  const items = (body.items as InvoiceItemInput[]).map((item, n) => {
    const productId = String(item.product_id);
    account.products[`${integration}:${productId}`] ??= { id: productId, name: item.name, integration_id: integration };
    return {
      id: item.id !== undefined ? String(item.id) : `${id}-${n + 1}`,
      name: item.name,
      product_id: productId,
      amount: item.amount,
      total_paid: item.total_paid ?? item.amount,
      ...(item.subscription_id !== undefined ? { subscription_id: String(item.subscription_id) } : {}),
    };
  });
  const invoice: SegmetricsInvoice = {
    ...ref,
    id,
    amount: body.amount as number,
    paid: body.paid as number,
    is_refunded: body.is_refunded === true || body.is_refunded === 1,
    discount: (body.discount as number | undefined) ?? 0,
    tax: (body.tax as number | undefined) ?? 0,
    shipping: (body.shipping as number | undefined) ?? 0,
    date_created: date,
    items,
  };
  // Decision: the same invoice id again replaces the stored invoice (the docs do not say).
  account.invoices = [...account.invoices.filter((i) => !(i.integration_id === integration && i.id === id)), invoice];
  return ok(SUCCESS);
};

function deleted(object: "invoice" | "subscription", list: "invoices" | "subscriptions"): Handler {
  return (call, context) => {
    const { account, integration } = scope(call, context);
    const id = call.params.id ?? "";
    const before = account[list].length;
    const keep = (x: { integration_id: string; id: string }): boolean => !(x.integration_id === integration && x.id === id);
    if (list === "invoices") account.invoices = account.invoices.filter(keep);
    else account.subscriptions = account.subscriptions.filter(keep);
    return ok({ id, status: "success", object, deleted: account[list].length < before });
  };
}

const upsertSubscription: Handler = (call, context) => {
  const { account, integration, body } = scope(call, context);
  const now = context.now();
  const ref = contactRef(integration, body);
  // "Adds a subscription to the existing contact."
  if (!findImported(account, ref)) throw new BadData(`no contact with ${identity(body)} in integration ${integration}`);
  const id = String(body.id);
  const optionalDate = (field: string): Record<string, string> =>
    body[field] !== undefined ? { [field]: importDateField(field, body[field] as string, now) } : {};
  const subscription: SegmetricsSubscription = {
    ...ref,
    id,
    amount: body.amount as number,
    product_id: String(body.product_id),
    ...(typeof body.name === "string" ? { name: body.name } : {}),
    quantity: (body.quantity as number | undefined) ?? 1,
    start_date: importDateField("start_date", body.start_date as string, now),
    last_bill_date: importDateField("last_bill_date", body.last_bill_date as string, now),
    billing_cycle: body.billing_cycle as SegmetricsSubscription["billing_cycle"],
    frequency: body.frequency as number,
    ...optionalDate("trial_end_date"),
    ...optionalDate("end_date"),
    ...optionalDate("canceled_date"),
  };
  // "If the subscription id already exist, it will be updated."
  account.subscriptions = [...account.subscriptions.filter((s) => !(s.integration_id === integration && s.id === id)), subscription];
  return ok(SUCCESS);
};

const addProduct: Handler = (call, context) => {
  const { account, integration, body } = scope(call, context);
  const id = String(body.id);
  account.products[`${integration}:${id}`] = { id, name: String(body.name), integration_id: integration };
  return ok(SUCCESS);
};

type AdRef = number | string | { id: number | string; name: string; adcampaign?: number | string; adset?: number | string };

const recordAdPerformance: Handler = (call, context) => {
  const { account, integration, body } = scope(call, context);
  const remember = (kind: "ad" | "adset" | "adcampaign", ref: AdRef | undefined): string | undefined => {
    if (ref === undefined) return undefined;
    if (typeof ref !== "object") return String(ref);
    const id = String(ref.id);
    const parent = kind === "ad" ? ref.adset : kind === "adset" ? ref.adcampaign : undefined;
    account.adObjects[`${kind}:${id}`] = { kind, id, name: ref.name, ...(parent !== undefined ? { parent: String(parent) } : {}) };
    return id;
  };
  const adcampaign = remember("adcampaign", body.adcampaign as AdRef | undefined);
  const adset = remember("adset", body.adset as AdRef | undefined);
  const ad = remember("ad", body.ad as AdRef) ?? "";
  account.adPerformance.push({
    integration_id: integration,
    ad,
    ...(adset !== undefined ? { adset } : {}),
    ...(adcampaign !== undefined ? { adcampaign } : {}),
    spend: body.spend as number,
    clicks: (body.clicks as number | undefined) ?? 0,
    impressions: (body.impressions as number | undefined) ?? 0,
    date: String(body.date),
  });
  return ok(SUCCESS);
};

export const importHandlers: Readonly<Record<string, Handler>> = {
  upsertContact,
  deleteContact,
  addTagsToContact: (call, context) => taggedContact(call, context, "add"),
  removeTagsFromContact: (call, context) => taggedContact(call, context, "remove"),
  addInvoice,
  deleteInvoice: deleted("invoice", "invoices"),
  upsertSubscription,
  deleteSubscription: deleted("subscription", "subscriptions"),
  addProduct,
  recordAdPerformance,
};
