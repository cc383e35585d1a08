// Segmenter's update (PUT) REPLACES a segment's stored persons with the ones sent, and an empty
// `persons` array deletes everyone in the segment. One bug upstream (a filter that matched nothing,
// a failed CRM export) would silently wipe an audience, so an update that would empty the segment
// is refused here, before anything leaves the process. Removing everyone on purpose goes through
// `clearSegmentPersons`, which bypasses this guard by name. This is a Segmenter quirk, not transport
// behaviour, so it lives in this package rather than in @seg/core.
import { SegConfigError, type VendorClient } from "@seg/core";
import type { GuardedPut, SegmenterPaths } from "./paths.ts";

const REPLACES = "an update REPLACES the segment's stored persons with the ones sent";
const HOW_TO = "Nothing was sent. Send every person the segment should keep, or call clearSegmentPersons({ id }) to remove all on purpose.";

type Body = Record<string, unknown>;

const isObject = (value: unknown): value is Body => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Throws a `SegConfigError` (field `persons`) unless an update body carries a non-empty `persons`
 * array. A missing `persons` is refused too: what the service does without it is undocumented.
 */
export function assertPersonsKept(body: unknown): void {
  const persons = isObject(body) ? body.persons : undefined;
  if (!Array.isArray(persons)) {
    throw new SegConfigError(
      "persons",
      `is required on an update: ${REPLACES}; leaving it out is undocumented. ${HOW_TO}`,
    );
  }
  if (persons.length === 0) {
    throw new SegConfigError(
      "persons",
      `is empty: ${REPLACES}, so [] would remove every person from segment ${JSON.stringify((body as Body).id)}. ${HOW_TO}`,
    );
  }
}

/**
 * The body `clearSegmentPersons` sends: the caller's segment fields with `persons: []`. Refuses a
 * body without an `id` (the segment to empty must be named) or one that carries persons (keeping
 * some people is an ordinary update, not a clear).
 */
export function clearingBody<T extends object>(body: T): T & { persons: [] } {
  if (!isObject(body) || typeof body.id !== "string" || body.id === "") {
    throw new SegConfigError("id", "is required: the id of the segment to clear. Nothing was sent.");
  }
  if (body.persons !== undefined && !(Array.isArray(body.persons) && body.persons.length === 0)) {
    throw new SegConfigError(
      "persons",
      "must not be given to clearSegmentPersons, which removes every person. Nothing was sent. To keep some, call updateSegment with all the persons to keep.",
    );
  }
  return { ...body, persons: [] };
}

/** The escape hatch guarded too: any PUT whose JSON body carries an empty `persons` array. */
function assertNotEmptied(method: string, body: unknown): void {
  if (method.toUpperCase() === "PUT" && isObject(body) && Array.isArray(body.persons) && body.persons.length === 0) {
    assertPersonsKept(body);
  }
}

/**
 * `PUT` and `undocumented` of a Segmenter client with the replace guard in front. The returned
 * functions reject (they never throw synchronously) and send nothing when the guard refuses.
 */
export function guardReplace(client: VendorClient<SegmenterPaths>): { PUT: GuardedPut; undocumented: VendorClient<SegmenterPaths>["undocumented"] } {
  // Through `unknown`: relating this function to the generic GuardedPut status by status would cost
  // the compiler seconds, and it adds nothing (both forward to the same client.PUT).
  const PUT = (async (path: "/segments", init?: { body?: unknown }) => {
    assertPersonsKept(init?.body);
    return client.PUT(path, init as never);
  }) as unknown as GuardedPut;
  const undocumented: VendorClient<SegmenterPaths>["undocumented"] = async (method, path, init) => {
    assertNotEmptied(method, init?.body);
    return client.undocumented(method, path, init);
  };
  return { PUT, undocumented };
}
