// When and how long to wait before trying a call again.

export interface RetryOptions {
  /** Retries after the first attempt. Default 2 (so at most 3 attempts). */
  maxRetries?: number;
  /** First backoff ceiling in ms; doubles each retry. Default 300. */
  baseDelayMs?: number;
  /** Largest backoff ceiling in ms. Default 10_000. */
  maxDelayMs?: number;
  /** Longest `Retry-After` honoured, in ms; a longer one ends the retries. Default 60_000. */
  maxRetryAfterMs?: number;
  /** Called before each retry's wait. */
  onRetry?: (event: RetryEvent) => void;
}

export interface RetryEvent {
  /** The failure being retried: a `SegApiError`, `SegConnectionError` or `SegTimeoutError`. */
  error: Error;
  /** The attempt that just failed, from 1. */
  attempt: number;
  /** How long the client waits before the next attempt, in ms. */
  delayMs: number;
}

export const RETRY_DEFAULTS: Required<Omit<RetryOptions, "onRetry">> = {
  maxRetries: 2,
  baseDelayMs: 300,
  maxDelayMs: 10_000,
  maxRetryAfterMs: 60_000,
};

/** 408, 429 and 5xx are worth another try; other statuses will not change by asking again. */
export const isRetryableStatus = (status: number): boolean => status === 408 || status === 429 || (status >= 500 && status <= 599);

/** Exponential backoff with full jitter: uniform in [0, min(cap, base · 2^(attempt-1))]. */
export function backoffDelay(attempt: number, options: Required<Omit<RetryOptions, "onRetry">>, random: () => number = Math.random): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` as ms from `now`: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The retry policy of one call. Unsafe operations are retried only when the caller says so for
 * that call; a client-wide `false` turns automatic retries off but not an explicit per-call opt-in.
 */
export function retryPolicy(
  perCall: boolean | RetryOptions | undefined,
  client: RetryOptions | false | undefined,
  idempotent: boolean,
): RetryOptions | false {
  if (perCall === false) return false;
  if (perCall === undefined) return idempotent ? (client ?? {}) : false;
  return { ...(client || {}), ...(perCall === true ? {} : perCall) };
}
