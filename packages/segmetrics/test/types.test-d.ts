// What must and must not compile against the SegMetrics client.
import { describe, expectTypeOf, it } from "vitest";
import {
  createSegmetricsClient,
  unwrap,
  type components,
  type ContactResponse,
  type Error,
  type InvoiceItem,
  type ReportContact,
  type SegmetricsPath,
  type ServerErrorBody,
  type Success,
  type UndocumentedStatus,
  type UpsertContactRequest,
} from "../src/index.ts";

const client = createSegmetricsClient({ accountId: "a", integrationId: "i", apiKey: "k" });

describe("contact identity: contact_id, or email if no contact_id", () => {
  it("accepts either or both", () => {
    void client.POST("/contact", { body: { contact_id: 249, first_name: "Joey" } });
    void client.POST("/contact", { body: { email: "joey@bloggs.com" } });
    void client.POST("/contact", { body: { contact_id: "249", email: "joey@bloggs.com" } });
    void client.POST("/tags/add", { body: { email: "joey@bloggs.com", tags: ["New Lead"] } });
  });

  it("rejects a contact with neither", () => {
    // @ts-expect-error neither contact_id nor email
    void client.POST("/contact", { body: { first_name: "Joey" } });
    // @ts-expect-error neither contact_id nor email
    void client.POST("/tags/add", { body: { tags: [3, 45] } });
    // @ts-expect-error neither contact_id nor email
    void client.POST("/invoice", { body: { id: 1, amount: 1, paid: 1, date_created: "2018-10-03 11:14:32", items: [] } });
  });
});

describe("required fields and enums", () => {
  it("rejects a wrong enum value", () => {
    // @ts-expect-error status is active | inactive
    void client.POST("/contact", { body: { email: "a@b.c", status: "pending" } });
    // @ts-expect-error report_type is leads | revenue | ads | subscriptions
    void client.GET("/report/{report_type}", { params: { path: { report_type: "sales" } } });
    // @ts-expect-error scale is day | week | month
    void client.GET("/report/{report_type}", { params: { path: { report_type: "leads" }, query: { scale: "year" } } });
    // @ts-expect-error extend takes events | tags | orders | subscriptions | lists
    void client.GET("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: 1 }, query: { extend: ["notes"] } } });
  });

  it("rejects a missing required field", () => {
    const invoiceWithoutItems = { email: "a@b.c", id: 1, amount: 1, paid: 1, date_created: "2018-10-03" };
    // @ts-expect-error an invoice needs its items
    void client.POST("/invoice", { body: invoiceWithoutItems });
    const subscriptionWithoutCycle = { email: "a@b.c", id: 1, amount: 1, product_id: 1, start_date: "x", last_bill_date: "x", frequency: 1 };
    // @ts-expect-error a subscription needs a billing_cycle
    void client.POST("/subscription", { body: subscriptionWithoutCycle });
    // @ts-expect-error seg_uid is required by identify
    void client.GET("/identify", { params: { query: { email: "john@example.com" } } });
  });

  it("never asks for the account id the client already has", () => {
    void client.GET("/identify", { params: { query: { seg_uid: "u", email: "john@example.com" } } });
  });

  it("types responses from the spec", async () => {
    const contact = unwrap(await client.GET("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: 1 } } }));
    expectTypeOf(contact.data.email).toEqualTypeOf<string | null | undefined>();
    const deleted = unwrap(await client.DELETE("/invoice/{id}", { params: { path: { id: 1 } } }));
    expectTypeOf(deleted.deleted).toEqualTypeOf<boolean>();
  });

  it("types per-call options", () => {
    void client.GET("/report/{report_type}", { params: { path: { report_type: "leads" } }, retry: false, timeoutMs: 5_000 });
    // @ts-expect-error retry is a boolean or retry options
    void client.GET("/report/{report_type}", { params: { path: { report_type: "leads" } }, retry: "yes" });
  });
});

describe("exact bodies: a misspelt field does not compile", () => {
  it("at the top of a body", () => {
    // @ts-expect-error first_nam: the field is first_name
    void client.POST("/contact", { body: { email: "a@b.c", first_nam: "Joey" } });
    // @ts-expect-error discont: the field is discount
    void client.POST("/invoice", { body: { email: "a@b.c", id: 1, amount: 1, paid: 1, date_created: "2018-10-03 11:14:32", items: [], discont: 5 } });
    // @ts-expect-error tag: the field is tags
    void client.POST("/tags/add", { body: { email: "a@b.c", tag: ["VIP"] } });
  });

  it("inside nested objects and lists", () => {
    const item = { name: "Trinket", product_id: 12, amount: 500 };
    void client.POST("/invoice", { body: { email: "a@b.c", id: 1, amount: 500, paid: 500, date_created: "2018-10-03 11:14:32", items: [item] } });
    // @ts-expect-error amout: an invoice item's field is amount
    void client.POST("/invoice", { body: { email: "a@b.c", id: 1, amount: 1, paid: 1, date_created: "x", items: [{ name: "x", product_id: 1, amout: 1 }] } });
    // @ts-expect-error tag objects have id, name and date
    void client.POST("/tags/add", { body: { email: "a@b.c", tags: [{ name: "VIP", colour: "gold" }] } });
  });

  it("in params", () => {
    // @ts-expect-error extnd: the query parameter is extend
    void client.GET("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: 1 }, query: { extnd: ["tags"] } } });
  });

  it("keeps custom fields open (additionalProperties)", () => {
    void client.POST("/contact", { body: { email: "a@b.c", custom_fields: { shirt_size: "Medium", visits: 3, vip: true, field_to_remove: null } } });
    // @ts-expect-error custom field values are strings, numbers, booleans or null
    void client.POST("/contact", { body: { email: "a@b.c", custom_fields: { nested: { no: 1 } } } });
  });
});

describe("results narrowed by status", () => {
  it("give the 200 body, the 400 body and the 500 body by status", async () => {
    const result = await client.GET("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: 1 } } });
    if (result.status === 200) expectTypeOf(result.data).toEqualTypeOf<ContactResponse>();
    if (result.status === 400) expectTypeOf(result.error).toEqualTypeOf<Error>();
    if (result.status === 500) expectTypeOf(result.error).toEqualTypeOf<ServerErrorBody>();
    // openapi-fetch's view stays: any error body, or the success body once there is no error.
    expectTypeOf(result.error).toEqualTypeOf<Error | ServerErrorBody | undefined>();
    if (!result.error) expectTypeOf(result.data).toEqualTypeOf<ContactResponse>();
    expectTypeOf(unwrap(result)).toEqualTypeOf<ContactResponse>();
  });

  it("switch exhaustively over the documented statuses", async () => {
    const result = await client.POST("/invoice", {
      body: { email: "a@b.c", id: 1, amount: 1, paid: 1, date_created: "2018-10-03 11:14:32", items: [] },
    });
    switch (result.status) {
      case 200:
        expectTypeOf(result.data).toEqualTypeOf<Success>();
        break;
      case 400:
      case 500:
        expectTypeOf(result.error).toEqualTypeOf<Error | ServerErrorBody>();
        break;
      default:
        expectTypeOf(result.status).toEqualTypeOf<UndocumentedStatus<200 | 400 | 500>>();
    }
  });
});

describe("named types: every schema by its name", () => {
  it("are the spec's schemas", () => {
    expectTypeOf<UpsertContactRequest>().toEqualTypeOf<components["schemas"]["UpsertContactRequest"]>();
    expectTypeOf<ReportContact>().toEqualTypeOf<components["schemas"]["ReportContact"]>();
    expectTypeOf<InvoiceItem>().toEqualTypeOf<components["schemas"]["InvoiceItem"]>();
    expectTypeOf<ContactResponse>().toEqualTypeOf<components["schemas"]["ContactResponse"]>();
    const body: UpsertContactRequest = { email: "joey@bloggs.com", first_name: "Joey" };
    void client.POST("/contact", { body });
  });

  it("and the paths by method", () => {
    expectTypeOf<SegmetricsPath<"delete">>().toEqualTypeOf<"/contact/{contact_id_or_email}" | "/invoice/{id}" | "/subscription/{id}">();
    expectTypeOf<"/identify">().toExtend<SegmetricsPath<"get">>();
    // @ts-expect-error not a documented path
    void client.POST("/contacts", { body: { email: "a@b.c" } });
  });
});

describe("inputs as the docs write them", () => {
  it("extend: the docs' comma-separated value, or a list", () => {
    const contact = { contact_id_or_email: "joey@bloggs.com" };
    void client.GET("/contact/{contact_id_or_email}", { params: { path: contact, query: { extend: "tags,events" } } });
    void client.GET("/contact/{contact_id_or_email}", { params: { path: contact, query: { extend: "orders" } } });
    void client.GET("/contact/{contact_id_or_email}", { params: { path: contact, query: { extend: ["tags", "events"] } } });
    void client.GET("/report/{report_type}/contacts", { params: { path: { report_type: "leads" }, query: { extend: "tags,orders,lists" } } });
    // @ts-expect-error notes is not an extension
    void client.GET("/contact/{contact_id_or_email}", { params: { path: contact, query: { extend: "tags,notes" } } });
    // @ts-expect-error each extension once
    void client.GET("/contact/{contact_id_or_email}", { params: { path: contact, query: { extend: "tags,tags" } } });
  });

  it("ids: the docs' numbers, or text", () => {
    void client.DELETE("/invoice/{id}", { params: { path: { id: 234115 } } });
    void client.DELETE("/invoice/{id}", { params: { path: { id: "234115" } } });
    void client.GET("/report/{report_type}/{report_id}", { params: { path: { report_type: "leads", report_id: 5 } } });
    void client.POST("/contact", { body: { contact_id: 249, email: "joey@bloggs.com" } });
  });
});
