import { startTestServer, type Handler, type TestServer } from "@seg/test-server";
import { createSegmenterClient, type SegmenterClient, type SegmenterOptions } from "../src/index.ts";

/** A distinctive key, so a test can prove it never shows up where it must not. */
export const API_KEY = "seg_key_DO_NOT_LEAK_5150";

/** The path prefix every test client's base URL carries, like a real deployment's `/api/v1`. */
export const PREFIX = "/segmenter/v1";

/** A client whose base URL is a local server plus `PREFIX`, so tests see the full path sent. */
export async function clientWithServer(
  handler?: Handler,
  options: SegmenterOptions = {},
): Promise<{ server: TestServer; client: SegmenterClient }> {
  const server = await startTestServer(handler);
  const client = createSegmenterClient({ apiKey: API_KEY, baseUrl: `${server.url}${PREFIX}`, ...options });
  return { server, client };
}
