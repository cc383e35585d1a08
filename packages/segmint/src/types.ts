import type { components } from "./generated/schema.ts";

/** A campaign as `GET /campaigns/{campaignId}` returns it. Its fields are not documented. */
export type SegmintCampaign = components["schemas"]["Campaign"];

/** An error body. Its shape is not documented: any JSON object, often with `message` or `error`. */
export type SegmintErrorBody = components["schemas"]["Error"];
