import type { BoundPaths, ClientMethod, PathOf } from "@seg/core";
import type { operations } from "./generated/operations.ts";
import type { paths } from "./generated/schema.ts";

/**
 * The spec's paths with the body fields the client fills in optional: `account` everywhere, `token`
 * on the profile and visitor calls (the spec's `x-seg-bind`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, so editors show this name, not the BoundPaths<…> table
export interface SegmentHubPaths extends BoundPaths<paths, typeof operations> {}

/** A documented SegmentHub path that has `Method` (any method by default); calls take these. */
export type SegmentHubPath<Method extends ClientMethod = ClientMethod> = PathOf<SegmentHubPaths, Method>;
