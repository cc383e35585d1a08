import type { ClientMethod, PathOf } from "@seg/core";
import type { paths } from "./generated/schema.ts";

/** The spec's paths without the token endpoint: the client calls that one for you. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, so editors show this name, not the Omit<…>
export interface SegmintPaths extends Omit<paths, "/auth/v1/token"> {}

/** A documented Segmint path that has `Method` (any method by default); calls take these. */
export type SegmintPath<Method extends ClientMethod = ClientMethod> = PathOf<SegmintPaths, Method>;
