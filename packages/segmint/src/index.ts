// @seg/segmint: a typed client for the Segmint Data Services (Customer Insights) API.
export { createSegmintClient } from "./client.ts";
export type { SegmintClient, SegmintOptions } from "./client.ts";
export type { SegmintPath, SegmintPaths } from "./paths.ts";
export type { SegmintEnvironment } from "./environment.ts";
export type { SegmintCampaign, SegmintErrorBody } from "./types.ts";
export type { components, operations, paths } from "./generated/schema.ts";
// Every schema of specs/segmint.yaml by its name (`Campaign`, `TokenResponse`, …): the list is
// generated, so it is re-exported whole.
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
