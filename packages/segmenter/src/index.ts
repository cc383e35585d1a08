// @seg/segmenter: a typed client for Segmenter segments, with guarded replace semantics.
export { createSegmenterClient } from "./client.ts";
export type { SegmenterClient, SegmenterOptions } from "./client.ts";
export type {
  ClearSegmentPersonsRequest,
  CreateSegmentRequest,
  CreateSegmentResult,
  SegmentCallOptions,
  SegmentMethods,
  SegmentPerson,
  SubstitutionTag,
  UpdateSegmentRequest,
  UpdateSegmentResult,
} from "./segments.ts";
export type { components, operations, paths } from "./generated/schema.ts";
export { SegApiError, SegConfigError, SegConnectionError, SegTimeoutError, unwrap } from "@seg/core";
