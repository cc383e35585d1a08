// What must and must not compile against the SegMetrics client.
import { describe, expectTypeOf, it } from "vitest";
import { createSegmetricsClient, unwrap } from "../src/index.ts";

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
