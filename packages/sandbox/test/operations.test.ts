// Every operation a vendor module handles statefully answers its documented success (or, where the
// case says so, its documented error), and its reply conforms to the spec — driven mostly by the
// specs' own request examples. The last test checks no stateful operation was left out; operations
// answered from the spec alone are test/spec-answers.test.ts's.
import { describe, expect, it } from "vitest";
import type { Vendor } from "../src/index.ts";
import { vendorCatalog } from "../src/vendors/catalog.ts";
import { serveVendor } from "../src/vendors/registry.ts";
import { call, requestExample, SEGMENTER_AUTH, SEGMETRICS_AUTH, SEGMINT_BASIC, segmetricsPaths, segmintToken, specProblems, useSandbox, type Answer, type CallInit } from "./harness.ts";

const sandbox = await useSandbox();
const { importPath, reporting, track } = segmetricsPaths("acct-ops");
const json = (body: unknown, headers: Record<string, string> = SEGMETRICS_AUTH): CallInit => ({ headers, body });
const hub = (operationId: string, example: string): CallInit => ({
  body: { ...requestExample("segmenthub", operationId, example), token: "sandbox-token" },
});

interface Case {
  vendor: Vendor;
  operationId: string;
  request: () => Promise<Answer> | Answer | Promise<CallInit & { method: string; path: string }>;
  status?: number;
}

let segmentId = "";
let bearer = "";

/** In order: later cases read what earlier ones wrote. */
const cases: [string, Case][] = [
  // SegMetrics import host, with the docs' own example bodies.
  ["upsertContact (docs example)", { vendor: "segmetrics", operationId: "upsertContact", request: () => call(sandbox, "POST", `${importPath}/contact`, json(requestExample("segmetrics", "upsertContact", "contact"))) }],
  ...(["tagIds", "tagNames", "tagObjects"] as const).flatMap((example): [string, Case][] => [
    [`addTagsToContact (${example})`, { vendor: "segmetrics", operationId: "addTagsToContact", request: () => call(sandbox, "POST", `${importPath}/tags/add`, json(requestExample("segmetrics", "addTagsToContact", example))) }],
    [`removeTagsFromContact (${example})`, { vendor: "segmetrics", operationId: "removeTagsFromContact", request: () => call(sandbox, "POST", `${importPath}/tags/remove`, json(requestExample("segmetrics", "removeTagsFromContact", example))) }],
  ]),
  ["addInvoice (docs example)", { vendor: "segmetrics", operationId: "addInvoice", request: () => call(sandbox, "POST", `${importPath}/invoice`, json(requestExample("segmetrics", "addInvoice", "purchase"))) }],
  [
    "upsertSubscription (docs example, for an existing contact)",
    {
      vendor: "segmetrics",
      operationId: "upsertSubscription",
      request: async () => {
        await call(sandbox, "POST", `${importPath}/contact`, json({ email: "mwiegand@gmail.com" }));
        return call(sandbox, "POST", `${importPath}/subscription`, json(requestExample("segmetrics", "upsertSubscription", "monthly")));
      },
    },
  ],
  ["addProduct", { vendor: "segmetrics", operationId: "addProduct", request: () => call(sandbox, "POST", `${importPath}/product`, json(requestExample("segmetrics", "addProduct", "product"))) }],
  ["recordAdPerformance (docs example)", { vendor: "segmetrics", operationId: "recordAdPerformance", request: () => call(sandbox, "POST", `${importPath}/ad/performance`, json(requestExample("segmetrics", "recordAdPerformance", "withCampaignAndAdSet"))) }],
  // Track host: no API key.
  ["identifyContact", { vendor: "segmetrics", operationId: "identifyContact", request: () => call(sandbox, "GET", `${track}/identify?account_id=acct-ops&seg_uid=SESSION_UID&email=joey%40bloggs.com`) }],
  // Reporting host.
  ["getReport", { vendor: "segmetrics", operationId: "getReport", request: () => call(sandbox, "GET", `${reporting}/report/leads?start=2018-01-01&end=2019-12-31&scale=month`, { headers: SEGMETRICS_AUTH }) }],
  ["getSavedReport", { vendor: "segmetrics", operationId: "getSavedReport", request: () => call(sandbox, "GET", `${reporting}/report/revenue/77?start=2018-10-01&end=2018-10-31&scale=week`, { headers: SEGMETRICS_AUTH }) }],
  ["getReport (ads)", { vendor: "segmetrics", operationId: "getReport", request: () => call(sandbox, "GET", `${reporting}/report/ads?start=2018-10-01&end=2018-10-31`, { headers: SEGMETRICS_AUTH }) }],
  ["getReport (subscriptions)", { vendor: "segmetrics", operationId: "getReport", request: () => call(sandbox, "GET", `${reporting}/report/subscriptions?start=2019-12-01&end=2019-12-31`, { headers: SEGMETRICS_AUTH }) }],
  [
    "getReportContacts (every extension)",
    { vendor: "segmetrics", operationId: "getReportContacts", request: () => call(sandbox, "GET", `${reporting}/report/leads/contacts?start=2018-01-01&end=now&extend=tags,orders,events,subscriptions,lists&limit=2`, { headers: SEGMETRICS_AUTH }) },
  ],
  ["getSavedReportContacts", { vendor: "segmetrics", operationId: "getSavedReportContacts", request: () => call(sandbox, "GET", `${reporting}/report/subscriptions/5/contacts?start=2019-01-01&end=2019-12-31&extend=subscriptions`, { headers: SEGMETRICS_AUTH }) }],
  ["getContact (every extension)", { vendor: "segmetrics", operationId: "getContact", request: () => call(sandbox, "GET", `${reporting}/contact/249?extend=tags,orders,events,subscriptions,lists`, { headers: SEGMETRICS_AUTH }) }],
  ["deleteContact", { vendor: "segmetrics", operationId: "deleteContact", request: () => call(sandbox, "DELETE", `${importPath}/contact/249`, { headers: SEGMETRICS_AUTH }) }],
  ["deleteInvoice", { vendor: "segmetrics", operationId: "deleteInvoice", request: () => call(sandbox, "DELETE", `${importPath}/invoice/234115`, { headers: SEGMETRICS_AUTH }) }],
  ["deleteSubscription", { vendor: "segmetrics", operationId: "deleteSubscription", request: () => call(sandbox, "DELETE", `${importPath}/subscription/234115`, { headers: SEGMETRICS_AUTH }) }],
  // Segmint.
  [
    "createToken (grant_type in the query)",
    {
      vendor: "segmint",
      operationId: "createToken",
      request: async () => {
        const answer = await call(sandbox, "POST", "/segmint/auth/v1/token?grant_type=token", { headers: SEGMINT_BASIC });
        bearer = await segmintToken(sandbox);
        return answer;
      },
    },
  ],
  [
    "createToken (grant_type in a form body)",
    { vendor: "segmint", operationId: "createToken", request: () => call(sandbox, "POST", "/segmint/auth/v1/token", { headers: { ...SEGMINT_BASIC, "content-type": "application/x-www-form-urlencoded" }, body: "grant_type=token" }) },
  ],
  ["getCampaign", { vendor: "segmint", operationId: "getCampaign", request: () => call(sandbox, "GET", "/segmint/campaigns/1001", { headers: { authorization: `Bearer ${bearer}` } }) }],
  ["getCampaign (the docs' 404 example, /campaigns/1234)", { vendor: "segmint", operationId: "getCampaign", status: 404, request: () => call(sandbox, "GET", "/segmint/campaigns/1234", { headers: { authorization: `Bearer ${bearer}` } }) }],
  // Segmenter.
  [
    "createSegment (docs example)",
    {
      vendor: "segmenter",
      operationId: "createSegment",
      request: async () => {
        const answer = await call(sandbox, "POST", "/segmenter/segments", { headers: SEGMENTER_AUTH, body: requestExample("segmenter", "createSegment", "segmentWithPersons") });
        segmentId = (answer.body as { data: { id: string } }).data.id;
        return answer;
      },
    },
  ],
  ...(["updateWithPersons", "editSubstitutionTags", "removeAllPersons"] as const).map((example): [string, Case] => [
    `updateSegment (${example})`,
    { vendor: "segmenter", operationId: "updateSegment", request: () => call(sandbox, "PUT", "/segmenter/segments", { headers: SEGMENTER_AUTH, body: { ...requestExample("segmenter", "updateSegment", example), id: segmentId } }) },
  ]),
  // SegmentHub, with the docs' examples (their `{{token}}` placeholder replaced by the sandbox's token).
  ...(["pageView", "productView", "purchase"] as const).map((example): [string, Case] => [
    `fireEvent (${example})`,
    { vendor: "segmenthub", operationId: "fireEvent", request: () => call(sandbox, "POST", "/segmenthub/campaigns/query", { body: requestExample("segmenthub", "fireEvent", example) }) },
  ]),
  ["updateProfileAttributes", { vendor: "segmenthub", operationId: "updateProfileAttributes", request: () => call(sandbox, "POST", "/segmenthub/profiles/attributes", hub("updateProfileAttributes", "profilesUpdateAttributes")) }],
  ["updateProfileSegments", { vendor: "segmenthub", operationId: "updateProfileSegments", request: () => call(sandbox, "POST", "/segmenthub/profiles/segments", hub("updateProfileSegments", "profilesUpdateSegments")) }],
  ["queryProfile", { vendor: "segmenthub", operationId: "queryProfile", request: () => call(sandbox, "POST", "/segmenthub/profiles/query", hub("queryProfile", "profilesQuery")) }],
  ["updateVisitorAttributes", { vendor: "segmenthub", operationId: "updateVisitorAttributes", request: () => call(sandbox, "POST", "/segmenthub/visitors/attributes", hub("updateVisitorAttributes", "visitorsUpdateAttributes")) }],
  ["updateVisitorSegments", { vendor: "segmenthub", operationId: "updateVisitorSegments", request: () => call(sandbox, "POST", "/segmenthub/visitors/segments", hub("updateVisitorSegments", "visitorsUpdateSegments")) }],
  ["queryVisitor", { vendor: "segmenthub", operationId: "queryVisitor", request: () => call(sandbox, "POST", "/segmenthub/visitors/query", hub("queryVisitor", "visitorsQuery")) }],
];

const exercised = new Set<string>();

describe("every stateful operation of every vendor", () => {
  it.each(cases)("%s", async (_name, { vendor, operationId, request, status = 200 }) => {
    const answer = (await request()) as Answer;
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    expect(specProblems(vendor, operationId, answer)).toEqual([]);
    const last = sandbox.log.at(-1);
    expect(last).toMatchObject({ vendor, operationId, result: status });
    exercised.add(`${vendor}.${operationId}`);
  });

  it("left no stateful operation out", () => {
    const stateful = vendorCatalog().flatMap((info) => serveVendor(info).stateful.map((operationId) => `${info.vendor}.${operationId}`));
    expect(stateful.length).toBeGreaterThan(0);
    expect([...exercised].sort()).toEqual(stateful.sort());
  });
});
