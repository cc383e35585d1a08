// One attempt's limits: its timer (the attempt timeout or what is left of the deadline) and the
// caller's abort, with a race that keeps both working when the platform's fetch loses an abort.
import { NEVER_ABORTED } from "./request-parts.ts";

/** The reason an attempt's own timer aborts with. */
export const TIMED_OUT = "seg-timeout";

/** setTimeout fires at once past 2³¹-1 ms; anything longer is "no timer". */
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface Attempt {
  /** Aborts when the timer fires (reason `TIMED_OUT`) or the caller aborts (the caller's reason). */
  readonly signal: AbortSignal;
  /**
   * Settles like `promise`, or rejects with the abort reason as soon as the attempt ends early.
   * Node's fetch follows a signal through objects it holds only weakly, so after a garbage
   * collection an abort can be lost and the fetch hang (nodejs/node#55428); this race cannot be.
   */
  race<T>(promise: Promise<T>): Promise<T>;
  /** From now on an early end rejects through `fail` (the call reading the body) instead. */
  readonly handOver: (fail: (reason: unknown) => void) => void;
  /** Stops the timer and the caller's listener. */
  readonly end: () => void;
}

export function startAttempt(limitMs: number, caller: AbortSignal): Attempt {
  const controller = new AbortController();
  // Rejecting directly from the timer is cheaper than a second abort listener per race.
  let reject: ((reason: unknown) => void) | undefined;
  const stop = (reason: unknown): void => {
    controller.abort(reason);
    reject?.(reason);
  };
  const timer = limitMs <= MAX_TIMER_MS ? setTimeout(stop, limitMs, TIMED_OUT) : undefined;
  const onAbort = (): void => {
    stop(caller.reason);
  };
  // EventTarget listeners are costly in Node: skip the one a caller without a signal cannot fire.
  const follows = caller !== NEVER_ABORTED;
  if (follows) caller.addEventListener("abort", onAbort, { once: true });
  return {
    signal: controller.signal,
    race: (promise) =>
      new Promise((resolve, fail) => {
        reject = fail;
        promise.then(resolve, fail);
      }),
    handOver: (fail) => {
      reject = fail;
    },
    end: () => {
      clearTimeout(timer);
      reject = undefined;
      if (follows) caller.removeEventListener("abort", onAbort);
    },
  };
}
