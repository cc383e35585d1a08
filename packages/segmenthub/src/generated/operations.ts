/**
 * This file was generated from specs/segmenthub.yaml by `pnpm generate`.
 * Do not make direct changes to the file.
 */

/** Each host's URL template, by its `x-seg-host` name. */
export const servers = {
  "api": "https://api.segmenthub.com"
} as const;

/** Each operation by "METHOD /path": its host, retry safety and the inputs the client fills in. */
export const operations = {
  "POST /campaigns/query": {
    "operationId": "fireEvent",
    "host": "api",
    "idempotent": false,
    "anonymous": true,
    "bind": {
      "body": {
        "account": "account"
      }
    }
  },
  "POST /profiles/query": {
    "operationId": "queryProfile",
    "host": "api",
    "idempotent": true,
    "anonymous": true,
    "bind": {
      "body": {
        "account": "account",
        "token": "token"
      }
    }
  },
  "POST /profiles/attributes": {
    "operationId": "updateProfileAttributes",
    "host": "api",
    "idempotent": true,
    "anonymous": true,
    "bind": {
      "body": {
        "account": "account",
        "token": "token"
      }
    }
  },
  "POST /profiles/segments": {
    "operationId": "updateProfileSegments",
    "host": "api",
    "idempotent": true,
    "anonymous": true,
    "bind": {
      "body": {
        "account": "account",
        "token": "token"
      }
    }
  },
  "POST /visitors/query": {
    "operationId": "queryVisitor",
    "host": "api",
    "idempotent": true,
    "anonymous": true,
    "bind": {
      "body": {
        "account": "account",
        "token": "token"
      }
    }
  },
  "POST /visitors/attributes": {
    "operationId": "updateVisitorAttributes",
    "host": "api",
    "idempotent": true,
    "anonymous": true,
    "bind": {
      "body": {
        "account": "account",
        "token": "token"
      }
    }
  },
  "POST /visitors/segments": {
    "operationId": "updateVisitorSegments",
    "host": "api",
    "idempotent": true,
    "anonymous": true,
    "bind": {
      "body": {
        "account": "account",
        "token": "token"
      }
    }
  }
} as const;
