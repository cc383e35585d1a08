// Types only: what a typed call resolves to. openapi-fetch's `{ data, error, response }`, plus
// `status`, one branch per documented status, so `if (r.status === 404) r.error` is the 404 body.
import type { ParseAsResponse } from "openapi-fetch";
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
export type UndocumentedStatus<Documented> = Exclude<HttpStatus, Documented>;

type Success<Status, Data, Options> = {
  status: Status;
  data: ParseAsResponse<Data, Options>;
  error?: never;
  response: Response;
};
type Failure<Status, Error> = { status: Status; data?: never; error: Error; response: Response };

type Branch<Status, Body, Options> = [Status] extends [never]
  ? never
  : [Status] extends [StatusClass<2>]
    ? Success<Status, Body, Options>
    : Failure<Status, Body>;

/** Success and failure branches of one response key (a class key can hold both). */
type KeyBranches<R, Key extends keyof R, Options> =
  | Branch<Extract<StatusesOf<R, Key>, StatusClass<2>>, BodyOf<R[Key]>, Options>
  | Branch<Exclude<StatusesOf<R, Key>, StatusClass<2>>, BodyOf<R[Key]>, Options>;

/** The keys whose statuses include an ok (2xx) one, or a failing one; `default` counts as failing. */
type OkKeys<R> = { [Key in Exclude<keyof R, "default">]: [Extract<StatusesOf<R, Key>, StatusClass<2>>] extends [never] ? never : Key }[Exclude<keyof R, "default">];
type FailingKeys<R> =
  | { [Key in Exclude<keyof R, "default">]: [Exclude<StatusesOf<R, Key>, StatusClass<2>>] extends [never] ? never : Key }[Exclude<keyof R, "default">]
  | Extract<keyof R, "default">;

/**
 * Undocumented statuses keep openapi-fetch's types: an ok one carries any documented success body,
 * another one the `default` body if there is one, else any documented error body.
 */
type UndocumentedBranches<R, Options> =
  | Branch<Extract<UndocumentedStatus<DocumentedStatus<Omit<R, "default">>>, StatusClass<2>>, BodyOf<R[OkKeys<R>]>, Options>
  | Branch<
      Exclude<UndocumentedStatus<DocumentedStatus<Omit<R, "default">>>, StatusClass<2>>,
      "default" extends keyof R ? BodyOf<R["default"]> : BodyOf<R[FailingKeys<R>]>,
      Options
    >;

/**
 * The result of a typed call of `Operation`: openapi-fetch's `{ data, error, response }` with
 * `status`, one branch per documented status (`5XX`-style classes expanded) and one for every
 * other status. `Options` is the call's init, for `parseAs`.
 */
export type CallResult<Operation, Options = object> =
  | { [Key in Exclude<keyof Responses<Operation>, "default">]: KeyBranches<Responses<Operation>, Key, Options> }[Exclude<
      keyof Responses<Operation>,
      "default"
    >]
  | UndocumentedBranches<Responses<Operation>, Options>;

