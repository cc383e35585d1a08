// Small AbortSignal plumbing. Written by hand rather than with AbortSignal.any/timeout so every
// timer is cleared and every listener removed when an attempt ends (AbortSignal.any has leaked on
// long-lived parent signals in Node 20, and stray 30 s timers add up under load).

export interface Deadline {
  readonly signal: AbortSignal;
  /** Milliseconds left before it fires. */
  remaining(): number;
  dispose(): void;
}

export function deadline(ms: number, now: () => number = Date.now): Deadline {
  const controller = new AbortController();
  const end = now() + ms;
  const timer = setTimeout(() => {
    controller.abort(new DOMException("deadline exceeded", "TimeoutError"));
  }, ms);
  return {
    signal: controller.signal,
    remaining: () => Math.max(0, end - now()),
    dispose: () => {
      clearTimeout(timer);
    },
  };
}

/** One signal that aborts when any input does; `dispose` detaches it from the inputs. */
export function anySignal(signals: readonly AbortSignal[]): { signal: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onAbort = (event: Event): void => {
    controller.abort((event.target as AbortSignal).reason);
  };
  const dispose = (): void => {
    for (const signal of signals) signal.removeEventListener("abort", onAbort);
  };
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener("abort", onAbort, { once: true });
  }
  return { signal: controller.signal, dispose };
}

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
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Settles like `promise`, or rejects with the signal's reason as soon as it aborts. Node's fetch
 * follows a Request's signal through objects it holds only weakly, so after a garbage collection an
 * abort can be lost and the fetch hang (nodejs/node#55428); this keeps timeouts and aborts working.
 */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      reject(signal.reason as Error);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener("abort", onAbort, { once: true });
    void promise
      .finally(() => {
        signal.removeEventListener("abort", onAbort);
      })
      .then(resolve, reject);
  });
}
