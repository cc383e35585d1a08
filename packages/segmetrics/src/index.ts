// @seg/segmetrics: a typed client for SegMetrics' import, tracking and reporting APIs.
export { createSegmetricsClient } from "./client.ts";
export type { SegmetricsClient, SegmetricsHost, SegmetricsOptions, SegmetricsPaths } from "./client.ts";
export type { ReportContact, ReportContactsOptions, ReportContactsPages, ReportContactsQuery } from "./report-contacts.ts";
export type { components, operations, paths } from "./generated/schema.ts";
export { SegApiError, SegConfigError, SegConnectionError, SegTimeoutError, unwrap } from "@seg/core";
