// The contract between the dispatcher and a vendor's hand-written module (src/vendors/<vendor>/index.ts,
// found by `pnpm generate`). Everything a module leaves out is derived from the vendor's spec
// (src/vendors/generic/): mounts, credentials, error bodies, and an answer for every operation.
import type { SpecOperation } from "../openapi/vendor-spec.ts";
import type { Reply } from "../reply.ts";

export interface CallContext<State = unknown, Credentials = Readonly<Record<string, unknown>>> {
  /** This vendor's part of the store (live: changes are kept). */
  state: State;
  /** The sandbox clock (epoch ms); tests and `POST /__sandbox/time` move it. */
  now: () => number;
  /** The credentials this vendor accepts (defaults, or the `credentials.<vendor>` option). */
  credentials: Credentials;
  /** Lifetime of tokens the sandbox issues, in seconds (`tokenTtlSeconds`). */
  tokenTtlSeconds: number;
  /** The next made-up id of a kind: `prefix` followed by 1, 2, 3 … (counters live in the store). */
  nextId: (kind: string, prefix: string) => string;
}

/** A request that matched an operation and passed its spec's validation. */
export interface OperationCall {
  operation: SpecOperation;
  /** Variables of the vendor's prefix (a server URL's `{account_id}`), percent-decoded. */
  mount: Record<string, string>;
  /** Path parameters, percent-decoded. */
  params: Record<string, string>;
  /** Query parameters, parsed per their style and coerced to their schema types. */
  query: Record<string, unknown>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: unknown;
  /** The absolute URL of the call without its query string. */
  url: string;
}

/** What authentication sees: the operation, the headers and (for body tokens) the parsed body. */
export interface AuthCall {
  operation: SpecOperation;
  headers: Record<string, string>;
  body: unknown;
}

// A method's parameters are compared bivariantly, so a module typed with its own state and
// credentials still fits the registry's erased `VendorModule` (React's "bivarianceHack").
export type OperationHandler<State = unknown, Credentials = Readonly<Record<string, unknown>>> = {
  handle(call: OperationCall, context: CallContext<State, Credentials>): Reply;
}["handle"];

/** A vendor's error bodies. Every error the sandbox sends for a vendor goes through these. */
export interface VendorErrors {
  /** 400 naming each problem. */
  badRequest(problems: readonly string[]): Reply;
  /** 401. */
  unauthorized(reason: string): Reply;
  /** 404: no such path (or method) here, or no such resource. */
  notFound(reason: string): Reply;
  /** Any other error status (faults: 429, 500, 503 …). */
  status(status: number, reason: string): Reply;
}

/**
 * A vendor's quirks: only what its spec cannot say. `State` is the vendor's part of the store,
 * `Credentials` the credentials it reads: the spec's credential options and any it adds (a list of
 * accounts that exist, say).
 */
export interface VendorModule<State = undefined, Credentials = unknown> {
  /** Error bodies as the vendor's docs show them (default: from the spec's documented errors). */
  errors?: VendorErrors;
  /** Replaces the check the spec's security scheme implies (tokens the module issues and expires). */
  authenticate?(call: AuthCall, context: CallContext<State, Credentials>): Reply | undefined;
  /** A body of a media type the operation does not take (default: a 400; a vendor may answer 415). */
  unsupportedMediaType?(contentType: string): Reply;
  /** Adjusts the raw query before validation (a parameter a vendor also takes in a form body). */
  prepareQuery?(query: string, body: unknown): string;
  /** This vendor's part of the store: an empty one (a file or `setState` fills in what is missing). */
  state?: { empty(): State };
  /** Values of non-secret client options other than `sandbox-<kebab name>` (ids kept from before). */
  optionDefaults?: Readonly<Record<string, string>>;
  /** Adjusts `clientOptions.<vendor>` to the credentials (the first of the accounts that exist). */
  clientOptions?(options: Record<string, unknown>, credentials: Credentials): Record<string, unknown>;
  /** Stateful handlers by operationId; every other operation answers from the spec. */
  handlers?: Readonly<Record<string, OperationHandler<State, Credentials>>>;
}

/** A module with its types erased, as the registry holds it. */
export type AnyVendorModule = VendorModule<unknown>;
