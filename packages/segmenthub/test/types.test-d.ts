// What must and must not compile against the SegmentHub client.
import { describe, expectTypeOf, it } from "vitest";
import {
  createSegmentHubClient,
  unwrap,
  type AttributeUpdates,
  type AttributeValue,
  type components,
  type ErrorResponse,
  type EventBody,
  type FireEventResponse,
  type FireEventResult,
  type HttpStatus,
  type ProfileSegmentsRequest,
  type PurchaseEvent,
  type SegmentHubPath,
  type UpdateResponse,
} from "../src/index.ts";

type Schemas = components["schemas"];

const client = createSegmentHubClient({ account: "a", token: "t" });
const common = { visitorId: "5b1e6f1c-0000-4000-8000-000000000001", platform: "www.example.com" } as const;

describe("fireEvent: each documented event has its own required fields", () => {
  it("accepts the documented shapes, without the account the client fills in", () => {
    void client.fireEvent({ ...common, event: "pageView", device: "mobile", path: "/", referrer: null });
    void client.fireEvent({ ...common, event: "productView", sku: "SKU-1", price: 99.9, brand: "B", breadcrumb: "a > b", category: "c" });
    void client.fireEvent({ ...common, event: "productView", sku: "SKU-1", price: "99.90" });
    void client.fireEvent({ ...common, event: "purchase", orderId: "A-1", orderTotal: 199.9, purchasedItems: ["SKU1", "SKU2"] });
    void client.fireEvent({ ...common, event: "purchase", orderId: "A-1", account: "another-account", profileId: "john@example.com" });
  });

  it("rejects a purchase without orderId and a product view without sku", () => {
    // @ts-expect-error a purchase needs orderId
    void client.fireEvent({ ...common, event: "purchase" });
    // @ts-expect-error a purchase needs orderId, even with the other purchase fields
    void client.fireEvent({ ...common, event: "purchase", orderTotal: 10, purchasedItems: ["SKU1"] });
    // @ts-expect-error a product view needs sku
    void client.fireEvent({ ...common, event: "productView" });
    // @ts-expect-error a product view needs sku, even with the other product fields
    void client.fireEvent({ ...common, event: "productView", price: 1, brand: "B" });
  });

  it("rejects fields of another event's shape", () => {
    // @ts-expect-error sku belongs to productView
    void client.fireEvent({ ...common, event: "pageView", sku: "SKU-1" });
    // @ts-expect-error orderId belongs to purchase
    void client.fireEvent({ ...common, event: "productView", sku: "SKU-1", orderId: "A-1" });
  });

  it("rejects a missing common field or a wrong type", () => {
    // @ts-expect-error visitorId is required
    void client.fireEvent({ platform: "p", event: "pageView" });
    // @ts-expect-error platform is required
    void client.fireEvent({ visitorId: "v", event: "signup" });
    // @ts-expect-error device is desktop | tablet | mobile
    void client.fireEvent({ ...common, event: "pageView", device: "watch" });
    // @ts-expect-error orderTotal is a number
    void client.fireEvent({ ...common, event: "purchase", orderId: "A-1", orderTotal: "199.90" });
    // @ts-expect-error purchasedItems is a list of SKUs
    void client.fireEvent({ ...common, event: "purchase", orderId: "A-1", purchasedItems: "SKU1" });
  });

  it("accepts any other event name created in the panel, with the common fields", () => {
    void client.fireEvent({ ...common, event: "newsletterSignup" });
    void client.fireEvent({ ...common, event: "addToCart", profileId: "john@example.com", device: "desktop", path: "/cart" });
    // @ts-expect-error a custom event carries the common fields only
    void client.fireEvent({ ...common, event: "addToCart", orderId: "A-1" });
  });

  it("takes a name only known at run time as the spec's union", () => {
    const name: string = "fromTheServer";
    void client.fireEvent({ ...common, event: name });
    const known = "purchase" as "purchase" | "pageView";
    // @ts-expect-error "purchase" is possible, so orderId is needed
    void client.fireEvent({ ...common, event: known });
  });

  it("never takes a token in the body: the configured one is sent with withToken", () => {
    // @ts-expect-error use { withToken: true }
    void client.fireEvent({ ...common, event: "pageView", token: "t" });
    void client.fireEvent({ ...common, event: "pageView" }, { withToken: true, retry: true, timeoutMs: 1_000 });
    // @ts-expect-error withToken is a boolean
    void client.fireEvent({ ...common, event: "pageView" }, { withToken: "yes" });
  });

  it("types the event body by name", () => {
    expectTypeOf<EventBody<"purchase">>().toHaveProperty("orderId").toEqualTypeOf<string>();
    expectTypeOf<EventBody<"productView">>().toHaveProperty("sku").toEqualTypeOf<string>();
    expectTypeOf<EventBody<"signup">>().toHaveProperty("event").toEqualTypeOf<"signup">();
    expectTypeOf<EventBody<"signup">>().not.toHaveProperty("orderId");
    expectTypeOf<EventBody<"pageView">>().toHaveProperty("account").toEqualTypeOf<string | undefined>();
  });

  it("resolves to the result of the raw call", async () => {
    const result = await client.fireEvent({ ...common, event: "pageView" });
    expectTypeOf(result).toEqualTypeOf<FireEventResult>();
    expectTypeOf(unwrap(result)).toEqualTypeOf<Schemas["FireEventResponse"]>();
    if (result.error) expectTypeOf(result.error).toEqualTypeOf<Schemas["ErrorResponse"]>();
    const raw = await client.POST("/campaigns/query", { body: { ...common, event: "pageView" } });
    expectTypeOf(unwrap(raw)).toEqualTypeOf<Schemas["FireEventResponse"]>();
  });
});

describe("raw typed calls: the bound account and token are optional", () => {
  it("never asks for the account or the token the client already has", () => {
    void client.POST("/profiles/query", { body: { profileId: "john@example.com", attributes: ["country"], segments: ["VIP"] } });
    void client.POST("/profiles/attributes", { body: { profileId: "p", attributes: { firstName: "Test", tags: ["a", "b"] } } });
    void client.POST("/profiles/segments", { body: { profileId: "p", assignees: ["VIP"], removes: ["Churn"] } });
    void client.POST("/visitors/query", { body: { visitorId: "v", attributes: ["country"] } });
    void client.POST("/visitors/attributes", { body: { visitorId: "v", attributes: { gender: "Man" } } });
    void client.POST("/visitors/segments", { body: { visitorId: "v", assignees: ["VIP"] } });
    void client.POST("/campaigns/query", { body: { ...common, event: "purchase", orderId: "A-1" } });
  });

  it("still requires what varies", () => {
    // @ts-expect-error profileId is required
    void client.POST("/profiles/query", { body: { attributes: ["country"] } });
    // @ts-expect-error visitorId, not profileId, identifies a visitor
    void client.POST("/visitors/query", { body: { profileId: "p" } });
    // @ts-expect-error attributes are required for an update
    void client.POST("/profiles/attributes", { body: { profileId: "p" } });
    // @ts-expect-error attribute values are strings or lists of strings
    void client.POST("/visitors/attributes", { body: { visitorId: "v", attributes: { age: 42 } } });
    // @ts-expect-error assignees is a list
    void client.POST("/visitors/segments", { body: { visitorId: "v", assignees: "VIP" } });
    // @ts-expect-error the API has no GET
    void client.GET("/profiles/query", {});
  });

  it("types responses from the spec", async () => {
    const profile = unwrap(await client.POST("/profiles/query", { body: { profileId: "p" } }));
    expectTypeOf(profile.segments).toEqualTypeOf<string[] | undefined>();
    expectTypeOf(profile.attributes).toEqualTypeOf<Record<string, Schemas["AttributeValue"][]> | undefined>();
    const saved = unwrap(await client.POST("/visitors/segments", { body: { visitorId: "v" } }));
    expectTypeOf(saved).toEqualTypeOf<Schemas["UpdateResponse"]>();
  });
});

describe("options", () => {
  it("accepts the documented options", () => {
    createSegmentHubClient();
    createSegmentHubClient({ account: "a", baseUrl: "http://127.0.0.1:8080", retry: false, timeoutMs: 5_000, logLevel: "debug" });
  });

  it("rejects unknown ones", () => {
    // @ts-expect-error the token is `token`, not `apiKey`
    createSegmentHubClient({ account: "a", apiKey: "k" });
    // @ts-expect-error one host: baseUrl
    createSegmentHubClient({ account: "a", baseUrls: { api: "http://x" } });
  });
});

describe("exact bodies", () => {
  it("refuse a misspelt field, bound fields or not", () => {
    // @ts-expect-error segmnts: the field is segments
    void client.POST("/profiles/query", { body: { profileId: "p", segmnts: ["VIP"] } });
    // @ts-expect-error asignees: the field is assignees
    void client.POST("/profiles/segments", { body: { profileId: "p", asignees: ["VIP"] } });
    // @ts-expect-error visitorID: the field is visitorId
    void client.POST("/visitors/segments", { body: { visitorID: "v", assignees: ["VIP"] } });
    // @ts-expect-error ordrTotal: the field is orderTotal
    void client.POST("/campaigns/query", { body: { ...common, event: "purchase", orderId: "A-1", ordrTotal: 1 } });
    // @ts-expect-error ordrTotal: the field is orderTotal
    void client.fireEvent({ ...common, event: "purchase", orderId: "A-1", ordrTotal: 1 });
  });

  it("keep attribute maps open (additionalProperties)", () => {
    void client.POST("/profiles/attributes", { body: { profileId: "p", attributes: { anyName: "x", interests: ["a", "b"] } } });
    const attributes: AttributeUpdates = { shoeSize: "42" };
    void client.POST("/visitors/attributes", { body: { visitorId: "v", attributes } });
  });
});

describe("results narrowed by status", () => {
  it("give each documented status its body", async () => {
    const result = await client.POST("/profiles/segments", { body: { profileId: "p", assignees: ["VIP"] } });
    if (result.status === 200) expectTypeOf(result.data).toEqualTypeOf<UpdateResponse>();
    if (result.status === 404) expectTypeOf(result.error).toEqualTypeOf<ErrorResponse>();
    if (result.status === 415) expectTypeOf(result.error).toEqualTypeOf<ErrorResponse>();
    const fired = await client.fireEvent({ ...common, event: "pageView" });
    if (fired.status === 200) expectTypeOf(fired.data).toEqualTypeOf<FireEventResponse>();
    expectTypeOf(fired.status).toEqualTypeOf<HttpStatus>();
  });
});

describe("named types", () => {
  it("export every schema by its name", () => {
    expectTypeOf<ProfileSegmentsRequest>().toEqualTypeOf<Schemas["ProfileSegmentsRequest"]>();
    expectTypeOf<PurchaseEvent>().toEqualTypeOf<Schemas["PurchaseEvent"]>();
    expectTypeOf<AttributeValue>().toEqualTypeOf<Schemas["AttributeValue"]>();
    expectTypeOf<"/profiles/segments">().toExtend<SegmentHubPath<"post">>();
    // @ts-expect-error not a documented path (profiles is plural)
    void client.POST("/profile/segments", { body: { profileId: "p" } });
  });
});
