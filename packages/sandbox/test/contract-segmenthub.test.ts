// Contract: @seg/segmenthub, as its README documents it, against the sandbox — every documented
// operation (events through `fireEvent`, profiles and visitors through the raw POSTs), fed with the
// docs' own examples, attributes and segments written then read back, typed errors, and
// @seg/core's retry rules end to end (queries are retried, events are not).
import type {
  SegApiError} from "@seg/segmenthub";
import {
  createSegmentHubClient,
  SegConfigError,
  SegConnectionError,
  unwrap,
  type components,
  type EventBody,
  type SegmentHubClient,
  type SegmentHubOptions,
} from "@seg/segmenthub";
import { beforeEach, describe, expect, it } from "vitest";
import type { LogEntry } from "../src/index.ts";
import { requestExample, specProblems, useSandbox } from "./harness.ts";

const ACCOUNT = "acct-hub";
const sandbox = await useSandbox({ credentials: { segmenthub: { accounts: [ACCOUNT] } } });
const client = (options: Partial<SegmentHubOptions> = {}): SegmentHubClient =>
  createSegmentHubClient({ ...sandbox.clientOptions.segmenthub, retry: { baseDelayMs: 1, maxDelayMs: 5 }, ...options });
const segmenthub = client();
const lastSeq = (): number => sandbox.log.at(-1)?.seq ?? 0;
const callsTo = (operationId: string, since: number): LogEntry[] => sandbox.log.filter((e) => e.operationId === operationId && e.seq > since);
const events = (): readonly { event: string }[] => sandbox.state.segmenthub.accounts[ACCOUNT]?.events ?? [];

type Schemas = components["schemas"];
/** A request body as a caller of this client writes it: `account` and `token` are the client's. */
type CallerBody<S extends keyof Schemas> = Omit<Schemas[S], "account" | "token">;

/**
 * A request example from the docs, as a caller of this client writes it: without `account` and
 * `token` (the client fills them in) and with the docs' `{{placeholders}}` filled.
 */
function docsExample<T>(operationId: string, name: string, values: Record<string, string>): T {
  const body = requestExample("segmenthub", operationId, name);
  delete body.account;
  delete body.token;
  return JSON.parse(JSON.stringify(body).replace(/\{\{(\w+)\}\}/g, (match, key: string) => values[key] ?? match)) as T;
}

beforeEach(() => {
  sandbox.setFaults([]);
});

describe("every documented operation", () => {
  it("events: the docs' page view, product view and purchase, and a panel event, return the campaigns", async () => {
    const campaigns = [{ id: "cmp-1", name: "Summer sale" }];
    sandbox.setState({ ...sandbox.snapshot(), segmenthub: { ...sandbox.snapshot().segmenthub, campaigns } });
    const ids = { visitorId: "v-events", profileId: "ev@example.com", platform: "www.example.com" };
    const count = events().length;
    const answers = [
      await segmenthub.fireEvent(docsExample<EventBody<"pageView">>("fireEvent", "pageView", ids)),
      await segmenthub.fireEvent(docsExample<EventBody<"productView">>("fireEvent", "productView", ids)),
      await segmenthub.fireEvent(docsExample<EventBody<"purchase">>("fireEvent", "purchase", ids)),
      await segmenthub.fireEvent({ event: "newsletterSignup", visitorId: ids.visitorId, platform: ids.platform }),
      // Events need no token; one sent on request must be valid (it is).
      await segmenthub.fireEvent({ event: "pageView", visitorId: ids.visitorId, platform: ids.platform, path: "/cart" }, { withToken: true }),
    ];
    for (const answer of answers) expect(unwrap(answer)).toEqual({ status: 200, message: "Campaigns executed successfully.", campaigns });

    const recorded = events().slice(count);
    expect(recorded.map((e) => e.event)).toEqual(["pageView", "productView", "purchase", "newsletterSignup", "pageView"]);
    expect(recorded[2]).toMatchObject({ visitorId: "v-events", profileId: "ev@example.com", fields: { orderId: "ORDER_ID_HERE", orderTotal: 199.9 } });
    // The product view's SKU is now the visitor's and the profile's last viewed product.
    const visitor = unwrap(await segmenthub.POST("/visitors/query", { body: { visitorId: "v-events", attributes: ["lastViewedProducts"] } }));
    expect(visitor.attributes).toEqual({ lastViewedProducts: [{ value: "PRODUCT_SKU_HERE" }] });
    const profile = unwrap(await segmenthub.POST("/profiles/query", { body: { profileId: "ev@example.com", attributes: ["lastViewedProducts"] } }));
    expect(profile.attributes).toEqual({ lastViewedProducts: [{ value: "PRODUCT_SKU_HERE" }] });
  });

  it("profiles: the docs' attribute and segment updates, read back with the docs' query", async () => {
    const ids = { profileId: "john@example.com" };
    const attributes = docsExample<CallerBody<"ProfileAttributesRequest">>("updateProfileAttributes", "profilesUpdateAttributes", ids);
    const saved = unwrap(await segmenthub.POST("/profiles/attributes", { body: attributes }));
    expect(saved).toEqual({ status: 200, profileId: "john@example.com", message: "Profile attributes saved successfully.", errors: [] });
    unwrap(await segmenthub.POST("/profiles/attributes", { body: { profileId: "john@example.com", attributes: { country: "us", firstName: "John" } } }));

    const segments = docsExample<CallerBody<"ProfileSegmentsRequest">>("updateProfileSegments", "profilesUpdateSegments", ids);
    expect(unwrap(await segmenthub.POST("/profiles/segments", { body: segments }))).toMatchObject({ status: 200, profileId: "john@example.com" });
    unwrap(await segmenthub.POST("/profiles/segments", { body: { profileId: "john@example.com", assignees: ["VIP", "Churn"] } }));
    unwrap(await segmenthub.POST("/profiles/segments", { body: { profileId: "john@example.com", removes: ["Churn"] } }));

    // The docs' query asks for country, firstName, lastName, lastViewedProducts and segments VIP, Churn.
    const query = docsExample<CallerBody<"ProfileQueryRequest">>("queryProfile", "profilesQuery", ids);
    const queried = unwrap(await segmenthub.POST("/profiles/query", { body: query }));
    expect(queried).toEqual({
      status: 200,
      message: "Profile queried successfully.",
      errors: [],
      attributes: { country: [{ value: "us" }], firstName: [{ value: "John" }], lastName: [{ value: "User" }] },
      segments: ["VIP"],
    });
    const all = unwrap(await segmenthub.POST("/profiles/query", { body: { profileId: "john@example.com" } }));
    expect(all.attributes?.email).toEqual([{ value: "john@example.com" }]);
    expect(all.segments).toEqual(["SEGMENT_TO_BE_ASSIGNED", "VIP"]);
  });

  it("visitors: the docs' attribute and segment updates, read back with the docs' query", async () => {
    const ids = { visitorId: "6f0a6a4e-visitor" };
    const attributes = docsExample<CallerBody<"VisitorAttributesRequest">>("updateVisitorAttributes", "visitorsUpdateAttributes", ids);
    const saved = unwrap(await segmenthub.POST("/visitors/attributes", { body: attributes }));
    expect(saved).toMatchObject({ status: 200, visitorId: "6f0a6a4e-visitor" });
    unwrap(await segmenthub.POST("/visitors/attributes", { body: { visitorId: "6f0a6a4e-visitor", attributes: { country: "tr" } } }));
    const segments = docsExample<CallerBody<"VisitorSegmentsRequest">>("updateVisitorSegments", "visitorsUpdateSegments", ids);
    unwrap(await segmenthub.POST("/visitors/segments", { body: { ...segments, assignees: ["VIP", "New"] } }));

    // The docs' query: attribute country, segment VIP.
    const query = docsExample<CallerBody<"VisitorQueryRequest">>("queryVisitor", "visitorsQuery", ids);
    const queried = unwrap(await segmenthub.POST("/visitors/query", { body: query }));
    expect(queried).toMatchObject({ status: 200, attributes: { country: [{ value: "tr" }] }, segments: ["VIP"] });
    const all = unwrap(await segmenthub.POST("/visitors/query", { body: { visitorId: "6f0a6a4e-visitor" } }));
    expect(all.attributes).toEqual({ gender: [{ value: "Man" }], favoriteBrands: [{ value: "Nike" }, { value: "adidas" }], country: [{ value: "tr" }] });
    expect(all.segments).toEqual(["VIP", "New"]);
    // A visitor and a profile with the same id are different subjects.
    expect(unwrap(await segmenthub.POST("/profiles/query", { body: { profileId: "6f0a6a4e-visitor" } })).segments).toEqual([]);
  });
});

describe("errors arrive typed", () => {
  // A wrong token: test/contract.test.ts, for every vendor.
  it("an unknown account is not_found, a purchase without orderId bad_request", async () => {
    const otherAccount = await client({ account: "acct-gone" }).fireEvent({ event: "pageView", visitorId: "v", platform: "p" }).then(unwrap).catch((e: unknown) => e);
    expect(otherAccount).toMatchObject({ operation: "fireEvent", kind: "not_found", status: 404, body: { message: "The requested account acct-gone was not found or is suspended." } });
    expect(specProblems("segmenthub", "fireEvent", { status: 404, body: (otherAccount as SegApiError).body })).toEqual([]);

    // The raw call's union type lets this through (the README says so); the vendor does not.
    const noOrder = await segmenthub.POST("/campaigns/query", { body: { event: "purchase", visitorId: "v", platform: "p" } }).then(unwrap).catch((e: unknown) => e);
    expect(noOrder).toMatchObject({ operation: "fireEvent", kind: "bad_request", status: 400 });
    expect(JSON.stringify((noOrder as SegApiError).body)).toContain("orderId");
  });

  it("a body sent as anything but application/json is the documented 415", async () => {
    const error = await segmenthub
      .fireEvent({ event: "pageView", visitorId: "v", platform: "p" }, { headers: { "content-type": "text/plain" } })
      .then(unwrap)
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ operation: "fireEvent", kind: "unsupported_media_type", status: 415 });
    expect(specProblems("segmenthub", "fireEvent", { status: 415, body: (error as SegApiError).body })).toEqual([]);
  });

  it("a call that needs the token, on a client without one, is refused before anything is sent", async () => {
    const tokenless = createSegmentHubClient({ account: ACCOUNT, baseUrl: sandbox.urls.segmenthub });
    const before = lastSeq();
    const refusals = [
      await tokenless.POST("/visitors/query", { body: { visitorId: "v" } }).catch((e: unknown) => e),
      await tokenless.fireEvent({ event: "pageView", visitorId: "v", platform: "p" }, { withToken: true }).catch((e: unknown) => e),
    ];
    // The raw call names the body field it lacks; `withToken` names the client option.
    expect(refusals[0]).toMatchObject({ field: "body.token" });
    expect(refusals[1]).toMatchObject({ field: "token" });
    expect(refusals[0]).toBeInstanceOf(SegConfigError);
    expect(sandbox.log.filter((e) => e.seq > before)).toEqual([]);
    // Events need none.
    expect(unwrap(await tokenless.fireEvent({ event: "pageView", visitorId: "v", platform: "p" })).status).toBe(200);
  });
});

describe("@seg/core's retry rules, end to end", () => {
  it("queryVisitor (safe) is retried through a 503 and a 429 with Retry-After, then answers", async () => {
    unwrap(await segmenthub.POST("/visitors/segments", { body: { visitorId: "v-retry", assignees: ["VIP"] } }));
    sandbox.setFaults(["segmenthub:queryVisitor:status=503:times=1", "segmenthub:queryVisitor:status=429:retry-after=0:times=1"]);
    const before = lastSeq();
    expect(unwrap(await segmenthub.POST("/visitors/query", { body: { visitorId: "v-retry" } })).segments).toEqual(["VIP"]);
    expect(callsTo("queryVisitor", before).map((e) => e.result)).toEqual([503, 429, 200]);
  });

  it("fireEvent (records an event) is sent exactly once: a 503 or a reset comes back, nothing is recorded twice", async () => {
    sandbox.setFaults(["segmenthub:fireEvent:status=503:times=1"]);
    const count = events().length;
    const before = lastSeq();
    const error = await segmenthub.fireEvent({ event: "purchase", visitorId: "v-once", platform: "p", orderId: "A-1" }).then(unwrap).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: "server_error", status: 503, attempts: 1 });
    expect(callsTo("fireEvent", before).map((e) => e.result)).toEqual([503]);

    sandbox.setFaults(["segmenthub:fireEvent:reset:times=1"]);
    const afterReset = lastSeq();
    expect(await segmenthub.fireEvent({ event: "purchase", visitorId: "v-once", platform: "p", orderId: "A-1" }).catch((e: unknown) => e)).toBeInstanceOf(
      SegConnectionError,
    );
    expect(callsTo("fireEvent", afterReset).map((e) => e.result)).toEqual(["reset"]);
    expect(events()).toHaveLength(count);
  });

  it("`retry: true` opts fireEvent in: retried through a 503, recorded once", async () => {
    sandbox.setFaults(["segmenthub:fireEvent:status=503:times=1"]);
    const count = events().length;
    const before = lastSeq();
    unwrap(await segmenthub.fireEvent({ event: "purchase", visitorId: "v-opt", platform: "p", orderId: "A-2" }, { retry: true }));
    expect(callsTo("fireEvent", before).map((e) => e.result)).toEqual([503, 200]);
    expect(events()).toHaveLength(count + 1);
  });
});
