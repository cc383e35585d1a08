// Named methods for the two documented operations, so callers need no path strings and see the
// replace semantics in their editor. They resolve to the same `{ data, error, response }` results
// as the raw calls (`unwrap()` gives the throwing form), and go through the same guard.
import type { CallOptions, CallResult, OperationAt, VendorClient } from "@seg/core";
import type { CreateSegmentRequest, Person, UpdateSegmentRequest } from "./generated/schema.ts";
import type { GuardedPut, KeptPersons, SegmenterPaths } from "./paths.ts";
import { clearingBody } from "./replace-guard.ts";

/** The segment fields `clearSegmentPersons` sends; it adds `persons: []` itself. */
export type ClearSegmentPersonsRequest = Omit<UpdateSegmentRequest, "persons"> & { persons?: never };
/** A person of a segment (the spec's `Person`): `externalId` (the caller's own id) is required. */
export type SegmentPerson = Person;

/** Per-call options of the named methods. */
export interface SegmentCallOptions extends CallOptions {
  /** Aborts the call (and its retries); the promise rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Extra request headers (a correlation id, say). `x-api-key` is always the client's. */
  headers?: Record<string, string>;
}

/** The result of `createSegment`: the created segment, or the typed 400/401 body, by `status`. */
export type CreateSegmentResult = CallResult<OperationAt<SegmenterPaths, "/segments", "post">>;

/**
 * The result of `updateSegment` / `clearSegmentPersons`: `data.isUpdated` (check it: the docs say an
 * unsuccessful update can show `false`), or the typed 400/401 body or the 500 failure body.
 */
export type UpdateSegmentResult = CallResult<OperationAt<SegmenterPaths, "/segments", "put">>;

export interface SegmentMethods {
  /**
   * Create a segment (`POST /segments`), optionally with persons and their substitution tags.
   *
   * Not idempotent: every call creates a new segment, so it is never retried automatically (a
   * retry after a lost response would create a duplicate). Pass `retry: true` to opt in.
   */
  createSegment(body: CreateSegmentRequest, options?: SegmentCallOptions): Promise<CreateSegmentResult>;
  /**
   * Update a segment (`PUT /segments`, the segment named by `body.id`).
   *
   * **`persons` REPLACES the segment's stored persons**: anyone not in the array is removed from
   * the segment. Send the complete list the segment should keep. An empty (or missing) `persons`
   * would remove everyone: `persons: []` does not compile, and a list that is empty at run time is
   * refused with a `SegConfigError` (field `persons`) before any request is sent; use
   * `clearSegmentPersons` to do that on purpose.
   *
   * Idempotent (a full replace), so retried automatically on 408, 429, 5xx and network errors.
   */
  updateSegment<const Persons extends readonly unknown[]>(
    body: UpdateSegmentRequest & { persons: KeptPersons<Persons> },
    options?: SegmentCallOptions,
  ): Promise<UpdateSegmentResult>;
  /**
   * Remove **every** person from a segment, on purpose: sends the update (`PUT /segments`) with
   * `persons: []`, which the service treats as "delete the persons associated to the segment".
   * The other fields are sent as given (a PUT sends the whole segment, so pass its name,
   * description, … as they should stay).
   */
  clearSegmentPersons(body: ClearSegmentPersonsRequest, options?: SegmentCallOptions): Promise<UpdateSegmentResult>;
}

/**
 * The named methods over a client: `guarded` for create and update (its `PUT` refuses an emptying
 * update), `raw` for the one deliberate clear.
 */
export function segmentMethods(
  guarded: Pick<VendorClient<SegmenterPaths>, "POST"> & { PUT: GuardedPut },
  raw: Pick<VendorClient<SegmenterPaths>, "PUT">,
): SegmentMethods {
  return {
    createSegment: (body, options) => guarded.POST("/segments", { ...options, body }),
    updateSegment: (body, options) => guarded.PUT("/segments", { ...options, body }),
    clearSegmentPersons: async (body, options) => await raw.PUT("/segments", { ...options, body: clearingBody(body) }),
  };
}
