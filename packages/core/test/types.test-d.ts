// Type-level tests: what must and must not compile for a vendor client built on core.
import { describe, expectTypeOf, it } from "vitest";
import {
  unwrap,
  type BoundPaths,
  type CallOptions,
  type CallResult,
  type CommaList,
  type HttpStatus,
  type OperationAt,
  type RetryEvent,
  type RetryOptions,
  type SegApiError,
  type UndocumentedResult,
  type UndocumentedStatus,
  type VendorClient,
} from "../src/index.ts";
import type { AcmePaths, components, paths } from "./fixtures/acme.ts";
import type { operations } from "./fixtures/generated/schema.ts";

declare const client: VendorClient<AcmePaths>;
/** The same vendor without BoundPaths: every input as the spec requires it. */
declare const raw: VendorClient<paths>;

type Thing = components["schemas"]["Thing"];
const thing = { params: { path: { id: "1" } } };

describe("BoundPaths", () => {
  it("makes bound query inputs optional", () => {
    void client.GET("/things");
    void client.GET("/things", { params: { query: { page: 2 } } });
    void client.GET("/things", { params: { query: { account: "other" } } });
    // @ts-expect-error without BoundPaths the bound `account` is required
    void raw.GET("/things", { params: { query: { page: 2 } } });
  });

  it("keeps the other required inputs required", () => {
    void client.GET("/reports/{report}", { params: { path: { report: "r" }, query: { from: "2024-01-01" } } });
    // @ts-expect-error `from` is required and not bound
    void client.GET("/reports/{report}", { params: { path: { report: "r" }, query: {} } });
    // @ts-expect-error the query, holding `from`, is required
    void client.GET("/reports/{report}", { params: { path: { report: "r" } } });
    // @ts-expect-error path parameters are never bound
    void client.GET("/reports/{report}", { params: { query: { from: "2024-01-01" } } });
    // @ts-expect-error `from` is a string
    void client.GET("/reports/{report}", { params: { path: { report: "r" }, query: { from: 2024 } } });
  });

  it("makes bound body properties optional and keeps the rest required", () => {
    void client.POST("/search", { body: { query: "widgets" } });
    void client.POST("/search", { body: { query: "widgets", token: "mine", limit: 5 } });
    // @ts-expect-error `query` is required and not bound
    void client.POST("/search", { body: { token: "mine" } });
    // @ts-expect-error without BoundPaths the bound `token` is required
    void raw.POST("/search", { body: { query: "widgets" } });
  });

  it("leaves operations without bindings as the spec has them", () => {
    expectTypeOf<AcmePaths["/things/{id}"]["get"]>().toEqualTypeOf<operations["getThing"]>();
    type Unbound = { "POST /search": { operationId: "search"; host: "api"; idempotent: true } };
    expectTypeOf<BoundPaths<paths, Unbound>["/search"]["post"]>().toEqualTypeOf<operations["search"]>();
    // @ts-expect-error `id` is required
    void client.GET("/things/{id}", { params: { path: {} } });
    // @ts-expect-error the path parameters are required
    void client.GET("/things/{id}");
  });

  it("offers only the methods and paths the spec has", () => {
    // @ts-expect-error no DELETE on /search
    void client.DELETE("/search");
    // @ts-expect-error no such path
    void client.GET("/nope");
  });
});

describe("CallOptions", () => {
  it("are accepted next to openapi-fetch's options", () => {
    void client.GET("/things/{id}", {
      params: { path: { id: "1" } },
      retry: { maxRetries: 1, baseDelayMs: 10, onRetry: (event) => expectTypeOf(event).toEqualTypeOf<RetryEvent>() },
      timeoutMs: 100,
      deadlineMs: 1_000,
      signal: AbortSignal.timeout(1_000),
    });
    void client.POST("/things", { body: { name: "x" }, retry: true });
    void client.GET("/things", { retry: false });
  });

  it("are typed", () => {
    // @ts-expect-error retry is a boolean or RetryOptions
    void client.GET("/things/{id}", { params: { path: { id: "1" } }, retry: "yes" });
    // @ts-expect-error maxRetries is a number
    void client.GET("/things/{id}", { params: { path: { id: "1" } }, retry: { maxRetries: "2" } });
    // @ts-expect-error timeoutMs is a number
    void client.GET("/things/{id}", { params: { path: { id: "1" } }, timeoutMs: "100" });
    // @ts-expect-error deadlineMs is a number
    void client.GET("/things", { deadlineMs: true });
    expectTypeOf<CallOptions>().toEqualTypeOf<{
      retry?: boolean | RetryOptions;
      timeoutMs?: number;
      deadlineMs?: number;
    }>();
  });
});

describe("unwrap", () => {
  it("returns the success data type", async () => {
    expectTypeOf(unwrap(await client.GET("/things/{id}", { params: { path: { id: "1" } } }))).toEqualTypeOf<Thing>();
    expectTypeOf(unwrap(await client.GET("/things"))).toEqualTypeOf<components["schemas"]["ThingPage"]>();
    expectTypeOf(unwrap(await client.POST("/things", { body: { name: "x" } }))).toEqualTypeOf<Thing>();
    // Operations without a documented error response: no stray `| undefined`.
    expectTypeOf(unwrap(await client.GET("/export"))).toEqualTypeOf<string>();
    expectTypeOf(unwrap(await client.GET("/status"))).toEqualTypeOf<components["schemas"]["Status"]>();
    // eslint-disable-next-line @typescript-eslint/no-confusing-void-expression -- a 204's data is undefined: that is the point
    expectTypeOf(unwrap(await client.DELETE("/things/{id}", { params: { path: { id: "1" } } }))).toEqualTypeOf<undefined>();
    expectTypeOf(unwrap(await client.undocumented("GET", "/anything"))).toEqualTypeOf<unknown>();
  });

  it("leaves the result's error typed as the spec's error body", async () => {
    const result = await client.GET("/things/{id}", { params: { path: { id: "1" } } });
    if (result.error) expectTypeOf(result.error).toEqualTypeOf<components["schemas"]["Error"]>();
    expectTypeOf(await client.undocumented("GET", "/anything")).toEqualTypeOf<UndocumentedResult>();
    expectTypeOf<SegApiError["kind"]>().toEqualTypeOf<
      | "bad_request"
      | "unauthorized"
      | "forbidden"
      | "not_found"
      | "unsupported_media_type"
      | "rate_limited"
      | "client_error"
      | "server_error"
    >();
  });
});

describe("exact inputs: an undeclared property does not compile", () => {
  it("in a body, at any depth", () => {
    void client.POST("/things", { body: { name: "x" } });
    // @ts-expect-error `nmae` is not a property of NewThing
    void client.POST("/things", { body: { name: "x", nmae: "y" } });
    // @ts-expect-error not a property of ThingPatch
    void client.PATCH("/things/{id}", { ...thing, body: { name: "x", colour: "red" } });
    // @ts-expect-error `limt` is not a property of SearchRequest, bound fields or not
    void client.POST("/search", { body: { query: "widgets", limt: 5 } });
  });

  it("in params and in the call's own options", () => {
    // @ts-expect-error `pgae` is not a query parameter of listThings
    void client.GET("/things", { params: { query: { pgae: 2 } } });
    // @ts-expect-error `ID` is not a path parameter
    void client.GET("/things/{id}", { params: { path: { id: "1", ID: "1" } } });
    // @ts-expect-error `retyr` is not an option
    void client.GET("/things", { retyr: true });
  });

  it("keeps additionalProperties open, with their value type", () => {
    void client.PATCH("/things/{id}", { ...thing, body: { labels: { colour: "red", size: "XL" } } });
    // @ts-expect-error label values are strings
    void client.PATCH("/things/{id}", { ...thing, body: { labels: { size: 42 } } });
  });
});

describe("results narrowed by status", () => {
  it("carry the documented statuses, then every other one", async () => {
    const result = await client.GET("/things/{id}", thing);
    expectTypeOf(result.status).toEqualTypeOf<HttpStatus>();
    expectTypeOf<HttpStatus>().toEqualTypeOf<Exclude<HttpStatus, 700>>();
    // @ts-expect-error a Response's status is 200–599
    if (result.status === 700) return;
    expectTypeOf<UndocumentedStatus<200 | 404>>().toEqualTypeOf<Exclude<HttpStatus, 200 | 404>>();
  });

  it("give each status its own body, the documented `default` one included", async () => {
    const result = await client.GET("/things/{id}", thing);
    if (result.status === 200) expectTypeOf(result.data).toEqualTypeOf<Thing>();
    if (result.status === 404) expectTypeOf(result.error).toEqualTypeOf<components["schemas"]["Error"]>();
    // 500 is not documented: the spec's `default` response describes it.
    if (result.status === 500) expectTypeOf(result.error).toEqualTypeOf<components["schemas"]["Error"]>();
    if (result.status === 201) expectTypeOf(result.data).toEqualTypeOf<Thing>();
  });

  it("expand a 5XX class, except the statuses documented on their own", async () => {
    const result = await client.PATCH("/things/{id}", { ...thing, body: {} });
    if (result.status === 503) expectTypeOf(result.error).toEqualTypeOf<components["schemas"]["Error"]>();
    if (result.status === 502) expectTypeOf(result.error).toEqualTypeOf<components["schemas"]["Outage"]>();
    if (result.status === 500 || result.status === 599) expectTypeOf(result.error).toEqualTypeOf<components["schemas"]["Outage"]>();
  });

  it("switch exhaustively", async () => {
    const result = await client.DELETE("/things/{id}", thing);
    switch (result.status) {
      case 204:
        expectTypeOf(result.data).toEqualTypeOf<undefined>();
        break;
      case 400:
      case 404:
        expectTypeOf(result.error).toEqualTypeOf<components["schemas"]["Error"]>();
        break;
      default:
        expectTypeOf(result.status).toEqualTypeOf<Exclude<HttpStatus, 204 | 400 | 404>>();
    }
  });

  it("keep data, error and response as openapi-fetch has them", async () => {
    const result = await client.GET("/things/{id}", thing);
    expectTypeOf(result.data).toEqualTypeOf<Thing | undefined>();
    expectTypeOf(result.error).toEqualTypeOf<components["schemas"]["Error"] | undefined>();
    expectTypeOf(result.response).toEqualTypeOf<Response>();
    if (!result.error) expectTypeOf(result.data).toEqualTypeOf<Thing>();
    expectTypeOf<Awaited<ReturnType<typeof client.undocumented>>["status"]>().toEqualTypeOf<number>();
  });

  it("follow parseAs", async () => {
    const text = await client.GET("/things/{id}", { ...thing, parseAs: "text" });
    if (text.status === 200) expectTypeOf(text.data).toEqualTypeOf<string>();
    // @ts-expect-error not a way openapi-fetch reads a body
    void client.GET("/things/{id}", { ...thing, parseAs: "xml" });
  });

  it("are CallResult, which a declared return type can name", async () => {
    const get = (): Promise<CallResult<OperationAt<AcmePaths, "/things/{id}", "get">>> => client.GET("/things/{id}", thing);
    expectTypeOf(await get()).toEqualTypeOf(await client.GET("/things/{id}", thing));
  });
});

describe("CommaList: one comma-separated query value", () => {
  type Extend = CommaList<("tags" | "events" | "orders")[]>;
  it("takes the array or the items joined, each once, in any order", () => {
    expectTypeOf<["tags", "events"]>().toExtend<Extend>();
    expectTypeOf<"tags">().toExtend<Extend>();
    expectTypeOf<"events,tags">().toExtend<Extend>();
    expectTypeOf<"orders,tags,events">().toExtend<Extend>();
    expectTypeOf<"tags,notes">().not.toExtend<Extend>();
    expectTypeOf<"tags,tags">().not.toExtend<Extend>();
    expectTypeOf<"tags,">().not.toExtend<Extend>();
    expectTypeOf<"">().not.toExtend<Extend>();
  });

  it("takes any string for open item types", () => {
    expectTypeOf<CommaList<string[]>>().toEqualTypeOf<string[] | string>();
    expectTypeOf<CommaList<number[]>>().toEqualTypeOf<number[] | string>();
  });
});
