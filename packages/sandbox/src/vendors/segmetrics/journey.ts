// A contact as the reporting API returns it (`ReportContact`): core data always, tags, orders,
// events, subscriptions and lists when `extend` asks for them — all read from what the import and
// track hosts stored.
import type { SegmetricsAccount, SegmetricsContact, SegmetricsInvoice, SegmetricsSubscription } from "./state.ts";
import { belongsTo } from "./contacts.ts";

export type Extension = "events" | "tags" | "orders" | "subscriptions" | "lists";

/** The id the reporting API shows: the caller's contact_id, else the sandbox's own key. */
export const reportedId = (contact: SegmetricsContact): string => contact.contact_id ?? contact.key;

export function contactInvoices(account: SegmetricsAccount, contact: SegmetricsContact): SegmetricsInvoice[] {
  return account.invoices.filter((invoice) => belongsTo(invoice, contact));
}

export function contactSubscriptions(account: SegmetricsAccount, contact: SegmetricsContact): SegmetricsSubscription[] {
  return account.subscriptions.filter((subscription) => belongsTo(subscription, contact));
}

function order(invoice: SegmetricsInvoice, contactId: string): Record<string, unknown> {
  const isPaid = invoice.paid >= invoice.amount && invoice.amount > 0;
  return {
    order_id: invoice.id,
    contact_id: contactId,
    is_paid: isPaid,
    is_refunded: invoice.is_refunded,
    subtotal: invoice.amount - invoice.tax - invoice.shipping + invoice.discount,
    total_tax: invoice.tax,
    total_shipping: invoice.shipping,
    total_discount: invoice.discount,
    total: invoice.amount,
    total_paid: invoice.paid,
    date_created: invoice.date_created,
    line_items: invoice.items.map((item) => ({
      contact_id: contactId,
      order_item_id: item.id,
      product_id: item.product_id,
      order_id: invoice.id,
      subscription_id: item.subscription_id ?? null,
      product_name: item.name,
      order_type: item.subscription_id !== undefined ? "subscription" : "product",
      is_paid: item.total_paid >= item.amount,
      is_refunded: invoice.is_refunded,
      amount: item.amount,
      total_paid: item.total_paid,
      total_due: item.amount,
      date_created: invoice.date_created,
      imported_at: invoice.date_created,
      last_imported_at: invoice.date_created,
    })),
  };
}

function subscription(sub: SegmetricsSubscription, contactId: string): Record<string, unknown> {
  return {
    subscription_id: sub.id,
    contact_id: contactId,
    product_id: sub.product_id,
    product_name: sub.name ?? null,
    amount: sub.amount,
    quantity: sub.quantity,
    billing_cycle: sub.billing_cycle,
    frequency: sub.frequency,
    status: sub.canceled_date !== undefined ? "canceled" : "active",
    start_date: sub.start_date,
    last_bill_date: sub.last_bill_date,
    trial_end_date: sub.trial_end_date ?? null,
    end_date: sub.end_date ?? null,
    canceled_date: sub.canceled_date ?? null,
  };
}

export function reportContact(account: SegmetricsAccount, contact: SegmetricsContact, extend: ReadonlySet<Extension>): Record<string, unknown> {
  const contactId = reportedId(contact);
  const journey: Record<string, unknown> = {
    contact_id: contactId,
    first_name: contact.first_name ?? null,
    last_name: contact.last_name ?? null,
    email: contact.email ?? null,
    status: contact.status,
    date_created: contact.date_created,
    last_updated: contact.last_updated,
    custom_fields: { ...contact.custom_fields },
  };
  if (extend.has("tags")) {
    journey.tags = contact.tags.map((tag) => ({ tag_id: tag.tag_id, name: tag.name, contact_id: contactId, date_created: tag.date_created }));
  }
  if (extend.has("orders")) journey.orders = contactInvoices(account, contact).map((invoice) => order(invoice, contactId));
  if (extend.has("events")) {
    // Each manual identify of the contact's email is a session connected to it.
    journey.events = account.identifies
      .filter((identify) => contact.email !== undefined && identify.email.toLowerCase() === contact.email.toLowerCase())
      .map((identify) => ({
        type: "identify",
        contact_id: contactId,
        uid: identify.seg_uid,
        fingerprint: null,
        date_created: identify.date_created,
        ip_address: null,
        referrer: null,
        args: null,
        meta: null,
        channel: null,
      }));
  }
  if (extend.has("subscriptions")) journey.subscriptions = contactSubscriptions(account, contact).map((sub) => subscription(sub, contactId));
  // No import call adds a contact to a list, so lists are always empty here.
  if (extend.has("lists")) journey.lists = [];
  return journey;
}
