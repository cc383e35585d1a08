// What reaches the wire for each documented operation: the token exchange as the docs describe it,
// the token shapes seen in the wild, and the docs' campaign ids. Every documented status, retries
// and leaks: conformance.test.ts.
import { afterEach, describe, expect, it } from "vitest";
import { parameterExample, responseExample } from "./doc-examples.ts";
import { BASIC, fakeSegmint, getCampaign, tokenNo, type FakeSegmint } from "./harness.ts";

let fake: FakeSegmint | undefined;
const start = async (options?: Parameters<typeof fakeSegmint>[0]): Promise<FakeSegmint> => (fake = await fakeSegmint(options));
afterEach(async () => {
  await fake?.server.close();
  fake = undefined;
});

const USER_AGENT = /^@seg\/segmint\/\S+ @seg\/core\/\S+$/;
const DOCS_CAMPAIGN_ID = parameterExample<string>("getCampaign", "campaignId", "docs404");

describe("createToken on the wire", () => {
  it("POST /auth/v1/token?grant_type=token with HTTP Basic (UTF-8) credentials and no body", async () => {
    const segmint = await start();
    await getCampaign(segmint.client);

    const [token] = segmint.tokenRequests();
    expect(token?.method).toBe("POST");
    expect(token?.path).toBe("/auth/v1/token");
    expect(token?.rawQuery).toBe(`grant_type=${parameterExample<string>("createToken", "grant_type", "docs")}`);
    expect(token?.rawQuery).toBe("grant_type=token");
    expect(token?.headers.authorization).toBe(BASIC);
    expect(token?.headers["user-agent"]).toMatch(USER_AGENT);
    expect(token?.headers["content-type"]).toBeUndefined();
    expect(token?.body).toBe("");
  });

  it.each([
    ["the docs' example (access_token)", responseExample<Record<string, unknown>>("createToken", "200", "docs")],
    ["access_token with token_type and expires_in", { access_token: "at-1", token_type: "Bearer", expires_in: 3600 }],
    ["token (third-party shape)", { token: "tk-1" }],
    ["token with expiresIn (third-party shape)", { token: "tk-2", expiresIn: 900 }],
    ["both keys: access_token wins", { access_token: "at-2", token: "ignored" }],
    ["unknown fields are tolerated", { access_token: "at-3", scope: "campaigns", issued_at: 1 }],
  ])("reads the token from %s and sends it as a bearer token", async (_name, body) => {
    const segmint = await start({ onToken: () => ({ status: 200, json: body }) });
    const { response } = await getCampaign(segmint.client);
    expect(response.status).toBe(200);
    expect(segmint.bearers()).toEqual([body.access_token ?? body.token]);
  });
});

describe("getCampaign on the wire", () => {
  it.each([
    ["the docs' id", DOCS_CAMPAIGN_ID, `/campaigns/${DOCS_CAMPAIGN_ID}`],
    ["the docs' id as the number they write (/campaigns/1234)", Number(DOCS_CAMPAIGN_ID), "/campaigns/1234"],
    ["an id that needs percent-encoding", "a/b c", "/campaigns/a%2Fb%20c"],
  ])("GET /campaigns/{campaignId} with %s", async (_name, campaignId, path) => {
    const segmint = await start();
    await getCampaign(segmint.client, campaignId);
    const [request] = segmint.apiRequests();
    expect(request?.method).toBe("GET");
    expect(request?.path).toBe(path);
    expect(request?.rawQuery).toBe("");
    expect(request?.headers.authorization).toBe(`Bearer ${tokenNo(1)}`);
    expect(request?.headers["user-agent"]).toMatch(USER_AGENT);
    expect(request?.body).toBe("");
  });
});
