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

// What a user needs from @seg/core (errors, unwrap, option and result types), as every vendor package re-exports it.
export * from "@seg/core/public";
