/**
 * How a vendor authenticates. The transport asks for credentials on every attempt, so a strategy
 * whose credentials change (a bearer token) is consulted each time, and after a 401 it may renew
 * them once before the request is replayed.
 */
export interface AuthStrategy {
  /** Headers to add to each attempt (e.g. `Authorization`). */
  headers?(): Record<string, string> | Promise<Record<string, string>>;
  /**
   * The names (lower case) of the headers `headers()` sets. No caller header or middleware may set
   * them: the credentials the client was configured with are the only ones it sends.
   */
  readonly headerNames?: readonly string[];
  /** Values the client fills into JSON bodies where the spec binds them (`x-seg-bind`). */
  readonly bodyFields?: Readonly<Record<string, string>>;
  /**
   * After a 401, with the headers that were rejected: obtains fresh credentials, after which the
   * request is replayed once. It runs inside the replay's attempt, bounded by its timeout, the
   * call's deadline and the caller's signal.
   */
  renew?(rejected: Readonly<Record<string, string>>): Promise<void>;
  /** The secret values this strategy holds or has held, for redaction. */
  secrets(): readonly string[];
}

/** No credentials at all (e.g. SegMetrics' tracking host). */
export const noAuth: AuthStrategy = { secrets: () => [] };
