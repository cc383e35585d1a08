// A fake Segmint on a real local HTTP server: it issues tokens for the right Basic credentials,
// accepts only the bearer tokens it issued (until `revoke()`), and lets a test script any reply.
import { startTestServer, type RecordedRequest, type Reply, type TestServer } from "@seg/test-server";
import { createSegmintClient, type SegmintClient, type SegmintOptions } from "../src/index.ts";

// Distinctive planted secrets: the password is outside Latin-1, so Basic must encode UTF-8.
export const USERNAME = "seg-user-DO_NOT_LEAK-7f3a";
export const PASSWORD = "pässwörd€-DO_NOT_LEAK-91";
export const BASIC = `Basic ${Buffer.from(`${USERNAME}:${PASSWORD}`, "utf8").toString("base64")}`;
/** The n-th token the fake issues (from 1). */
export const tokenNo = (n: number): string => `tok-DO_NOT_LEAK-${n}-c0ffee`;

export interface ApiContext {
  /** The request's bearer token is one the fake issued and has not revoked. */
  authorized: boolean;
  /** The bearer token sent, if any. */
  bearer: string | undefined;
}

export interface FakeSegmintOptions {
  /** Reply to the n-th (from 1) token request; return undefined for the fake's default. */
  onToken?: (request: RecordedRequest, n: number) => Reply | undefined | Promise<Reply | undefined>;
  /** Reply to the n-th (from 1) other request; return undefined for the fake's default. */
  onApi?: (request: RecordedRequest, n: number, context: ApiContext) => Reply | undefined | Promise<Reply | undefined>;
  client?: SegmintOptions;
}

export interface FakeSegmint {
  server: TestServer;
  client: SegmintClient;
  tokenRequests: () => RecordedRequest[];
  apiRequests: () => RecordedRequest[];
  /** Bearer tokens sent to the API, in order. */
  bearers: () => (string | undefined)[];
  /** Every token issued so far stops being accepted (as if it expired server-side). */
  revoke: () => void;
}

const isToken = (request: RecordedRequest): boolean => request.path.endsWith("/auth/v1/token");
const bearerOf = (request: RecordedRequest): string | undefined => /^Bearer (.+)$/.exec(request.headers.authorization ?? "")?.[1];

export async function fakeSegmint(options: FakeSegmintOptions = {}): Promise<FakeSegmint> {
  const valid = new Set<string>();
  let tokens = 0;
  let calls = 0;
  const server = await startTestServer(async (request) => {
    if (isToken(request)) {
      const n = ++tokens;
      const scripted = await options.onToken?.(request, n);
      if (scripted) {
        // A scripted token answer is honoured by the API like an issued one.
        const body = typeof scripted === "object" ? (scripted.json as { access_token?: unknown; token?: unknown } | undefined) : undefined;
        for (const value of [body?.access_token, body?.token]) if (typeof value === "string") valid.add(value);
        return scripted;
      }
      if (request.headers.authorization !== BASIC || request.query.get("grant_type") !== "token") {
        return { status: 401, json: { message: "Invalid credentials" } };
      }
      valid.add(tokenNo(n));
      return { status: 200, json: { access_token: tokenNo(n) } };
    }
    const bearer = bearerOf(request);
    const context = { bearer, authorized: bearer !== undefined && valid.has(bearer) };
    const scripted = await options.onApi?.(request, ++calls, context);
    if (scripted) return scripted;
    if (!context.authorized) return { status: 401, json: { message: "The authorization token provided is invalid" } };
    return { status: 200, json: { id: request.path.split("/").pop(), name: "Spring sale" } };
  });
  const client = createSegmintClient({ username: USERNAME, password: PASSWORD, baseUrl: server.url, ...options.client });
  return {
    server,
    client,
    tokenRequests: () => server.requests.filter(isToken),
    apiRequests: () => server.requests.filter((r) => !isToken(r)),
    bearers: () => server.requests.filter((r) => !isToken(r)).map(bearerOf),
    revoke: () => {
      valid.clear();
    },
  };
}

/** Calls `GET /campaigns/{campaignId}`. */
export const getCampaign = (client: SegmintClient, campaignId: string | number = "42") =>
  client.GET("/campaigns/{campaignId}", { params: { path: { campaignId } } });

/** Fast retries, so tests of retried statuses do not wait. */
export const FAST_RETRY = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 } as const;
