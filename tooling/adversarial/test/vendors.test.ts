// The suites are only as complete as their vendor lists: every spec in specs/ must have a credential
// slot in vendors.ts, and a client and a constructor in operations.ts, and neither may name a vendor without a spec.
import { credentialOf, readSpec } from "@seg/spec";
import { startTestServer } from "@seg/test-server";
import { describe, expect, it } from "vitest";
import { derivedClients } from "./derived-clients.ts";
import { callOp, CALLABLE, CLIENT_VENDORS, CONSTRUCTORS, OPERATIONS, SPECS, untyped } from "./operations.ts";
import { SLOTS } from "./vendors.ts";

const vendors = SPECS.map((spec) => spec.vendor);

describe("vendor coverage", () => {
  it("reads at least the four known specs, each with operations", () => {
    expect(vendors).toEqual(expect.arrayContaining(["segmenter", "segmenthub", "segmetrics", "segmint"]));
    for (const spec of SPECS) expect(spec.operations.length, spec.vendor).toBeGreaterThan(0);
  });

  it.each(vendors)("%s has a credential slot in SLOTS (unless its spec sends none), a client and a constructor in operations.ts", (vendor) => {
    const credentialless = credentialOf(readSpec(vendor)).kind === "none";
    expect(SLOTS.filter((slot) => slot.vendor === vendor).length > 0).toBe(!credentialless);
    expect(CLIENT_VENDORS).toContain(vendor);
    expect(Object.keys(CONSTRUCTORS)).toContain(vendor);
  });

  it("no slot or client names a vendor without a spec", () => {
    for (const slot of SLOTS) expect(vendors).toContain(slot.vendor);
    for (const vendor of [...CLIENT_VENDORS, ...Object.keys(CONSTRUCTORS)]) expect(vendors).toContain(vendor);
  });

  it("every operation read from the specs has an operationId, a method and a host of its spec", () => {
    for (const op of OPERATIONS) {
      // Any non-blank string is an operationId (`list-items` and `items.get` are common).
      expect(op.operationId, `${op.method} ${op.path}`).toMatch(/^\S+$/);
      expect(Object.keys(SPECS.find((spec) => spec.vendor === op.vendor)?.servers ?? {})).toContain(op.host);
    }
    // The shapes the suites rely on are really there (a parser that read nothing would pass above).
    expect(OPERATIONS.some((op) => op.parameters.some((p) => p.in === "path"))).toBe(true);
    expect(OPERATIONS.some((op) => op.parameters.some((p) => p.commaArray))).toBe(true);
    expect(OPERATIONS.some((op) => op.exchange)).toBe(true);
    expect(OPERATIONS.some((op) => !op.jsonSuccess)).toBe(true);
  });
});

// The slots derived from a spec are what attack a vendor added by `pnpm new-vendor`: derive them for
// every vendor here, the hand-written ones too (so the token exchange's are exercised on Segmint).
describe("slots derived from each spec", () => {
  it.each(vendors)("%s: the derived client sends each credential where its slot says", async (vendor) => {
    const [derived] = await derivedClients(new Set(vendors.filter((other) => other !== vendor)));
    if (credentialOf(readSpec(vendor)).kind === "none") {
      expect(derived).toBeUndefined();
      return;
    }
    if (!derived) throw new Error(`no derived client for ${vendor}`);
    await using server = await startTestServer((request) => derived.ok(request));
    const op = CALLABLE.find((candidate) => candidate.vendor === vendor && candidate.method === derived.method && candidate.path === derived.path);
    if (!op) throw new Error(`${vendor}: ${derived.method} ${derived.path} is not callable`);
    await callOp(untyped(derived.factory(server.url)), op);
    expect(derived.slots.length).toBeGreaterThan(0);
    for (const slot of derived.slots) {
      const carrying = server.requests.filter((request) => slot.carries(request));
      expect(carrying.length, `${vendor} ${slot.slot}: a request carries it`).toBeGreaterThan(0);
      expect(carrying.every((request) => slot.sent(request)), `${vendor} ${slot.slot}: sent`).toBe(true);
    }
  });
});
