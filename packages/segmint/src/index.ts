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

// What a user needs from @seg/core (errors, unwrap, option and result types), as every vendor package re-exports it.
export * from "@seg/core/public";
