// For every documented SegMetrics operation: the request that reaches a real server (method, host,
// path, headers, query, body) is what the docs' examples specify, and the documented responses come
// back. Statuses, retries and leaks: conformance.test.ts.
import type { TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import type { components, SegmetricsClient } from "../src/index.ts";
import { requestExample, responseExample } from "./doc-examples.ts";
import { ACCOUNT_IN_PATH, API_KEY, clientWithServer, INTEGRATION } from "./harness.ts";

type Schemas = components["schemas"];

const IMPORT = `/import/api/v1/${ACCOUNT_IN_PATH}/${INTEGRATION}`;
const REPORTING = `/reporting/${ACCOUNT_IN_PATH}`;

interface WireCase {
  call: (client: SegmetricsClient) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  want: { method: string; path: string; query?: string; body?: unknown; authenticated?: boolean };
  /** The documented success response (status 200), as the docs show it. */
  reply: unknown;
}

const success = responseExample("upsertContact", "200", "success");

const cases: Record<string, WireCase> = {
  "upsertContact (docs example)": {
    call: (c) => c.POST("/contact", { body: requestExample<Schemas["UpsertContactRequest"]>("upsertContact", "contact") }),
    want: { method: "POST", path: `${IMPORT}/contact`, body: requestExample("upsertContact", "contact") },
    reply: success,
  },
  "getContact by email, extend=tags,events": {
    call: (c) =>
      c.GET("/contact/{contact_id_or_email}", {
        params: { path: { contact_id_or_email: "joey+vip@bloggs.com" }, query: { extend: ["tags", "events"] } },
      }),
    want: { method: "GET", path: `${REPORTING}/contact/joey%2Bvip%40bloggs.com`, query: "extend=tags,events" },
    reply: responseExample("getContact", "200", "contact"),
  },
  "getContact, extend written as the docs write it (one comma-separated string)": {
    call: (c) =>
      c.GET("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: 249 }, query: { extend: "tags,events" } } }),
    // Sent as given, its comma percent-encoded: a server decodes both forms to `tags,events`.
    want: { method: "GET", path: `${REPORTING}/contact/249`, query: "extend=tags%2Cevents" },
    reply: responseExample("getContact", "200", "contact"),
  },
  "deleteContact by id": {
    call: (c) => c.DELETE("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: 249 } } }),
    want: { method: "DELETE", path: `${IMPORT}/contact/249` },
    reply: responseExample("deleteContact", "200", "deleted"),
  },
  "deleteContact by email (percent-encoded)": {
    call: (c) => c.DELETE("/contact/{contact_id_or_email}", { params: { path: { contact_id_or_email: "a/b c@x.io" } } }),
    want: { method: "DELETE", path: `${IMPORT}/contact/a%2Fb%20c%40x.io` },
    reply: responseExample("deleteContact", "200", "deleted"),
  },
  ...Object.fromEntries(
    (["tagIds", "tagNames", "tagObjects"] as const).flatMap((example) => [
      [
        `addTagsToContact (${example})`,
        {
          call: (c) => c.POST("/tags/add", { body: requestExample<Schemas["AddTagsRequest"]>("addTagsToContact", example) }),
          want: { method: "POST", path: `${IMPORT}/tags/add`, body: requestExample("addTagsToContact", example) },
          reply: success,
        } satisfies WireCase,
      ],
      [
        `removeTagsFromContact (${example})`,
        {
          call: (c) => c.POST("/tags/remove", { body: requestExample<Schemas["RemoveTagsRequest"]>("removeTagsFromContact", example) }),
          want: { method: "POST", path: `${IMPORT}/tags/remove`, body: requestExample("removeTagsFromContact", example) },
          reply: success,
        } satisfies WireCase,
      ],
    ]),
  ),
  "addInvoice (docs example)": {
    call: (c) => c.POST("/invoice", { body: requestExample<Schemas["AddInvoiceRequest"]>("addInvoice", "purchase") }),
    want: { method: "POST", path: `${IMPORT}/invoice`, body: requestExample("addInvoice", "purchase") },
    reply: success,
  },
  "deleteInvoice": {
    call: (c) => c.DELETE("/invoice/{id}", { params: { path: { id: 234115 } } }),
    want: { method: "DELETE", path: `${IMPORT}/invoice/234115` },
    reply: responseExample("deleteInvoice", "200", "deleted"),
  },
  "upsertSubscription (docs example)": {
    call: (c) => c.POST("/subscription", { body: requestExample<Schemas["UpsertSubscriptionRequest"]>("upsertSubscription", "monthly") }),
    want: { method: "POST", path: `${IMPORT}/subscription`, body: requestExample("upsertSubscription", "monthly") },
    reply: success,
  },
  "deleteSubscription": {
    call: (c) => c.DELETE("/subscription/{id}", { params: { path: { id: "sub_9" } } }),
    want: { method: "DELETE", path: `${IMPORT}/subscription/sub_9` },
    reply: responseExample("deleteSubscription", "200", "deleted"),
  },
  "addProduct (corrected docs example)": {
    call: (c) => c.POST("/product", { body: requestExample<Schemas["AddProductRequest"]>("addProduct", "product") }),
    want: { method: "POST", path: `${IMPORT}/product`, body: requestExample("addProduct", "product") },
    reply: success,
  },
  "recordAdPerformance (docs example)": {
    call: (c) =>
      c.POST("/ad/performance", { body: requestExample<Schemas["RecordAdPerformanceRequest"]>("recordAdPerformance", "withCampaignAndAdSet") }),
    want: { method: "POST", path: `${IMPORT}/ad/performance`, body: requestExample("recordAdPerformance", "withCampaignAndAdSet") },
    reply: success,
  },
  "identifyContact: account_id filled in, no Authorization": {
    call: (c) => c.GET("/identify", { params: { query: { seg_uid: "SESSION_UID", email: "john@example.com" } } }),
    want: {
      method: "GET",
      path: "/track/identify",
      query: `account_id=${ACCOUNT_IN_PATH}&seg_uid=SESSION_UID&email=john%40example.com`,
      authenticated: false,
    },
    reply: undefined,
  },
  "getReport with a relative start": {
    call: (c) =>
      c.GET("/report/{report_type}", {
        params: { path: { report_type: "leads" }, query: { start: "first day of last month", end: "2020-11-24", scale: "day" } },
      }),
    want: { method: "GET", path: `${REPORTING}/report/leads`, query: "start=first%20day%20of%20last%20month&end=2020-11-24&scale=day" },
    reply: responseExample("getReport", "200", "newLeadReport"),
  },
  "getSavedReport (docs curl)": {
    call: (c) =>
      c.GET("/report/{report_type}/{report_id}", {
        params: { path: { report_type: "revenue", report_id: 17 }, query: { start: "2020-01-01", end: "2020-11-24", scale: "week" } },
      }),
    want: { method: "GET", path: `${REPORTING}/report/revenue/17`, query: "start=2020-01-01&end=2020-11-24&scale=week" },
    reply: responseExample("getSavedReport", "200", "newLeadReport"),
  },
  "getReportContacts with every parameter": {
    call: (c) =>
      c.GET("/report/{report_type}/contacts", {
        params: {
          path: { report_type: "ads" },
          query: { start: "-30 day", end: "now", extend: ["events", "tags", "orders", "subscriptions", "lists"], limit: 100, page: 2 },
        },
      }),
    want: {
      method: "GET",
      path: `${REPORTING}/report/ads/contacts`,
      query: "start=-30%20day&end=now&extend=events,tags,orders,subscriptions,lists&limit=100&page=2",
    },
    reply: responseExample("getReportContacts", "200", "adsReportContacts"),
  },
  "getSavedReportContacts (docs curl)": {
    call: (c) =>
      c.GET("/report/{report_type}/{report_id}/contacts", {
        params: { path: { report_type: "subscriptions", report_id: "abc" }, query: { start: "2020-01-01", end: "2020-11-24", extend: ["tags", "events"] } },
      }),
    want: {
      method: "GET",
      path: `${REPORTING}/report/subscriptions/abc/contacts`,
      query: "start=2020-01-01&end=2020-11-24&extend=tags,events",
    },
    reply: responseExample("getSavedReportContacts", "200", "adsReportContacts"),
  },
};

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("wire format of every documented operation", () => {
  it.each(Object.entries(cases))("%s", async (_name, { call, want, reply }) => {
    const started = await clientWithServer(() =>
      reply === undefined ? { status: 200, body: "OK", headers: { "content-type": "text/plain" } } : { status: 200, json: reply },
    );
    server = started.server;

    const result = await call(started.client);

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request?.method).toBe(want.method);
    expect(request?.path).toBe(want.path);
    expect(request?.rawQuery).toBe(want.query ?? "");
    if (want.authenticated === false) expect(request?.headers.authorization).toBeUndefined();
    else expect(request?.headers.authorization).toBe(API_KEY);
    expect(request?.headers["user-agent"]).toMatch(/^@seg\/segmetrics\/\S+ @seg\/core\/\S+$/);
    if (want.body === undefined) {
      expect(request?.body).toBe("");
    } else {
      expect(request?.headers["content-type"]).toBe("application/json");
      expect(request?.json()).toEqual(want.body);
    }
    expect(result.error).toBeUndefined();
    expect(result.data).toEqual(reply ?? "OK");
  });
});
