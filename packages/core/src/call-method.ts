// Types only: the signature of a typed call, `client.POST(path, { params, body, … })`.
//
// openapi-fetch infers the whole init object into a type parameter, so TypeScript never checks it
// for excess properties and a misspelt body field compiles (openapi-ts/openapi-typescript#1769,
// #2329). Here the init is the operation's own type, written into the parameter once the path is
// known: an object literal is then checked like any other, at every depth, and an undeclared
// property is an error that names it. Schemas with `additionalProperties` keep their index
// signature, so they stay open. Only `parseAs` is inferred, for the type of `data`.
import type { FetchOptions, ParseAs } from "openapi-fetch";
import type { HttpMethod, MediaType, RequiredKeysOf } from "openapi-typescript-helpers";
import type { CallOptions } from "./client.ts";
import type { CallResult } from "./result.ts";

export type { ParseAs };

/** The HTTP methods a vendor client offers. */
export type ClientMethod = "get" | "put" | "post" | "delete" | "patch";

/** The paths of `Paths` that have `Method`: what a call's first argument may be. */
export type PathOf<Paths, Method extends HttpMethod> = {
  [Path in keyof Paths]: Paths[Path] extends { [K in Method]: unknown } ? Path : never;
}[keyof Paths];

/**
 * The paths of each method, as a vendor names them (`{ [M in ClientMethod]: SegmetricsPath<M> }`),
 * so that a wrong path is reported against the vendor's type rather than an internal one.
 */
export type PathsByMethod<Paths> = { [Method in ClientMethod]: PathOf<Paths, Method> };

/** The operation object of `Path`'s `Method`, as openapi-typescript generates it. */
export type OperationAt<Paths, Path extends keyof Paths, Method extends HttpMethod> = Paths[Path] extends {
  [K in Method]: infer Operation;
}
  ? Operation
  : never;

type ParamsInit<Operation> = Operation extends { parameters: infer Parameters }
  ? RequiredKeysOf<Parameters> extends never
    ? { params?: Parameters }
    : { params: Parameters }
  : { params?: never };

/** The request body, used as generated (no `$Read`/`$Write` markers are generated), so its name shows. */
type BodyInit<Operation> = Operation extends { requestBody?: infer RequestBody }
  ? [NonNullable<RequestBody>] extends [never]
    ? { body?: never }
    : NonNullable<RequestBody> extends { content: infer Content }
      ? undefined extends Operation["requestBody" & keyof Operation]
        ? { body?: Content[keyof Content & MediaType] }
        : { body: Content[keyof Content & MediaType] }
      : { body?: never }
  : { body?: never };

/** Everything openapi-fetch accepts per call besides params, body and parseAs, plus `CallOptions`. */
type OtherInit<Operation> = Omit<FetchOptions<Operation>, "params" | "body" | "parseAs"> & CallOptions;

/** The init of a call of `Operation`: its params and body as the spec has them, and the call's options. */
export type CallInit<Operation, As extends ParseAs = ParseAs> = ParamsInit<Operation> &
  BodyInit<Operation> &
  OtherInit<Operation> & { parseAs?: As };

/** The init is optional when nothing in it is required. */
type InitArgs<Init> = RequiredKeysOf<Init> extends never ? [init?: Init] : [init: Init];

/** One HTTP method of a vendor client: openapi-fetch's call shape, with exact inputs and `status`. */
// `in out`: two instantiations relate when their arguments do. Without the annotation TypeScript
// works the variance out by comparing marker instantiations of the whole signature, which costs
// hundreds of thousands of types the first time two clients' methods are compared.
export type CallMethod<
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- openapi-fetch's own constraint on Paths
  in out Paths extends {},
  in out Method extends HttpMethod,
  in out Allowed extends PathOf<Paths, Method> = PathOf<Paths, Method>,
> = <Path extends Allowed, As extends ParseAs = "json">(
  url: Path,
  ...init: InitArgs<CallInit<OperationAt<Paths, Path, Method>, As>>
) => Promise<ResultOf<Paths, Method, Path, As>>;

/**
 * Each path's result, looked up by the call's path. (A lookup, not `CallResult<…Path…>` itself:
 * TypeScript does not infer through a lookup, so where a call's result goes (a declared return
 * type) never feeds back into the path and `parseAs`. Matching two results status by status for
 * that is slow enough to stall the compiler.)
 */
export type ResultsByPath<Paths, Method extends HttpMethod, As extends ParseAs = "json"> = {
  [Path in keyof Paths as Path]: CallResult<OperationAt<Paths, Path, Method>, As>;
};

/** The result of a call of `Path`, looked up in `ResultsByPath`. */
export type ResultOf<Paths, Method extends HttpMethod, Path, As extends ParseAs = "json"> = ResultsByPath<Paths, Method, As>[Path &
  keyof ResultsByPath<Paths, Method, As>];
