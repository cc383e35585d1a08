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

