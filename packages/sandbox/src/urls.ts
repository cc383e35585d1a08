// Where each vendor is served, and client options ready to spread into the seg vendor clients.
import { SANDBOX_ACCOUNT, SANDBOX_INTEGRATION, type ResolvedCredentials } from "./config.ts";

export interface SandboxUrls {
  /** The SegMetrics client's `baseUrls` (`{account_id}`/`{integration_id}` are filled in by the client). */
  segmetrics: { import: string; track: string; reporting: string };
  segmint: string;
  segmenter: string;
  segmenthub: string;
}

/** Options for `createSegmetricsClient`, `createSegmintClient`, … pointing at this sandbox. */
export interface SandboxClientOptions {
  segmetrics: { accountId: string; integrationId: string; apiKey: string; baseUrls: SandboxUrls["segmetrics"] };
  segmint: { username: string; password: string; baseUrl: string };
  segmenter: { apiKey: string; baseUrl: string };
  segmenthub: { account: string; token: string; baseUrl: string };
}

export function sandboxUrls(origin: string): SandboxUrls {
  return {
    segmetrics: {
      import: `${origin}/segmetrics/import/api/v1/{account_id}/{integration_id}`,
      track: `${origin}/segmetrics/track`,
      reporting: `${origin}/segmetrics/reporting/{account_id}`,
    },
    segmint: `${origin}/segmint`,
    segmenter: `${origin}/segmenter`,
    segmenthub: `${origin}/segmenthub`,
  };
}

export function clientOptions(urls: SandboxUrls, credentials: ResolvedCredentials): SandboxClientOptions {
  return {
    segmetrics: { accountId: SANDBOX_ACCOUNT, integrationId: SANDBOX_INTEGRATION, apiKey: credentials.segmetrics.apiKey, baseUrls: urls.segmetrics },
    segmint: { ...credentials.segmint, baseUrl: urls.segmint },
    segmenter: { apiKey: credentials.segmenter.apiKey, baseUrl: urls.segmenter },
    segmenthub: {
      account: credentials.segmenthub.accounts?.[0] ?? SANDBOX_ACCOUNT,
      token: credentials.segmenthub.token,
      baseUrl: urls.segmenthub,
    },
  };
}
