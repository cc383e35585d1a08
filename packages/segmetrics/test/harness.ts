import { startTestServer, type Handler, type TestServer } from "@seg/test-server";
import { createSegmetricsClient, type SegmetricsClient, type SegmetricsOptions } from "../src/index.ts";

export const ACCOUNT = "acct 42/é";
export const INTEGRATION = "int-7";
export const API_KEY = "sm_key_DO_NOT_LEAK_1234";

/**
 * A client whose three hosts all point at one local server, each under its own prefix, so a test
 * sees which host a call went to (`/import/…`, `/track/…`, `/reporting/…`).
 */
export async function clientWithServer(
  handler?: Handler,
  options: SegmetricsOptions = {},
): Promise<{ server: TestServer; client: SegmetricsClient }> {
  const server = await startTestServer(handler);
  const client = createSegmetricsClient({
    accountId: ACCOUNT,
    integrationId: INTEGRATION,
    apiKey: API_KEY,
    baseUrls: {
      import: `${server.url}/import/api/v1/{account_id}/{integration_id}`,
      track: `${server.url}/track`,
      reporting: `${server.url}/reporting/{account_id}`,
    },
    ...options,
  });
  return { server, client };
}

/** The account id as it appears in a URL path. */
export const ACCOUNT_IN_PATH = encodeURIComponent(ACCOUNT);
