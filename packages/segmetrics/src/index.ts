// @seg/segmetrics: a typed client for SegMetrics' import, tracking and reporting APIs.
export { createSegmetricsClient } from "./client.ts";
export type { SegmetricsClient, SegmetricsHost, SegmetricsOptions } from "./client.ts";
export type { SegmetricsPath, SegmetricsPaths } from "./paths.ts";
export type { ReportContactsOptions, ReportContactsPages, ReportContactsQuery } from "./report-contacts.ts";
export type { components, operations, paths } from "./generated/schema.ts";
// Every schema of specs/segmetrics.yaml by its name (`UpsertContactRequest`, `ReportContact`, …): the
// list is generated, so it is re-exported whole.
export type * from "./generated/schemas.ts";

// What a user needs from @seg/core (errors, unwrap, option and result types), as every vendor package re-exports it.
export * from "@seg/core/public";
