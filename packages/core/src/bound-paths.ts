// Types only: makes the inputs a client fills in (`x-seg-bind`) optional in a vendor's `paths`,
// so callers never repeat their account id or token per call.
import type { RequiredKeysOf } from "openapi-typescript-helpers";

/**
 * `Body` with the inputs the client fills in (`Names`) optional: what a caller writes. A name of its
 * own, so errors read `Bound<ProfileSegmentsRequest, "account" | "token">`.
 */
export type Bound<Body, Names extends PropertyKey> = Omit<Body, Names> & { [P in Names & keyof Body]?: Body[P] };

/** `Bound`, member by member of a union (each event shape keeps its own fields). */
type Loosen<T, K extends PropertyKey> = T extends unknown ? Bound<T, K> : never;

type BindOf<Table, Method extends string, Path extends string> =
  `${Uppercase<Method>} ${Path}` extends keyof Table
    ? Table[`${Uppercase<Method>} ${Path}`] extends { bind: infer Bind }
      ? Bind
      : never
    : never;

type LoosenQuery<Op, Names extends PropertyKey> = Op extends { parameters: { query?: infer Query } }
  ? Omit<Op, "parameters"> & {
      parameters: Omit<Op["parameters"], "query"> &
        (RequiredKeysOf<Loosen<NonNullable<Query>, Names>> extends never
          ? { query?: Loosen<NonNullable<Query>, Names> }
          : { query: Loosen<NonNullable<Query>, Names> });
    }
  : Op;

type LoosenBody<Op, Names extends PropertyKey> = Op extends { requestBody: { content: { "application/json": infer Body } } }
  ? Omit<Op, "requestBody"> & { requestBody: { content: { "application/json": Loosen<Body, Names> } } }
  : Op;

type BoundOperation<Op, Bind> = [Bind] extends [never]
  ? Op
  : LoosenBody<
      LoosenQuery<Op, Bind extends { query: infer Q } ? keyof Q : never>,
      Bind extends { body: infer B } ? keyof B : never
    >;

/** `Paths` with every input the operation table binds (`x-seg-bind`) made optional. */
export type BoundPaths<Paths, Table> = {
  [Path in keyof Paths]: {
    [Method in keyof Paths[Path]]: BoundOperation<
      Exclude<Paths[Path][Method], undefined>,
      BindOf<Table, Method & string, Path & string>
    >;
  };
};
