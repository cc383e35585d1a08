// A vendor's client against a fresh test server: every host under it, the token exchange answered
// by the runner (the spec's example, carrying a canary token), everything else by the test.
import { documentedResponses, isObject, type SpecOperation } from "@seg/spec";
import { startTestServer, type Handler, type RecordedRequest, type Reply, type TestServer } from "../index.ts";
import { sampleOf } from "./calls.ts";
import type { ConformanceVendor } from "./vendor.ts";

export type CreateClient = (options: never) => unknown;

/** Fast backoff, so retried cases take milliseconds; the retry count stays core's default. */
export const FAST_BACKOFF = { baseDelayMs: 1, maxDelayMs: 5 } as const;

export interface Harness {
  server: TestServer;
  client: unknown;
  /** Requests other than the token exchange's. */
  apiRequests: () => RecordedRequest[];
  exchangeRequests: () => RecordedRequest[];
  [Symbol.asyncDispose]: () => Promise<void>;
}

export interface HarnessOptions {
  /** Answers the n-th (from 0) API request. */
  api?: Handler;
  /** Answers the n-th (from 1) token exchange; undefined for the runner's token. */
  exchange?: (request: RecordedRequest, n: number) => Reply | undefined;
  /** Client options on top of the derived ones (transport options, quirks). */
  client?: Record<string, unknown>;
}

/** Every string in `value` replaced by `token`: the spec's example token response, carrying a canary. */
function withToken(value: unknown, token: string): unknown {
  if (typeof value === "string") return token;
  if (Array.isArray(value)) return value.map((item) => withToken(item, token));
  if (isObject(value)) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, withToken(item, token)]));
  return value;
}

/** The runner's token response: the exchange's documented success example (or schema sample), with a canary token. */
export function tokenResponse(vendor: ConformanceVendor, exchange: SpecOperation, n: number): Reply {
  const success = documentedResponses(vendor.doc, exchange).find((response) => /^2/.test(response.status));
  const [example] = Object.values(success?.examples ?? {});
  const body = example ?? sampleOf(vendor.doc, success?.schema);
  return { status: Number(/^\d{3}$/.test(success?.status ?? "") ? success?.status : 200), json: withToken(body, vendor.issuedToken(n)) };
}

export async function startHarness(
  vendor: ConformanceVendor,
  createClient: CreateClient,
  vendorOptions: Record<string, unknown>,
  options: HarnessOptions = {},
): Promise<Harness> {
  const { exchange } = vendor;
  const exchangePath = exchange ? vendor.wirePath(exchange, {}) : undefined;
  const isExchange = (request: RecordedRequest): boolean => request.path === exchangePath;
  let exchanges = 0;
  let calls = 0;
  const server = await startTestServer((request) => {
    if (exchange && isExchange(request)) {
      const n = ++exchanges;
      return options.exchange?.(request, n) ?? tokenResponse(vendor, exchange, n);
    }
    return (options.api ?? (() => ({ status: 200, json: {} })))(request, calls++);
  });
  const config = {
    ...vendor.values,
    ...vendor.baseUrlOptions(server.url),
    retry: FAST_BACKOFF,
    ...vendorOptions,
    ...options.client,
  };
  let client: unknown;
  try {
    client = createClient(config as never);
  } catch (error) {
    await server.close();
    throw error;
  }
  return {
    server,
    client,
    apiRequests: () => server.requests.filter((request) => !isExchange(request)),
    exchangeRequests: () => server.requests.filter(isExchange),
    [Symbol.asyncDispose]: () => server.close(),
  };
}
