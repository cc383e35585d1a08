// The suites are only as complete as their vendor lists: every spec in specs/ must have a credential
// slot in vendors.ts, and a client and a constructor in operations.ts, and neither may name a vendor without a spec.
import { describe, expect, it } from "vitest";
import { CLIENT_VENDORS, CONSTRUCTORS, OPERATIONS, SPECS } from "./operations.ts";
import { SLOTS } from "./vendors.ts";

const vendors = SPECS.map((spec) => spec.vendor);

describe("vendor coverage", () => {
  it("reads at least the four known specs, each with operations", () => {
    expect(vendors).toEqual(expect.arrayContaining(["segmenter", "segmenthub", "segmetrics", "segmint"]));
    for (const spec of SPECS) expect(spec.operations.length, spec.vendor).toBeGreaterThan(0);
  });

  it.each(vendors)("%s has at least one credential slot in SLOTS, a client and a constructor in operations.ts", (vendor) => {
    expect(SLOTS.filter((slot) => slot.vendor === vendor).length).toBeGreaterThan(0);
    expect(CLIENT_VENDORS).toContain(vendor);
    expect(Object.keys(CONSTRUCTORS)).toContain(vendor);
  });

  it("no slot or client names a vendor without a spec", () => {
    for (const slot of SLOTS) expect(vendors).toContain(slot.vendor);
    for (const vendor of [...CLIENT_VENDORS, ...Object.keys(CONSTRUCTORS)]) expect(vendors).toContain(vendor);
  });

  it("every operation read from the specs has an operationId, a method and a host of its spec", () => {
    for (const op of OPERATIONS) {
      expect(op.operationId, `${op.method} ${op.path}`).toMatch(/^\w+$/);
      expect(Object.keys(SPECS.find((spec) => spec.vendor === op.vendor)?.servers ?? {})).toContain(op.host);
    }
    // The shapes the suites rely on are really there (a parser that read nothing would pass above).
    expect(OPERATIONS.some((op) => op.parameters.some((p) => p.in === "path"))).toBe(true);
    expect(OPERATIONS.some((op) => op.parameters.some((p) => p.commaArray))).toBe(true);
    expect(OPERATIONS.some((op) => op.exchange)).toBe(true);
    expect(OPERATIONS.some((op) => !op.jsonSuccess)).toBe(true);
  });
});
