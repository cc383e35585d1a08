// What must and must not compile against the Segmint client.
import { describe, expectTypeOf, it } from "vitest";
import {
  createSegmintClient,
  unwrap,
  type Campaign,
  type components,
  type Error,
  type SegmintPath,
  type TokenResponse,
  type UndocumentedStatus,
  type SegmintCampaign,
  type SegmintClient,
  type SegmintEnvironment,
  type SegmintErrorBody,
  type SegmintOptions,
  type UndocumentedResult,
} from "../src/index.ts";
import type { StatusClass } from "@seg/core";

const client = createSegmintClient({ username: "u", password: "p" });

describe("options", () => {
  it("accepts the documented environments, a base URL and a TTL", () => {
    createSegmintClient({ username: "u", password: "p", environment: "stage" });
    createSegmintClient({ environment: "demo", tokenTtlMs: 60_000, retry: false, timeoutMs: 5_000 });
    createSegmintClient({ baseUrl: "http://127.0.0.1:8080" });
    expectTypeOf<SegmintEnvironment>().toEqualTypeOf<"production" | "stage" | "demo">();
  });

  it("rejects what is not an option", () => {
    // @ts-expect-error "staging" is not an environment
    createSegmintClient({ environment: "staging" });
    // @ts-expect-error tokenTtlMs is milliseconds, a number
    createSegmintClient({ tokenTtlMs: "15m" });
    // @ts-expect-error the token is managed by the client; there is no token option
    createSegmintClient({ token: "abc" });
    // @ts-expect-error baseUrls (per host) is replaced by one baseUrl
    createSegmintClient({ baseUrls: { production: "http://x" } } satisfies SegmintOptions);
  });
});

describe("getCampaign", () => {
  it("needs a campaign id, as text or as the docs' number (/campaigns/1234)", () => {
    void client.GET("/campaigns/{campaignId}", { params: { path: { campaignId: "1234" } } });
    void client.GET("/campaigns/{campaignId}", { params: { path: { campaignId: 1234 } } });
    // @ts-expect-error the campaign id is required
    void client.GET("/campaigns/{campaignId}", { params: { path: {} } });
    // @ts-expect-error the params are required
    void client.GET("/campaigns/{campaignId}");
    // @ts-expect-error the campaign id is text or a number
    void client.GET("/campaigns/{campaignId}", { params: { path: { campaignId: true } } });
    // @ts-expect-error no other method is documented on campaigns
    void client.DELETE("/campaigns/{campaignId}", { params: { path: { campaignId: "1" } } });
  });

  it("types the body and the error body from the spec", async () => {
    const result = await client.GET("/campaigns/{campaignId}", { params: { path: { campaignId: "1" } } });
    if (result.error) expectTypeOf(result.error).branded.toEqualTypeOf<SegmintErrorBody>();
    expectTypeOf(unwrap(result)).branded.toEqualTypeOf<SegmintCampaign | undefined>();
  });

  it("types per-call options", () => {
    void client.GET("/campaigns/{campaignId}", { params: { path: { campaignId: "1" } }, retry: false, timeoutMs: 1_000 });
    // @ts-expect-error retry is a boolean or retry options
    void client.GET("/campaigns/{campaignId}", { params: { path: { campaignId: "1" } }, retry: "yes" });
  });
});

describe("the token endpoint is the client's business", () => {
  it("is not callable through the typed client", () => {
    // @ts-expect-error the client exchanges tokens itself
    void client.POST("/auth/v1/token", { params: { query: { grant_type: "token" } } });
  });
});

describe("undocumented", () => {
  it("takes an upper-case method and any path, and returns unknown data", async () => {
    const result = await client.undocumented("GET", "/customer-insights/v1/segments", { params: { query: { limit: 10 } } });
    expectTypeOf(result).toEqualTypeOf<UndocumentedResult>();
    expectTypeOf(result.data).toEqualTypeOf<unknown>();
    void client.undocumented("POST", "/data-cleansing/v1/jobs", { body: { any: "thing" }, retry: true });
    // @ts-expect-error methods are upper case
    void client.undocumented("get", "/x");
  });

  it("is part of the client type", () => {
    expectTypeOf<SegmintClient["undocumented"]>().toBeFunction();
  });
});

describe("exact inputs", () => {
  it("refuse a misspelt parameter or option", () => {
    // @ts-expect-error campaignID: the path parameter is campaignId
    void client.GET("/campaigns/{campaignId}", { params: { path: { campaignID: 1234 } } });
    // @ts-expect-error Segmint's campaign read takes no query
    void client.GET("/campaigns/{campaignId}", { params: { path: { campaignId: 1 }, query: { expand: "all" } } });
    // @ts-expect-error timeoutMS: the option is timeoutMs
    void client.GET("/campaigns/{campaignId}", { params: { path: { campaignId: 1 } }, timeoutMS: 1_000 });
  });
});

describe("results narrowed by status", () => {
  it("give each documented status its body, 5XX expanded", async () => {
    const result = await client.GET("/campaigns/{campaignId}", { params: { path: { campaignId: 1234 } } });
    if (result.status === 200) expectTypeOf(result.data).toEqualTypeOf<Campaign>();
    // 201: "completed successfully and returning data was not appropriate".
    if (result.status === 201) expectTypeOf(result.data).toEqualTypeOf<undefined>();
    if (result.status === 404) expectTypeOf(result.error).toEqualTypeOf<Error>();
    if (result.status === 429) expectTypeOf(result.error).toEqualTypeOf<Error>();
    if (result.status === 503 || result.status === 599) expectTypeOf(result.error).toEqualTypeOf<Error>();
    if (result.status === 302) expectTypeOf(result.error).toEqualTypeOf<Error>();
  });

  it("switch exhaustively", async () => {
    const result = await client.GET("/campaigns/{campaignId}", { params: { path: { campaignId: 1234 } } });
    switch (result.status) {
      case 200:
      case 201:
        expectTypeOf(result.data).toEqualTypeOf<Campaign | undefined>();
        break;
      case 400:
      case 401:
      case 403:
      case 404:
      case 429:
        expectTypeOf(result.error).toEqualTypeOf<Error>();
        break;
      default:
        // 5XX and every undocumented status; a 5XX carries the documented error body.
        expectTypeOf(result.status).toEqualTypeOf<UndocumentedStatus<200 | 201 | 400 | 401 | 403 | 404 | 429>>();
        expectTypeOf<StatusClass<5>>().toExtend<typeof result.status>();
    }
  });
});

describe("named types", () => {
  it("export every schema by its name", () => {
    expectTypeOf<Campaign>().toEqualTypeOf<components["schemas"]["Campaign"]>();
    expectTypeOf<SegmintCampaign>().toEqualTypeOf<Campaign>();
    expectTypeOf<TokenResponse>().toEqualTypeOf<components["schemas"]["TokenResponse"]>();
    expectTypeOf<SegmintPath<"get">>().toEqualTypeOf<"/campaigns/{campaignId}">();
    // @ts-expect-error not a documented path (the campaign read is /campaigns/{campaignId})
    void client.GET("/campaign/{campaignId}", { params: { path: { campaignId: 1 } } });
  });
});
