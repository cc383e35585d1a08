/**
 * This file was generated from specs/segmint.yaml by `pnpm generate`.
 * Do not make direct changes to the file.
 */

/** Each host's URL template, by its `x-seg-host` name. */
export const servers = {
  "production": "https://dataservices.segmint.net",
  "stage": "https://dataservices-stage.segmint.net",
  "demo": "https://dataservices-demo.segmint.net"
} as const;

/** Each operation by "METHOD /path": its host, retry safety and the inputs the client fills in. */
export const operations = {
  "POST /auth/v1/token": {
    "operationId": "createToken",
    "host": "production",
    "idempotent": true
  },
  "GET /campaigns/{campaignId}": {
    "operationId": "getCampaign",
    "host": "production",
    "idempotent": true
  }
} as const;
