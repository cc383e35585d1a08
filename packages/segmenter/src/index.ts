// @seg/segmenter: a typed client for Segmenter segments, with guarded replace semantics.
export { createSegmenterClient } from "./client.ts";
export type { SegmenterClient, SegmenterOptions } from "./client.ts";
export type { GuardedPut, KeptPersons, SegmenterPath, SegmenterPaths } from "./paths.ts";
export type {
  ClearSegmentPersonsRequest,
  CreateSegmentResult,
  SegmentCallOptions,
  SegmentMethods,
  SegmentPerson,
  UpdateSegmentResult,
} from "./segments.ts";
export type { components, operations, paths } from "./generated/schema.ts";
// Every schema of specs/segmenter.yaml by its name (`CreateSegmentRequest`, `Person`, …): the list
// is generated, so it is re-exported whole.
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
