// Type-level tests: what must and must not compile for a vendor client built on core.
import { describe, expectTypeOf, it } from "vitest";
import {
  unwrap,
  type BoundPaths,
  type CallOptions,
  type RetryEvent,
  type RetryOptions,
  type SegApiError,
  type UndocumentedResult,
  type VendorClient,
} from "../src/index.ts";
import type { AcmePaths, components, operations, paths } from "./fixtures/acme.ts";

declare const client: VendorClient<AcmePaths>;
/** The same vendor without BoundPaths: every input as the spec requires it. */
declare const raw: VendorClient<paths>;

type Thing = components["schemas"]["Thing"];

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
