import type { BoundPaths } from "@seg/core";
import type { operations } from "./generated/operations.ts";
import type { paths } from "./generated/schema.ts";

/**
 * The spec's paths with the body fields the client fills in optional: `account` everywhere, `token`
 * on the profile and visitor calls (the spec's `x-seg-bind`).
 */
export type SegmentHubPaths = BoundPaths<paths, typeof operations>;
