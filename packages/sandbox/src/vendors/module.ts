// The contract between the dispatcher and a vendor's emulation: how it authenticates a call, and a
// handler per operationId of its spec.
import type { ResolvedCredentials } from "../config.ts";
import type { SpecOperation } from "../openapi/vendor-spec.ts";
import type { Reply } from "../reply.ts";
import type { SandboxState } from "../state.ts";

export interface CallContext {
  state: SandboxState;
  /** The sandbox clock (epoch ms); tests and `POST /__sandbox/time` move it. */
  now: () => number;
  credentials: ResolvedCredentials;
  /** Lifetime of a Segmint token, in seconds. */
  tokenTtlSeconds: number;
}

/** A request that matched an operation and passed its spec's validation. */
export interface OperationCall {
  operation: SpecOperation;
  /** Variables of the vendor's prefix: SegMetrics' `account_id` and `integration_id`. */
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

export type OperationHandler = (call: OperationCall, context: CallContext) => Reply;

export interface VendorModule {
  /** An error reply when the call's credentials are missing or wrong; undefined when they are fine. */
  authenticate(call: AuthCall, context: CallContext): Reply | undefined;
  /** The credentials travel in the JSON body (SegmentHub), so authenticate after parsing it. */
  authInBody?: boolean;
  /** A body that is not `application/json` is a 415 (SegmentHub), not a 400. */
  unsupportedMediaType?: (contentType: string) => Reply;
  /** Adjusts the raw query before validation (Segmint's grant_type may come in a form body). */
  prepareQuery?: (query: string, body: unknown) => string;
  handlers: Readonly<Record<string, OperationHandler>>;
}
