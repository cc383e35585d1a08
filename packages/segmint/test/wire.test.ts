// What reaches the wire for each documented operation, and how every status the document lists
// comes back from `getCampaign` (the campaigns resource the docs use as their example).
import { SegApiError, type SegApiErrorKind } from "@seg/core";
import type { Reply } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { unwrap, type SegmintErrorBody } from "../src/index.ts";
import { documentedStatuses, parameterExample, responseExample } from "./doc-examples.ts";
import { BASIC, FAST_RETRY, fakeSegmint, getCampaign, tokenNo, type FakeSegmint } from "./harness.ts";

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

interface StatusCase {
  reply: Reply;
  want: {
    status: number;
    data?: unknown;
    error?: SegmintErrorBody;
    kind?: SegApiErrorKind;
    /** Requests to the campaigns path. */
    attempts: number;
  };
}

const errorBody = (message: string): SegmintErrorBody => ({ message, error: "code", requestId: "r-1" });

// "Common API Responses" in the document, plus 429 (NOTES.md), each as getCampaign returns it.
const statuses: Record<string, StatusCase> = {
  "200: the campaign, unknown fields kept": {
    reply: { status: 200, json: { id: "42", name: "Spring sale", launched: true, extra: { any: [1] } } },
    want: { status: 200, data: { id: "42", name: "Spring sale", launched: true, extra: { any: [1] } }, attempts: 1 },
  },
  "201: success with no body": {
    reply: { status: 201 },
    want: { status: 201, data: undefined, attempts: 1 },
  },
  "400: bad request": {
    reply: { status: 400, json: errorBody("a required parameter is missing") },
    want: { status: 400, error: errorBody("a required parameter is missing"), kind: "bad_request", attempts: 1 },
  },
  "401: token invalid (after one renewal and replay)": {
    reply: { status: 401, json: errorBody("The authorization token provided is invalid") },
    want: { status: 401, error: errorBody("The authorization token provided is invalid"), kind: "unauthorized", attempts: 2 },
  },
  "403: no access to the resource": {
    reply: { status: 403, json: errorBody("no access") },
    want: { status: 403, error: errorBody("no access"), kind: "forbidden", attempts: 1 },
  },
  "404: the docs' /campaigns/1234": {
    reply: { status: 404, json: errorBody("not found") },
    want: { status: 404, error: errorBody("not found"), kind: "not_found", attempts: 1 },
  },
  "429: rate limit or monthly quota (retried)": {
    reply: { status: 429, json: errorBody("quota exceeded") },
    want: { status: 429, error: errorBody("quota exceeded"), kind: "rate_limited", attempts: 3 },
  },
  "500: server error (retried)": {
    reply: { status: 500, json: errorBody("boom") },
    want: { status: 500, error: errorBody("boom"), kind: "server_error", attempts: 3 },
  },
  "503: server error as HTML from a proxy (retried)": {
    reply: { status: 503, body: "<html>Service Unavailable</html>", headers: { "content-type": "text/html" } },
    want: { status: 503, kind: "server_error", attempts: 3 },
  },
};

describe("documented statuses of getCampaign", () => {
  it("covers every status the spec documents", () => {
    const covered = new Set(Object.keys(statuses).map((name) => name.slice(0, 3).replace(/^5\d\d$/, "5XX")));
    expect([...covered].sort()).toEqual(documentedStatuses("getCampaign").sort());
  });

  it.each(Object.entries(statuses))("%s", async (_name, { reply, want }) => {
    const segmint = await start({ client: { retry: FAST_RETRY }, onApi: () => reply });

    const result = await getCampaign(segmint.client, DOCS_CAMPAIGN_ID);

    expect(result.response.status).toBe(want.status);
    expect(segmint.apiRequests()).toHaveLength(want.attempts);
    expect(segmint.apiRequests().every((r) => r.path === `/campaigns/${DOCS_CAMPAIGN_ID}`)).toBe(true);
    if (want.kind === undefined) {
      expect(result.error).toBeUndefined();
      expect(result.data).toEqual(want.data);
      expect(unwrap(result)).toEqual(want.data);
      return;
    }
    expect(result.data).toBeUndefined();
    if (want.error) expect(result.error).toEqual(want.error);
    let thrown: unknown;
    try {
      unwrap(result);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SegApiError);
    expect(thrown).toMatchObject({
      vendor: "segmint",
      operation: "getCampaign",
      method: "GET",
      status: want.status,
      kind: want.kind,
      attempts: want.attempts,
    });
    if (want.error) expect((thrown as SegApiError).body).toEqual(want.error);
  });

  it("a 5XX that clears up is retried into a success", async () => {
    const segmint = await start({ client: { retry: FAST_RETRY }, onApi: (_r, n) => (n === 1 ? { status: 502, json: {} } : undefined) });
    expect(unwrap(await getCampaign(segmint.client))).toEqual({ id: "42", name: "Spring sale" });
    expect(segmint.apiRequests()).toHaveLength(2);
    expect(segmint.tokenRequests()).toHaveLength(1);
  });

  it("a 429's Retry-After is honoured", async () => {
    const segmint = await start({
      client: { retry: { ...FAST_RETRY, onRetry: (event) => delays.push(event.delayMs) } },
      onApi: (_r, n) => (n === 1 ? { status: 429, json: {}, headers: { "retry-after": "0" } } : undefined),
    });
    const delays: number[] = [];
    expect((await getCampaign(segmint.client)).response.status).toBe(200);
    expect(delays).toEqual([0]);
  });
});
