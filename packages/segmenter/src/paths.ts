import type { BoundPaths, CallInit, ClientMethod, OperationAt, ParseAs, PathOf, ResultOf } from "@seg/core";
import type { operations } from "./generated/operations.ts";
import type { paths } from "./generated/schema.ts";

/** The spec's paths: create (`POST /segments`) and update (`PUT /segments`). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- an interface, so editors show this name, not the BoundPaths<…> table
export interface SegmenterPaths extends BoundPaths<paths, typeof operations> {}

/** A documented Segmenter path that has `Method` (any method by default); calls take these. */
export type SegmenterPath<Method extends ClientMethod = ClientMethod> = PathOf<SegmenterPaths, Method>;

/**
 * What an update's `persons` may be: anything but a literally empty list. The update REPLACES the
 * segment's persons, so `[]` would remove everyone; the type says so, and `clearSegmentPersons` is
 * the deliberate way. (A list that is empty only at run time is refused before sending.)
 */
export type KeptPersons<Persons> = (Persons extends readonly []
  ? "persons: [] would remove every person from the segment; call clearSegmentPersons({ id }) to do that on purpose"
  : unknown) &
  Persons;

/** The update operation (`PUT /segments`). */
type UpdateOperation = OperationAt<SegmenterPaths, SegmenterPath<"put">, "put">;

/**
 * `PUT` of a Segmenter client: openapi-fetch's call, with `KeptPersons` on the body (`Persons` is
 * inferred only to see whether the list is empty; its items are checked as the spec's `Person`).
 */
export type GuardedPut = <const Persons extends readonly unknown[], As extends ParseAs = "json">(
  url: SegmenterPath<"put">,
  init: CallInit<UpdateOperation, As> & { body: { persons: KeptPersons<Persons> } },
) => Promise<ResultOf<SegmenterPaths, "put", SegmenterPath<"put">, As>>;
