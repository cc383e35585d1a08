// @seg/segmenthub: a typed client for the SegmentHub REST API (events, profiles, visitors, segments).
export { createSegmentHubClient } from "./client.ts";
export type { SegmentHubClient, SegmentHubOptions } from "./client.ts";
export type { SegmentHubPaths } from "./paths.ts";
export type { DocumentedEvent, DocumentedEventName, EventBody, FireEvent, FireEventOptions, FireEventResult } from "./fire-event.ts";
export type { components, operations, paths } from "./generated/schema.ts";
export { SegApiError, SegConfigError, SegConnectionError, SegTimeoutError, unwrap } from "@seg/core";
