// @seg/segmint: a typed client for the Segmint Data Services (Customer Insights) API.
export { createSegmintClient } from "./client.ts";
export type { SegmintClient, SegmintOptions, SegmintPaths } from "./client.ts";
export type { SegmintEnvironment } from "./environment.ts";
export type { SegmintCampaign, SegmintErrorBody } from "./types.ts";
export type { components, operations, paths } from "./generated/schema.ts";
export { SegApiError, SegConfigError, SegConnectionError, SegError, SegTimeoutError, unwrap } from "@seg/core";
export type { SegApiErrorKind, UndocumentedInit, UndocumentedResult } from "@seg/core";
