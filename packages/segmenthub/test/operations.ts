// Every documented SegmentHub operation as a test case: the docs' own request example (read from the
// spec), the call a user makes for it (without the account and token the client fills in), and the
// body that must then reach the wire. The wire and configuration tests walk this table.
import type { components, SegmentHubClient } from "../src/index.ts";
import { requestExample, responseExample } from "./doc-examples.ts";
import { ACCOUNT, TOKEN } from "./harness.ts";

type Schemas = components["schemas"];

export interface OperationCase {
  operationId: string;
  path: string;
  call: (client: SegmentHubClient) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
  /** The JSON body the server must receive. */
  wire: Record<string, unknown>;
  /** The spec binds `token` to the client's config: the call needs one. */
  needsToken: boolean;
  /** The documented success body (or, where the docs show none, one in the spec's shape). */
  reply: unknown;
}

/** A docs example as a caller writes it: without `account` and `token`, which the client fills in. */
function callerBody<T extends { account: string; token?: string }>(example: T): Omit<T, "account" | "token"> {
  const rest: Partial<T> = { ...example };
  delete rest.account;
  delete rest.token;
  return rest as Omit<T, "account" | "token">;
}

/** A docs example as it must reach the wire: the placeholders of `account` and `token` filled in. */
function onTheWire(example: { account: string; token?: string }): Record<string, unknown> {
  return { ...example, account: ACCOUNT, ...(example.token === undefined ? {} : { token: TOKEN }) };
}

const pageView = requestExample<Schemas["PageViewEvent"]>("fireEvent", "pageView");
const productView = requestExample<Schemas["ProductViewEvent"]>("fireEvent", "productView");
const purchase = requestExample<Schemas["PurchaseEvent"]>("fireEvent", "purchase");
/** An event type created in the panel: the common properties only. */
const custom = { ...pageView, event: "newsletterSignup" as const, path: "/newsletter" };

const campaigns = responseExample("fireEvent", "200", "pageView");
const updated = responseExample("updateProfileAttributes", "200", "profilesUpdateAttributes");

const event = (body: { account: string }, call: OperationCase["call"]): OperationCase => ({
  operationId: "fireEvent",
  path: "/campaigns/query",
  call,
  wire: onTheWire(body),
  needsToken: false,
  reply: campaigns,
});

export const cases: Record<string, OperationCase> = {
  "Events - Page View (fireEvent)": event(pageView, (c) => c.fireEvent(callerBody(pageView))),
  "Events - Product View (fireEvent)": event(productView, (c) => c.fireEvent(callerBody(productView))),
  "Events - Purchase (fireEvent)": event(purchase, (c) => c.fireEvent(callerBody(purchase))),
  "Events - custom panel event (fireEvent)": event(custom, (c) => c.fireEvent(callerBody(custom))),
  "Events - Purchase (raw POST)": event(purchase, (c) => c.POST("/campaigns/query", { body: callerBody(purchase) })),
  "Profiles - Query": {
    operationId: "queryProfile",
    path: "/profiles/query",
    call: (c) => c.POST("/profiles/query", { body: callerBody(requestExample<Schemas["ProfileQueryRequest"]>("queryProfile", "profilesQuery")) }),
    wire: onTheWire(requestExample("queryProfile", "profilesQuery")),
    needsToken: true,
    reply: responseExample("queryProfile", "200", "profilesQuery"),
  },
  "Profiles - Update Attributes": {
    operationId: "updateProfileAttributes",
    path: "/profiles/attributes",
    call: (c) =>
      c.POST("/profiles/attributes", {
        body: callerBody(requestExample<Schemas["ProfileAttributesRequest"]>("updateProfileAttributes", "profilesUpdateAttributes")),
      }),
    wire: onTheWire(requestExample("updateProfileAttributes", "profilesUpdateAttributes")),
    needsToken: true,
    reply: updated,
  },
  "Profiles - Update Segments": {
    operationId: "updateProfileSegments",
    path: "/profiles/segments",
    call: (c) =>
      c.POST("/profiles/segments", {
        body: callerBody(requestExample<Schemas["ProfileSegmentsRequest"]>("updateProfileSegments", "profilesUpdateSegments")),
      }),
    wire: onTheWire(requestExample("updateProfileSegments", "profilesUpdateSegments")),
    needsToken: true,
    reply: { status: 200, profileId: "YOUR_PROFILE_ID", message: "Profile segments saved successfully.", errors: [] },
  },
  "Visitors - Query": {
    operationId: "queryVisitor",
    path: "/visitors/query",
    call: (c) => c.POST("/visitors/query", { body: callerBody(requestExample<Schemas["VisitorQueryRequest"]>("queryVisitor", "visitorsQuery")) }),
    wire: onTheWire(requestExample("queryVisitor", "visitorsQuery")),
    needsToken: true,
    reply: { status: 200, message: "Visitor queried successfully.", errors: [], attributes: { country: [{ value: "tr" }] }, segments: [] },
  },
  "Visitors - Update Attributes": {
    operationId: "updateVisitorAttributes",
    path: "/visitors/attributes",
    call: (c) =>
      c.POST("/visitors/attributes", {
        body: callerBody(requestExample<Schemas["VisitorAttributesRequest"]>("updateVisitorAttributes", "visitorsUpdateAttributes")),
      }),
    wire: onTheWire(requestExample("updateVisitorAttributes", "visitorsUpdateAttributes")),
    needsToken: true,
    reply: { status: 200, visitorId: "VISITOR_ID", message: "Visitor attributes saved successfully.", errors: [] },
  },
  "Visitors - Update Segments": {
    operationId: "updateVisitorSegments",
    path: "/visitors/segments",
    call: (c) =>
      c.POST("/visitors/segments", {
        body: callerBody(requestExample<Schemas["VisitorSegmentsRequest"]>("updateVisitorSegments", "visitorsUpdateSegments")),
      }),
    wire: onTheWire(requestExample("updateVisitorSegments", "visitorsUpdateSegments")),
    needsToken: true,
    reply: { status: 200, visitorId: "VISITOR_ID", message: "Visitor segments saved successfully.", errors: [] },
  },
};
