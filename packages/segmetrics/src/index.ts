// @seg/segmetrics: a typed client for SegMetrics' import, tracking and reporting APIs.
export { createSegmetricsClient } from "./client.ts";
export type { SegmetricsClient, SegmetricsHost, SegmetricsOptions } from "./client.ts";
export type { SegmetricsPath, SegmetricsPaths } from "./paths.ts";
export type { ReportContactsOptions, ReportContactsPages, ReportContactsQuery } from "./report-contacts.ts";
export type { components, operations, paths } from "./generated/schema.ts";
// Every schema of specs/segmetrics.yaml by its name (`UpsertContactRequest`, `ReportContact`, …): the
// list is generated, so it is re-exported whole.
export type * from "./generated/schemas.ts";

// What a user needs from @seg/core, re-exported the same way by every vendor package.
export { SegApiError, SegConfigError, SegConnectionError, SegError, SegTimeoutError, createRateLimiter, unwrap } from "@seg/core";
export type {
  CallOptions,
  CallResult,
  HttpStatus,
  LogLevel,
  Logger,
  RateLimiter,
  RetryEvent,
  RetryOptions,
  SegApiErrorKind,
  SuccessData,
  TimeoutOptions,
  TransportOptions,
  UndocumentedInit,
  UndocumentedResult,
  UndocumentedStatus,
} from "@seg/core";
