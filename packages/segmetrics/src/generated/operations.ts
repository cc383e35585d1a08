/**
 * This file was generated from specs/segmetrics.yaml by `pnpm generate`.
 * Do not make direct changes to the file.
 */

/** Each host's URL template, by its `x-seg-host` name. */
export const servers = {
  "import": "https://import.segmetrics.io/api/v1/{account_id}/{integration_id}",
  "track": "https://track.segmetrics.io",
  "reporting": "https://api.segmetrics.io/{account_id}"
} as const;

/** Each operation by "METHOD /path": its host, retry safety and the inputs the client fills in. */
export const operations = {
  "POST /contact": {
    "operationId": "upsertContact",
    "host": "import",
    "idempotent": true
  },
  "GET /contact/{contact_id_or_email}": {
    "operationId": "getContact",
    "host": "reporting",
    "idempotent": true
  },
  "DELETE /contact/{contact_id_or_email}": {
    "operationId": "deleteContact",
    "host": "import",
    "idempotent": true
  },
  "POST /tags/add": {
    "operationId": "addTagsToContact",
    "host": "import",
    "idempotent": true
  },
  "POST /tags/remove": {
    "operationId": "removeTagsFromContact",
    "host": "import",
    "idempotent": true
  },
  "POST /invoice": {
    "operationId": "addInvoice",
    "host": "import",
    "idempotent": false
  },
  "DELETE /invoice/{id}": {
    "operationId": "deleteInvoice",
    "host": "import",
    "idempotent": true
  },
  "POST /subscription": {
    "operationId": "upsertSubscription",
    "host": "import",
    "idempotent": true
  },
  "DELETE /subscription/{id}": {
    "operationId": "deleteSubscription",
    "host": "import",
    "idempotent": true
  },
  "POST /product": {
    "operationId": "addProduct",
    "host": "import",
    "idempotent": false
  },
  "POST /ad/performance": {
    "operationId": "recordAdPerformance",
    "host": "import",
    "idempotent": false
  },
  "GET /identify": {
    "operationId": "identifyContact",
    "host": "track",
    "idempotent": true,
    "anonymous": true,
    "parseAs": "text",
    "bind": {
      "query": {
        "account_id": "accountId"
      }
    }
  },
  "GET /report/{report_type}": {
    "operationId": "getReport",
    "host": "reporting",
    "idempotent": true
  },
  "GET /report/{report_type}/{report_id}": {
    "operationId": "getSavedReport",
    "host": "reporting",
    "idempotent": true
  },
  "GET /report/{report_type}/contacts": {
    "operationId": "getReportContacts",
    "host": "reporting",
    "idempotent": true
  },
  "GET /report/{report_type}/{report_id}/contacts": {
    "operationId": "getSavedReportContacts",
    "host": "reporting",
    "idempotent": true
  }
} as const;
