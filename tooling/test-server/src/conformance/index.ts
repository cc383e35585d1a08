// The shared conformance matrix: every operation of specs/<vendor>.yaml × every documented status,
// retry safety, where the credential travels, and no secret in any error or log line. A vendor's
// whole conformance test is
//
//     conformance({ vendor: "<x>", createClient: create<X>Client });
//
// Everything else comes from the spec through @seg/spec, so a new operation or vendor is covered
// the moment its spec exists.
import { pathToFileURL } from "node:url";
import { repoRoot } from "@seg/spec";
import { beforeAll, describe } from "vitest";
import type { CreateClient } from "./harness.ts";
import { exchangeSuite } from "./exchange-suite.ts";
import { operationSuite } from "./operation-suite.ts";
import { vendorSuite } from "./vendor-suite.ts";
import { conformanceVendor } from "./vendor.ts";

// The same checks, for the quirk tests a vendor keeps.
export { caught } from "./context.ts";
export { errorSurfaces, keepingLogger, leaksIn } from "./leaks.ts";

export interface ConformanceOptions {
  /** The vendor's name: `specs/<vendor>.yaml`, `packages/<vendor>`. */
  vendor: string;
  /** The package's client factory; called with options derived from the spec's `clientShape`. */
  createClient: CreateClient;
  /** Client options a quirk needs on top of the derived ones (overrides them). */
  options?: Record<string, unknown>;
}

/** What the runner takes from the vendor package's own entry (every vendor re-exports core's). */
export interface VendorEntry {
  unwrap: (result: { data?: unknown; error?: unknown; response: Response }) => unknown;
}

export function conformance({ vendor, createClient, options = {} }: ConformanceOptions): void {
  const spec = conformanceVendor(vendor);
  const entry: { current?: VendorEntry } = {};
  // The package's public `unwrap`: @seg/core depends on this package for its tests, so it cannot be imported here.
  beforeAll(async () => {
    entry.current = (await import(pathToFileURL(`${repoRoot}packages/${vendor}/src/index.ts`).href)) as VendorEntry;
  });
  const unwrap = (result: Parameters<VendorEntry["unwrap"]>[0]): unknown => {
    if (!entry.current) throw new Error(`packages/${vendor}/src/index.ts was not loaded`);
    return entry.current.unwrap(result);
  };
  const context = { spec, createClient, options, unwrap };
  describe(`${vendor} conformance (specs/${vendor}.yaml)`, () => {
    vendorSuite(context);
    if (spec.exchange) exchangeSuite(context, spec.exchange);
    for (const operation of spec.operations) operationSuite(context, operation);
  });
}
