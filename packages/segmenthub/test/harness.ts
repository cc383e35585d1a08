import { startTestServer, type Handler, type TestServer } from "@seg/test-server";
import { createSegmentHubClient, type SegmentHubClient, type SegmentHubOptions } from "../src/index.ts";

export const ACCOUNT = "3f6c1d2e-acct-4b1a-9c0d-000000000042";
/** A distinctive token: if it shows up anywhere but a request body, a test finds it. */
export const TOKEN = "shub_tok_DO_NOT_LEAK_5678";

/** A client pointed at a fresh local server, with account and token configured. */
export async function clientWithServer(
  handler?: Handler,
  options: SegmentHubOptions = {},
): Promise<{ server: TestServer; client: SegmentHubClient }> {
  const server = await startTestServer(handler);
  const client = createSegmentHubClient({ account: ACCOUNT, token: TOKEN, baseUrl: server.url, ...options });
  return { server, client };
}

/** Retries that finish in milliseconds. */
export const FAST_RETRY = { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 } as const;

/**
 * The global fetch, holding each request until its response is read. Works around a @seg/core bug
 * on Node 20 (undici, nodejs/node#55428): core hands fetch a `Request` it keeps no reference to, and
 * a garbage collection during the attempt cuts the link from core's abort signal to the request, so
 * an attempt timeout or a caller's abort never ends a hung request or a stalled body. Used only by
 * the tests that rely on aborting one; remove once core keeps the request alive itself.
 */
export async function gcSafeFetch(request: Request): Promise<Response> {
  inFlight.add(request);
  try {
    const response = await fetch(request);
    // Core reads the body after fetch resolves: keep the request while the response lives.
    readingBody.set(response, request);
    return response;
  } finally {
    inFlight.delete(request);
  }
}

const inFlight = new Set<Request>();
const readingBody = new WeakMap<Response, Request>();
