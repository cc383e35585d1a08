// What a running sandbox remembers between requests: the store (kept in a file with `statePath`),
// the request log and the clock.
import type { LogEntry } from "./dispatch.ts";
import type { SandboxState } from "./generated/vendors.ts";
import { readStateFile, writeStateFile } from "./persistence.ts";
import { emptyState, normalizeState } from "./store.ts";
import type { ServedVendor } from "./vendors/registry.ts";

const LOG_LIMIT = 1000;

export interface SessionOptions {
  statePath?: string;
  initialState?: SandboxState;
  now?: () => number;
  onRequest?: (entry: LogEntry) => void;
}

export interface Session {
  /** The live store: its identity never changes, `reset` and `setState` replace its contents. */
  readonly state: SandboxState;
  /** The last requests, oldest first (at most 1000). */
  readonly log: LogEntry[];
  now: () => number;
  advanceTime: (ms: number) => void;
  /** Writes the state file, if there is one. */
  persist: () => void;
  /** Empties the store and the log. */
  reset: () => void;
  setState: (state: SandboxState) => void;
  /** Appends to the log and tells `onRequest`. */
  record: (entry: LogEntry) => void;
}

export function createSession(options: SessionOptions, vendors: readonly ServedVendor[]): Session {
  const normalize = (input: unknown): SandboxState => normalizeState(input, vendors);
  const state = emptyState(vendors);
  const persisted = options.statePath === undefined ? undefined : readStateFile(options.statePath, normalize);
  Object.assign(state, persisted ?? (options.initialState ? normalize(structuredClone(options.initialState)) : {}));
  const log: LogEntry[] = [];
  let offset = 0;
  const persist = (): void => {
    if (options.statePath !== undefined) writeStateFile(options.statePath, state);
  };
  return {
    state,
    log,
    now: () => (options.now?.() ?? Date.now()) + offset,
    advanceTime: (ms) => {
      if (!(ms >= 0)) throw new Error("advanceTime takes a number of milliseconds >= 0");
      offset += ms;
    },
    persist,
    reset: () => {
      Object.assign(state, emptyState(vendors));
      log.length = 0;
      persist();
    },
    setState: (next) => {
      Object.assign(state, normalize(structuredClone(next)));
      persist();
    },
    record: (entry) => {
      log.push(entry);
      if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
      options.onRequest?.(entry);
    },
  };
}
