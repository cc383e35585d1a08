import type { BoundPaths, ClientMethod, PathOf } from "@seg/core";
import type { operations } from "./generated/operations.ts";
import type { paths } from "./generated/schema.ts";

/** The spec's paths, with the inputs the client fills in (the identify `account_id`) optional. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, so editors show this name, not the BoundPaths<…> table
export interface SegmetricsPaths extends BoundPaths<paths, typeof operations> {}

/** A documented SegMetrics path that has `Method` (any method by default); calls take these. */
export type SegmetricsPath<Method extends ClientMethod = ClientMethod> = PathOf<SegmetricsPaths, Method>;
