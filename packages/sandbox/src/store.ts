// The store: each served vendor module's part (its `state.empty()`, filled in from a file or a
// `setState`), and the counters behind the ids the sandbox makes up.
import type { SandboxState } from "./generated/vendors.ts";
import type { ServedVendor } from "./vendors/registry.ts";

type Store = Record<string, unknown> & { version: 1; counters: Record<string, number> };

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export function emptyState(vendors: readonly ServedVendor[]): SandboxState {
  const store: Store = { version: 1, counters: {} };
  for (const { vendor, module } of vendors) if (module.state) store[vendor] = module.state.empty();
  return store as unknown as SandboxState;
}

/** A state read from a file or a control call, with missing parts filled in. */
export function normalizeState(input: unknown, vendors: readonly ServedVendor[]): SandboxState {
  if (!isObject(input)) throw new Error("state must be a JSON object");
  if (input.version !== undefined && input.version !== 1) throw new Error(`unsupported state version ${JSON.stringify(input.version)}`);
  const store = emptyState(vendors) as unknown as Store;
  for (const { vendor, module } of vendors) {
    const given = input[vendor];
    if (module.state && isObject(given)) store[vendor] = { ...(store[vendor] as object), ...given };
  }
  store.counters = isObject(input.counters) ? { ...(input.counters as Record<string, number>) } : {};
  return store as unknown as SandboxState;
}

/** The next made-up id of a kind: `prefix` followed by 1, 2, 3 … */
export function nextId(state: SandboxState, kind: string, prefix: string): string {
  const n = (state.counters[kind] ?? 0) + 1;
  state.counters[kind] = n;
  return `${prefix}${n}`;
}

/** A vendor's part of the store (undefined for a vendor whose module keeps none). */
export const sliceOf = (state: SandboxState, vendor: string): unknown => (state as unknown as Store)[vendor];
