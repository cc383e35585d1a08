/**
 * How a vendor authenticates. The transport asks for credentials on every attempt, so a strategy
 * whose credentials change (a bearer token) is consulted each time, and on a 401 it may renew them
 * once before the request is replayed.
 */
export interface AuthStrategy {
  /** Headers to add to each attempt (e.g. `Authorization`). */
  headers?(): Record<string, string> | Promise<Record<string, string>>;
  /** Values the client fills into JSON bodies where the spec binds them (`x-seg-bind`). */
  readonly bodyFields?: Readonly<Record<string, string>>;
  /**
   * Called after a 401 with the headers that were rejected. Resolves true when fresh credentials
   * are ready and the request should be replayed once.
   */
  renew?(rejected: Readonly<Record<string, string>>): Promise<boolean>;
  /** The secret values this strategy holds right now, for redaction. */
  secrets(): readonly string[];
}

/** No credentials at all (e.g. SegMetrics' tracking host). */
export const noAuth: AuthStrategy = { secrets: () => [] };
