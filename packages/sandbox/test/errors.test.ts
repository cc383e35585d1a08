// Requests that break their spec, carry bad credentials or the wrong media type get the vendor's
// documented error body, naming the problem.
import { describe, expect, it } from "vitest";
import type { Vendor } from "../src/index.ts";
import { call, SEGMENTER_AUTH, SEGMETRICS_AUTH, SEGMINT_BASIC, segmetricsPaths, segmintToken, specProblems, useSandbox, type CallInit } from "./harness.ts";

const sandbox = await useSandbox();
const bearer = { authorization: `Bearer ${await segmintToken(sandbox)}` };
const { importPath, reporting, track } = segmetricsPaths("acct-errors");
const hubBody = { account: "a", token: "sandbox-token" };

interface ErrorCase {
  vendor: Vendor;
  operationId?: string;
  method: string;
  path: string;
  init?: CallInit;
  status: number;
  body: unknown;
}

const sm = (errors: string[]): unknown => ({ status: "error", errors });
const segmenterError = (message: string): unknown => ({ statusCode: 400, message, error: "Bad Request" });
const hub400 = (errors: string[]): unknown => ({ status: 400, message: "The request was malformed or missing required parameters.", errors });

const cases: [string, ErrorCase][] = [
  // ── SegMetrics ──
  ["segmetrics: no API key", { vendor: "segmetrics", operationId: "upsertContact", method: "POST", path: `${importPath}/contact`, init: { body: { email: "a@b.c" } }, status: 401, body: sm(["missing API key: send it as the Authorization header"]) }],
  ["segmetrics: wrong API key", { vendor: "segmetrics", operationId: "getReport", method: "GET", path: `${reporting}/report/leads`, init: { headers: { authorization: "Bearer sandbox-key" } }, status: 401, body: sm(["invalid API key in the Authorization header"]) }],
  ["segmetrics: neither contact_id nor email", { vendor: "segmetrics", operationId: "upsertContact", method: "POST", path: `${importPath}/contact`, init: { headers: SEGMETRICS_AUTH, body: { first_name: "Joey" } }, status: 400, body: sm(["missing 'contact_id' or 'email' field"]) }],
  ["segmetrics: an undocumented field", { vendor: "segmetrics", operationId: "upsertContact", method: "POST", path: `${importPath}/contact`, init: { headers: SEGMETRICS_AUTH, body: { email: "a@b.c", shoe_size: 9 } }, status: 400, body: sm(["unknown field 'shoe_size'"]) }],
  [
    "segmetrics: invoice items and flags wrong",
    {
      vendor: "segmetrics", operationId: "addInvoice", method: "POST", path: `${importPath}/invoice`,
      init: { headers: SEGMETRICS_AUTH, body: { email: "a@b.c", id: 1, amount: 10, paid: 10, date_created: "2024-01-01", items: [{ product_id: 1, amount: 10 }], is_refunded: 2 } },
      status: 400,
      body: sm(["missing 'items[0].name' field", "'is_refunded' does not match any documented shape ('is_refunded' must be boolean; 'is_refunded' must be one of 0, 1)"]),
    },
  ],
  ["segmetrics: mixed tag kinds", { vendor: "segmetrics", operationId: "addTagsToContact", method: "POST", path: `${importPath}/tags/add`, init: { headers: SEGMETRICS_AUTH, body: { contact_id: 1, tags: [3, "VIP"] } }, status: 400, body: sm(["'tags' does not match any documented shape ('tags[1]' must be integer; 'tags[0]' must be string; 'tags[0]' must be object; 'tags[1]' must be object)"]) }],
  ["segmetrics: malformed JSON", { vendor: "segmetrics", operationId: "upsertContact", method: "POST", path: `${importPath}/contact`, init: { headers: { ...SEGMETRICS_AUTH, "content-type": "application/json" }, body: '{"email": ' }, status: 400, body: sm(["body is not valid JSON: Unexpected end of JSON input"]) }],
  ["segmetrics: not JSON", { vendor: "segmetrics", operationId: "upsertContact", method: "POST", path: `${importPath}/contact`, init: { headers: { ...SEGMETRICS_AUTH, "content-type": "text/plain" }, body: "email=a" }, status: 400, body: sm(["request body must be application/json (got text/plain)"]) }],
  ["segmetrics: no body", { vendor: "segmetrics", operationId: "addProduct", method: "POST", path: `${importPath}/product`, init: { headers: SEGMETRICS_AUTH }, status: 400, body: sm(["request body is required"]) }],
  ["segmetrics: a date that is not one", { vendor: "segmetrics", operationId: "upsertContact", method: "POST", path: `${importPath}/contact`, init: { headers: SEGMETRICS_AUTH, body: { email: "a@b.c", date_created: "yesterday-ish" } }, status: 400, body: sm(['\'date_created\' is not a date-time (expected e.g. "2018-10-02 16:15:00"): "yesterday-ish"']) }],
  ["segmetrics: limit out of range, unknown extension", { vendor: "segmetrics", operationId: "getReportContacts", method: "GET", path: `${reporting}/report/leads/contacts?limit=500&extend=tags,notes`, init: { headers: SEGMETRICS_AUTH }, status: 400, body: sm(["query parameter 'extend[1]' must be one of \"events\", \"tags\", \"orders\", \"subscriptions\", \"lists\"", "query parameter 'limit' must be <= 100"]) }],
  ["segmetrics: unknown report type", { vendor: "segmetrics", operationId: "getReport", method: "GET", path: `${reporting}/report/sales`, init: { headers: SEGMETRICS_AUTH }, status: 400, body: sm(["path parameter 'report_type' must be one of \"leads\", \"revenue\", \"ads\", \"subscriptions\""]) }],
  ["segmetrics: identify without email (no key needed)", { vendor: "segmetrics", operationId: "identifyContact", method: "GET", path: `${track}/identify?account_id=a&seg_uid=u`, status: 400, body: sm(["missing query parameter 'email'"]) }],
  ["segmetrics: an import operation on the reporting host", { vendor: "segmetrics", method: "DELETE", path: `${reporting}/contact/1`, init: { headers: SEGMETRICS_AUTH }, status: 404, body: sm(["Cannot DELETE /contact/1 on the reporting host"]) }],
  ["segmetrics: an undocumented path", { vendor: "segmetrics", method: "POST", path: `${importPath}/adset`, init: { headers: SEGMETRICS_AUTH, body: {} }, status: 404, body: sm(["Cannot POST /adset on the import host"]) }],
  // ── Segmint ──
  ["segmint: token without Basic credentials", { vendor: "segmint", operationId: "createToken", method: "POST", path: "/segmint/auth/v1/token?grant_type=token", status: 401, body: { error: "Unauthorized", message: "HTTP Basic credentials (username:password) are required" } }],
  ["segmint: token with a wrong password", { vendor: "segmint", operationId: "createToken", method: "POST", path: "/segmint/auth/v1/token?grant_type=token", init: { headers: { authorization: `Basic ${Buffer.from("sandbox-user:nope").toString("base64")}` } }, status: 401, body: { error: "Unauthorized", message: "Invalid username or password" } }],
  ["segmint: token without grant_type", { vendor: "segmint", operationId: "createToken", method: "POST", path: "/segmint/auth/v1/token", init: { headers: SEGMINT_BASIC }, status: 400, body: { error: "Bad Request", message: "missing query parameter 'grant_type'", errors: ["missing query parameter 'grant_type'"] } }],
  ["segmint: token with another grant_type", { vendor: "segmint", operationId: "createToken", method: "POST", path: "/segmint/auth/v1/token?grant_type=password", init: { headers: SEGMINT_BASIC }, status: 400, body: { error: "Bad Request", message: "query parameter 'grant_type' must be one of \"token\"", errors: ["query parameter 'grant_type' must be one of \"token\""] } }],
  ["segmint: campaign without a token", { vendor: "segmint", operationId: "getCampaign", method: "GET", path: "/segmint/campaigns/1001", status: 401, body: { error: "Unauthorized", message: "The authorization token is missing: send Authorization: Bearer <token>" } }],
  ["segmint: campaign with a token never issued", { vendor: "segmint", operationId: "getCampaign", method: "GET", path: "/segmint/campaigns/1001", init: { headers: { authorization: "Bearer made-up" } }, status: 401, body: { error: "Unauthorized", message: "The authorization token provided is invalid" } }],
  ["segmint: an unknown campaign", { vendor: "segmint", operationId: "getCampaign", method: "GET", path: "/segmint/campaigns/1234", init: { headers: bearer }, status: 404, body: { error: "Not Found", message: "The resource does not exist: campaign 1234" } }],
  ["segmint: a non-existing endpoint (the docs' /some-fake-endpoint)", { vendor: "segmint", method: "GET", path: "/segmint/some-fake-endpoint", init: { headers: bearer }, status: 404, body: { error: "Not Found", message: "Cannot GET /some-fake-endpoint" } }],
  // ── Segmenter ──
  ["segmenter: no x-api-key", { vendor: "segmenter", operationId: "createSegment", method: "POST", path: "/segmenter/segments", init: { body: { name: "x" } }, status: 401, body: { statusCode: 401, message: "Unauthorized" } }],
  ["segmenter: wrong x-api-key", { vendor: "segmenter", operationId: "updateSegment", method: "PUT", path: "/segmenter/segments", init: { headers: { "x-api-key": "nope" }, body: { id: "1", persons: [] } }, status: 401, body: { statusCode: 401, message: "Unauthorized" } }],
  ["segmenter: create without a name", { vendor: "segmenter", operationId: "createSegment", method: "POST", path: "/segmenter/segments", init: { headers: SEGMENTER_AUTH, body: { persons: [] } }, status: 400, body: segmenterError("missing 'name' field") }],
  ["segmenter: a person without externalId", { vendor: "segmenter", operationId: "createSegment", method: "POST", path: "/segmenter/segments", init: { headers: SEGMENTER_AUTH, body: { name: "x", persons: [{ email: "a@b.c" }] } }, status: 400, body: segmenterError("missing 'persons[0].externalId' field") }],
  ["segmenter: update without persons (it would be ambiguous)", { vendor: "segmenter", operationId: "updateSegment", method: "PUT", path: "/segmenter/segments", init: { headers: SEGMENTER_AUTH, body: { id: "1" } }, status: 400, body: segmenterError("missing 'persons' field") }],
  // ── SegmentHub ──
  ["segmenthub: a body that is not JSON", { vendor: "segmenthub", operationId: "queryProfile", method: "POST", path: "/segmenthub/profiles/query", init: { headers: { "content-type": "application/x-www-form-urlencoded" }, body: "account=a" }, status: 415, body: { status: 415, message: "Unsupported Media Type: the API is only willing to process application/json (got application/x-www-form-urlencoded).", errors: [] } }],
  ["segmenthub: a body without a content type", { vendor: "segmenthub", operationId: "fireEvent", method: "POST", path: "/segmenthub/campaigns/query", init: { headers: { "content-type": "" }, body: "{}" }, status: 415, body: { status: 415, message: "Unsupported Media Type: the API is only willing to process application/json.", errors: [] } }],
  ["segmenthub: a query without a token", { vendor: "segmenthub", operationId: "queryProfile", method: "POST", path: "/segmenthub/profiles/query", init: { body: { account: "a", profileId: "p" } }, status: 401, body: { status: 401, message: "Unauthorized: the API token provided was invalid or missing.", errors: [] } }],
  ["segmenthub: an event with a wrong token", { vendor: "segmenthub", operationId: "fireEvent", method: "POST", path: "/segmenthub/campaigns/query", init: { body: { account: "a", token: "nope", visitorId: "v", platform: "p", event: "pageView" } }, status: 401, body: { status: 401, message: "Unauthorized: the API token provided was invalid or missing.", errors: [] } }],
  ["segmenthub: a purchase without orderId", { vendor: "segmenthub", operationId: "fireEvent", method: "POST", path: "/segmenthub/campaigns/query", init: { body: { account: "a", visitorId: "v", platform: "p", event: "purchase" } }, status: 400, body: hub400(["missing 'orderId' field"]) }],
  ["segmenthub: a device that is not one of the three", { vendor: "segmenthub", operationId: "fireEvent", method: "POST", path: "/segmenthub/campaigns/query", init: { body: { account: "a", visitorId: "v", platform: "p", event: "pageView", device: "tv" } }, status: 400, body: hub400(["'device' must be one of \"desktop\", \"tablet\", \"mobile\""]) }],
  ["segmenthub: attribute values of the wrong type", { vendor: "segmenthub", operationId: "updateProfileAttributes", method: "POST", path: "/segmenthub/profiles/attributes", init: { body: { ...hubBody, profileId: "p", attributes: { age: 42 } } }, status: 400, body: hub400(["'attributes.age' does not match any documented shape ('attributes.age' must be string; 'attributes.age' must be array)"]) }],
  ["segmenthub: no account", { vendor: "segmenthub", operationId: "updateVisitorSegments", method: "POST", path: "/segmenthub/visitors/segments", init: { body: { token: "sandbox-token", visitorId: "v" } }, status: 400, body: hub400(["missing 'account' field"]) }],
];

describe("documented error bodies", () => {
  it.each(cases)("%s", async (_name, { vendor, operationId, method, path, init, status, body }) => {
    const answer = await call(sandbox, method, path, init);
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual(body);
    if (!operationId) return;
    // Where the spec declares the status, the body matches it; SegMetrics' undeclared 401/404 use
    // its documented error envelope (the 400 body).
    const declared = specProblems(vendor, operationId, answer);
    if (declared.some((p) => p.includes("is not declared"))) expect(specProblems(vendor, operationId, { status: 400, body: answer.body })).toEqual([]);
    else expect(declared).toEqual([]);
  });

  it("a path outside every vendor's prefix says where the vendors are", async () => {
    const answer = await call(sandbox, "GET", "/segmetric/contact");
    expect(answer.status).toBe(404);
    expect(answer.body).toMatchObject({ error: "Not Found", message: expect.stringContaining("/segmetrics/import/api/v1/{account_id}/{integration_id}") as unknown });
  });
});
