// The conformance runner's reading of a vendor, for other suites that attack a client built the
// same way (tooling/adversarial): its planted options and where its credential travels. No vitest.
export { conformanceVendor, type ConformanceVendor } from "./vendor.ts";
export { apiSlot, exchangeSlot, type Slot } from "./credential.ts";
export { tokenResponse } from "./harness.ts";
