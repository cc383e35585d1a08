// Types only: what a typed call resolves to. openapi-fetch's `{ data, error, response }`, plus
// `status`, one branch per documented status, so `if (r.status === 404) r.error` is the 404 body.
import type { ParseAs, ParseAsResponse } from "openapi-fetch";
import type { MediaType } from "openapi-typescript-helpers";
import type { HttpStatus, StatusClass, StatusesOfKey } from "./status.ts";

type Responses<Operation> = Operation extends { responses: infer R extends Record<string | number, unknown> } ? R : never;

/** The body of one response object (its first media type, as openapi-fetch reads it). */
type BodyOf<Response> = Response extends { content: infer Content }
  ? Content extends Record<string, unknown>
    ? Content[keyof Content & MediaType]
    : undefined
  : undefined;

/** Statuses named exactly (`404`) win over a class (`"4XX"`), which wins over `default`. */
type ExactStatuses<R> = Extract<keyof R, number>;
type StatusesOf<R, Key extends keyof R> = Key extends number ? Key : Exclude<StatusesOfKey<Key>, ExactStatuses<R>>;
type DocumentedStatus<R> = { [Key in keyof R]: StatusesOf<R, Key> }[keyof R];

/**
 * The statuses an operation's spec does not document. Only a `Response`'s possible statuses
 * (200–599) are listed, so narrowing on a documented status never keeps this branch.
 */
// (`[Documented] extends [infer Known]`: while `Documented` is generic, this stays one deferred type
// rather than one conditional per status, which keeps relating two results cheap.)
export type UndocumentedStatus<Documented> = [Documented] extends [infer Known] ? Exclude<HttpStatus, Known> : never;

/**
 * `data` as `parseAs` read it. `As` still the whole `ParseAs` union means it was not chosen (e.g.
 * `ReturnType<Client["GET"]>`): JSON, openapi-fetch's default.
 */
type Parsed<Data, As extends ParseAs> = [ParseAs] extends [As] ? Data : ParseAsResponse<Data, { parseAs: As }>;

type Success<Status, Data> = {
  status: Status;
  data: Data;
  error?: never;
  response: Response;
};
type Failure<Status, Error> = { status: Status; data?: never; error: Error; response: Response };

type Branch<Status, Body, As extends ParseAs> = [Status] extends [never]
  ? never
  : [Status] extends [StatusClass<2>]
    ? Success<Status, Parsed<Body, As>>
    : Failure<Status, Body>;

/** Success and failure branches of one response key (a class key can hold both). */
type KeyBranches<R, Key extends keyof R, As extends ParseAs> =
  | Branch<Extract<StatusesOf<R, Key>, StatusClass<2>>, BodyOf<R[Key]>, As>
  | Branch<Exclude<StatusesOf<R, Key>, StatusClass<2>>, BodyOf<R[Key]>, As>;

/** The keys whose statuses include an ok (2xx) one, or a failing one; `default` counts as failing. */
type OkKeys<R> = { [Key in Exclude<keyof R, "default">]: [Extract<StatusesOf<R, Key>, StatusClass<2>>] extends [never] ? never : Key }[Exclude<keyof R, "default">];
type FailingKeys<R> =
  | { [Key in Exclude<keyof R, "default">]: [Exclude<StatusesOf<R, Key>, StatusClass<2>>] extends [never] ? never : Key }[Exclude<keyof R, "default">]
  | Extract<keyof R, "default">;

/**
 * Undocumented statuses keep openapi-fetch's types: an ok one carries any documented success body,
 * another one the `default` body if there is one, else any documented error body.
 */
type UndocumentedBranches<R, As extends ParseAs> =
  | Branch<Extract<UndocumentedStatus<DocumentedStatus<Omit<R, "default">>>, StatusClass<2>>, BodyOf<R[OkKeys<R>]>, As>
  | Branch<
      Exclude<UndocumentedStatus<DocumentedStatus<Omit<R, "default">>>, StatusClass<2>>,
      "default" extends keyof R ? BodyOf<R["default"]> : BodyOf<R[FailingKeys<R>]>,
      As
    >;

/**
 * The result of a typed call of `Operation`: openapi-fetch's `{ data, error, response }` with
 * `status`, one branch per documented status (`5XX`-style classes expanded) and one for every
 * other status. `As` is the call's `parseAs` (how `data` was read).
 */
// (A conditional on `Operation`, so that while `Operation` is generic the whole result is one
// deferred type: relating two results then never expands these tables for generic operations,
// which TypeScript would otherwise do, for seconds, to work out the variance of the alias.)
export type CallResult<Operation, As extends ParseAs = "json"> = Operation extends unknown
  ?
      | { [Key in Exclude<keyof Responses<Operation>, "default">]: KeyBranches<Responses<Operation>, Key, As> }[Exclude<
          keyof Responses<Operation>,
          "default"
        >]
      | UndocumentedBranches<Responses<Operation>, As>
  : never;
