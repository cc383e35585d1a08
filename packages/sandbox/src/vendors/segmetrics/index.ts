// SegMetrics: the import, track and reporting hosts over one store per account. Its API key (the
// raw `Authorization` header) is checked as its spec says; the module adds the error envelope,
// the store and the handlers.
import type { VendorModule } from "../module.ts";
import { errors } from "./errors.ts";
import { importHandlers } from "./import.ts";
import { reportingHandlers } from "./reporting.ts";
import { emptyState, type SegmetricsState } from "./state.ts";

export type { SegmetricsState } from "./state.ts";

export const module: VendorModule<SegmetricsState> = {
  errors,
  state: { empty: emptyState },
  // The ids in the ready-made client options (any others work too: each account gets its own store).
  optionDefaults: { accountId: "sandbox-account", integrationId: "sandbox-integration" },
  handlers: { ...importHandlers, ...reportingHandlers },
};
