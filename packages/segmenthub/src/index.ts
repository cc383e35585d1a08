// @seg/segmenthub: a typed client for the SegmentHub REST API (events, profiles, visitors, segments).
export { createSegmentHubClient } from "./client.ts";
export type { SegmentHubClient, SegmentHubOptions } from "./client.ts";
export type { SegmentHubPath, SegmentHubPaths } from "./paths.ts";
export type { DocumentedEvent, DocumentedEventName, EventBody, FireEvent, FireEventOptions, FireEventResult } from "./fire-event.ts";
export type { components, operations, paths } from "./generated/schema.ts";
// Every schema of specs/segmenthub.yaml by its name (`ProfileSegmentsRequest`, `PurchaseEvent`, …):
// the list is generated, so it is re-exported whole.
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
