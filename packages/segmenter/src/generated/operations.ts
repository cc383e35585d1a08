/**
 * This file was generated from specs/segmenter.yaml by `pnpm generate`.
 * Do not make direct changes to the file.
 */

/** Each host's URL template, by its `x-seg-host` name. */
export const servers = {
  "api": "{baseUrl}"
} as const;

/** Each operation by "METHOD /path": its host, retry safety and the inputs the client fills in. */
export const operations = {
  "PUT /segments": {
    "operationId": "updateSegment",
    "host": "api",
    "idempotent": true
  },
  "POST /segments": {
    "operationId": "createSegment",
    "host": "api",
    "idempotent": false
  }
} as const;
