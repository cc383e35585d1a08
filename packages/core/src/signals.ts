// An abortable wait, for backoff and rate-limit turns.

/** setTimeout fires at once past 2³¹-1 ms, so a longer wait is taken in steps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Resolves after `ms`, or rejects with the signal's reason if it aborts first. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal.reason as Error);
    };
    const step = Math.min(ms, MAX_TIMER_MS);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      if (ms > step) sleep(ms - step, signal).then(resolve, reject);
      else resolve();
    }, step);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
