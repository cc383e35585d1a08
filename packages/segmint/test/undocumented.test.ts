// The escape hatch for what the docs name but do not describe (customer insights, data cleansing):
// same token, same renewal, same retries (by HTTP method) and the same typed errors.
import { SegApiError } from "@seg/core";
import { afterEach, describe, expect, it } from "vitest";
import { unwrap } from "../src/index.ts";
import { FAST_RETRY, fakeSegmint, getCampaign, tokenNo, type FakeSegmint } from "./harness.ts";

let fake: FakeSegmint | undefined;
const start = async (options?: Parameters<typeof fakeSegmint>[0]): Promise<FakeSegmint> => (fake = await fakeSegmint(options));
afterEach(async () => {
  await fake?.server.close();
  fake = undefined;
});

describe("undocumented(method, path, init)", () => {
  it("sends the managed bearer token, query and JSON body, and parses the JSON answer", async () => {
    const segmint = await start({ onApi: (_r, _n, { authorized }) => (authorized ? { status: 200, json: { insights: [1, 2] } } : undefined) });

    const read = await segmint.client.undocumented("GET", "/customer-insights/v1/segments", { params: { query: { limit: 10, q: "a b" } } });
    const write = await segmint.client.undocumented("POST", "/data-cleansing/v1/jobs", { body: { records: [{ email: "a@b.c" }] } });

    expect(read.data).toEqual({ insights: [1, 2] });
    expect(write.data).toEqual({ insights: [1, 2] });
    const [get, post] = segmint.apiRequests();
    expect(get?.path).toBe("/customer-insights/v1/segments");
    expect(get?.rawQuery).toBe("limit=10&q=a%20b");
    expect(post?.method).toBe("POST");
    expect(post?.headers["content-type"]).toBe("application/json");
    expect(post?.json()).toEqual({ records: [{ email: "a@b.c" }] });
    expect(segmint.bearers()).toEqual([tokenNo(1), tokenNo(1)]);
    expect(segmint.tokenRequests()).toHaveLength(1);
  });

  it("shares the token with documented calls", async () => {
    const segmint = await start();
    await getCampaign(segmint.client);
    await segmint.client.undocumented("GET", "/customer-insights/v1/profile");
    expect(segmint.tokenRequests()).toHaveLength(1);
  });

  it("a 404 (the docs' /some-fake-endpoint) surfaces as a typed error", async () => {
    const segmint = await start({ onApi: () => ({ status: 404, json: { message: "The resource does not exist" } }) });
    const result = await segmint.client.undocumented("GET", "/some-fake-endpoint");
    expect(result.response.status).toBe(404);
    expect(result.error).toEqual({ message: "The resource does not exist" });
    expect(() => unwrap(result)).toThrow(SegApiError);
    expect(() => unwrap(result)).toThrow(
      expect.objectContaining({ vendor: "segmint", operation: "GET /some-fake-endpoint", status: 404, kind: "not_found", attempts: 1 }),
    );
  });

  it("renews the token on 401 and replays", async () => {
    const segmint = await start();
    await getCampaign(segmint.client);
    segmint.revoke();
    const { response } = await segmint.client.undocumented("DELETE", "/data-cleansing/v1/jobs/9");
    expect(response.status).toBe(200);
    expect(segmint.bearers()).toEqual([tokenNo(1), tokenNo(1), tokenNo(2)]);
  });

  it.each([
    ["GET", 3],
    ["PUT", 3],
    ["DELETE", 3],
    ["POST", 1],
    ["PATCH", 1],
  ] as const)("retries follow the HTTP method: %s on 503 makes %i attempt(s)", async (method, attempts) => {
    const segmint = await start({ onApi: () => ({ status: 503, json: {} }), client: { retry: FAST_RETRY } });
    const result = await segmint.client.undocumented(method, "/data-cleansing/v1/jobs");
    expect(result.response.status).toBe(503);
    expect(segmint.apiRequests()).toHaveLength(attempts);
  });

  it("retry: true opts a POST in, per call", async () => {
    const segmint = await start({ onApi: (_r, n) => (n === 1 ? { status: 503, json: {} } : undefined), client: { retry: FAST_RETRY } });
    const { response } = await segmint.client.undocumented("POST", "/data-cleansing/v1/jobs", { body: {}, retry: true });
    expect(response.status).toBe(200);
    expect(segmint.apiRequests()).toHaveLength(2);
  });
});
