// A client-side request rate limit, off unless asked for: some vendors publish none but throttle
// (SegMetrics is said to allow 60 requests a minute). Pass one limiter to several clients to share
// a budget between them.
import { SegConfigError } from "./errors.ts";
import { sleep } from "./signals.ts";

export interface RateLimiter {
  /**
   * Resolves true when a request may start (and counts it), false at once if its turn would come
   * after `deadlineAt` (epoch ms); rejects with the signal's reason if it aborts while waiting.
   */
  acquire(signal: AbortSignal, deadlineAt?: number): Promise<boolean>;
}

/**
 * At most `requests` requests start in any window of `perMs` milliseconds; the others wait their
 * turn, in order. Every attempt counts, retries included.
 *
 *     createSegmetricsClient({ …, rateLimit: createRateLimiter({ requests: 60, perMs: 60_000 }) })
 */
export function createRateLimiter(options: { requests: number; perMs: number; now?: () => number }): RateLimiter {
  const { requests, perMs } = options;
  const now = options.now ?? Date.now;
  if (!(Number.isInteger(requests) && requests >= 1)) throw new SegConfigError("rateLimit.requests", "must be a whole number ≥ 1");
  if (!(typeof perMs === "number" && perMs > 0 && perMs < Infinity)) throw new SegConfigError("rateLimit.perMs", "must be a positive, finite number of milliseconds");
  const starts: number[] = [];
  let queue: Promise<unknown> = Promise.resolve();
  return {
    acquire(signal, deadlineAt = Infinity) {
      const turn = queue.then(async () => {
        for (;;) {
          const at = now();
          while (starts.length > 0 && (starts[0] ?? 0) <= at - perMs) starts.shift();
          if (starts.length < requests) {
            starts.push(at);
            return true;
          }
          const wait = (starts[0] ?? at) + perMs - at;
          if (at + wait > deadlineAt) return false;
          await sleep(wait, signal);
        }
      });
      // One caller's abort must not stop the queue behind it.
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
