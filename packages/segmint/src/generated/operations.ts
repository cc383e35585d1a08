/**
 * This file was generated from specs/segmint.yaml by `pnpm generate`.
 * Do not make direct changes to the file.
 */

/** Each host's URL template, by its `x-seg-host` name. */
export const servers = {
  "api": "https://dataservices.segmint.net"
} as const;

/** Each environment's host URLs, by its `x-seg-environment` name; the first is the default. */
export const environments = {
  "production": {
    "api": "https://dataservices.segmint.net"
  },
  "stage": {
    "api": "https://dataservices-stage.segmint.net"
  },
  "demo": {
    "api": "https://dataservices-demo.segmint.net"
  }
} as const;

/** Each operation by "METHOD /path": its host, retry safety and the inputs the client fills in. */
export const operations = {
  "POST /auth/v1/token": {
    "operationId": "createToken",
    "host": "api",
    "idempotent": true,
    "contentType": "application/x-www-form-urlencoded"
  },
  "GET /campaigns/{campaignId}": {
    "operationId": "getCampaign",
    "host": "api",
    "idempotent": true
  }
} as const;
