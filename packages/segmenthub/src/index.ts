// @seg/segmenthub: a typed client for the SegmentHub REST API (events, profiles, visitors, segments).
export { createSegmentHubClient } from "./client.ts";
export type { SegmentHubClient, SegmentHubOptions } from "./client.ts";
export type { SegmentHubPath, SegmentHubPaths } from "./paths.ts";
export type { DocumentedEvent, DocumentedEventName, EventBody, FireEvent, FireEventOptions, FireEventResult } from "./fire-event.ts";
export type { components, operations, paths } from "./generated/schema.ts";
// Every schema of specs/segmenthub.yaml by its name (`ProfileSegmentsRequest`, `PurchaseEvent`, …):
// the list is generated, so it is re-exported whole.
export type * from "./generated/schemas.ts";

// What a user needs from @seg/core (errors, unwrap, option and result types), as every vendor package re-exports it.
export * from "@seg/core/public";
