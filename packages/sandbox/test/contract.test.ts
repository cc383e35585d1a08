// Contract, for every vendor the sandbox serves: the vendor's own client (`@seg/<vendor>`, a
// devDependency of this package; its one `create…Client` export), built from
// `sandbox.clientOptions.<vendor>`, against the sandbox — the options are the client's, the
// credentials are accepted and a wrong one is `unauthorized` without being echoed, @seg/core's
// retry rules hold (an idempotent operation is retried, one that is not is sent once), and every
// operation answered from the spec arrives as its documented example. The per-vendor contract
// files keep the quirks.
import { clientShape, repoRoot, specVendors } from "@seg/spec";
import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { beforeEach, describe, expect, it } from "vitest";
import type { SpecOperation } from "../src/openapi/vendor-spec.ts";
import { vendorCatalog } from "../src/vendors/catalog.ts";
import { documentedSuccess } from "../src/vendors/generic/answers.ts";
import { serveVendor, type ServedVendor } from "../src/vendors/registry.ts";
import { useSandbox } from "./harness.ts";
import { specCall } from "./spec-request.ts";

type Options = Record<string, unknown>;
type Call = (path: string, init: Record<string, unknown>) => Promise<{ data?: unknown; error?: unknown; response: Response }>;
type Client = Record<string, Call>;

interface ErrorShape {
  kind?: string;
  status?: number;
  attempts?: number;
}

const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { devDependencies: Record<string, string> };
const vendors = vendorCatalog().map((info) => serveVendor(info));
const sandbox = await useSandbox();
const fast = { retry: { baseDelayMs: 1, maxDelayMs: 5 } };

interface VendorPackage {
  create: (options: Options) => Client;
  /** @seg/core's `unwrap`, as every vendor package re-exports it. */
  unwrap: (result: unknown) => unknown;
}

/** `@seg/<vendor>`: its one `create…Client` export, and `unwrap`. */
async function vendorPackage(vendor: string): Promise<VendorPackage> {
  const exports = (await import(`@seg/${vendor}`)) as Record<string, unknown>;
  const factories = Object.entries(exports).filter(([name, value]) => /^create\w*Client$/.test(name) && typeof value === "function");
  if (factories.length !== 1) throw new Error(`@seg/${vendor} exports ${factories.length} create…Client functions: expected one`);
  return { create: factories[0]?.[1] as VendorPackage["create"], unwrap: exports.unwrap as VendorPackage["unwrap"] };
}

/** Calls an operation the way a user of the client does, with inputs from the spec (what the client binds left to it). */
async function callThrough(
  { client, unwrap }: { client: Client; unwrap: VendorPackage["unwrap"] },
  vendor: ServedVendor,
  operation: SpecOperation,
  init: Options = {},
): Promise<{ data?: unknown; error?: ErrorShape }> {
  const method = client[operation.method];
  if (!method) throw new Error(`the client has no ${operation.method}`);
  try {
    const result = await method(operation.path, { ...specCall(vendor, operation).init, ...init });
    return { data: unwrap(result) };
  } catch (error) {
    return { error: error as ErrorShape };
  }
}

/** An operation the credential is checked on (for a token exchange: one that needs the token). */
function securedOperation(vendor: ServedVendor): SpecOperation | undefined {
  const { credential } = vendor.shape;
  if (credential.kind === "body") {
    return vendor.spec.operations.find((op) => Object.entries(op.bodyBind).some(([property, name]) => name === credential.bind && op.requiredBodyFields.includes(property)));
  }
  return vendor.spec.operations.find((op) => op.secured && (credential.kind !== "exchange" || `${op.method} ${op.path}` !== credential.operation));
}

const attemptsOf = (operationId: string, since: number, vendor: string): number =>
  sandbox.log.filter((entry) => entry.seq > since && entry.vendor === vendor && entry.operationId === operationId).length;
const lastSeq = (): number => sandbox.log.at(-1)?.seq ?? 0;

beforeEach(() => {
  sandbox.setFaults([]);
});

it("finds every vendor's client: a devDependency on @seg/<vendor> for every spec", () => {
  const served = vendors.map(({ vendor }) => vendor);
  expect(served).toEqual(specVendors(repoRoot));
  for (const vendor of served) expect(packageJson.devDependencies[`@seg/${vendor}`], `add "@seg/${vendor}": "workspace:^" to packages/sandbox/package.json devDependencies`).toBe("workspace:^");
});

describe.each(vendors.map((vendor) => [vendor.vendor, vendor] as const))("%s", (name, vendor) => {
  const options = (): Options => (sandbox.clientOptions as unknown as Record<string, Options>)[name] ?? {};

  it("clientOptions are exactly the options its spec gives the client, plus its base URL(s)", () => {
    const shape = clientShape(name, vendor.document);
    expect(Object.keys(options()).sort()).toEqual([...shape.options.map((option) => option.name), shape.multiHost ? "baseUrls" : "baseUrl"].sort());
  });

  it("accepts the credentials of clientOptions; a wrong one is unauthorized, and never echoed", async () => {
    const { create, unwrap } = await vendorPackage(name);
    const operation = securedOperation(vendor);
    const secrets = vendor.shape.options.filter((option) => option.secret);
    expect(operation !== undefined || secrets.length === 0, "a vendor with a credential has an operation that checks it").toBe(true);
    if (!operation) return;
    const accepted = await callThrough({ client: create({ ...options(), ...fast }), unwrap }, vendor, operation);
    expect(accepted.error?.kind).not.toBe("unauthorized");
    for (const { name: option } of secrets) {
      const canary = `canary-${option}-7f3a9c`;
      const { error } = await callThrough({ client: create({ ...options(), ...fast, [option]: canary }), unwrap }, vendor, operation);
      expect(error, option).toMatchObject({ kind: "unauthorized", status: 401 });
      // The body is the one the spec documents for a 401, where it documents one.
      const problems = vendor.spec.validateResponse(String((error as { operation?: string }).operation), 401, (error as { body?: unknown }).body);
      expect(problems.filter((problem) => !problem.includes("is not declared"))).toEqual([]);
      expect(JSON.stringify(error)).not.toContain(canary);
      expect(inspect(error, { depth: 10 })).not.toContain(canary);
    }
  });

  // Operations a caller calls (not the token exchange, which the client makes itself).
  const called = vendor.spec.operations.filter((op) => (op.raw as unknown as Options)["x-seg-called-by-client"] !== true);
  const idempotent = called.find((op) => op.idempotent);
  const unsafe = called.find((op) => !op.idempotent);

  if (idempotent) it(`retries an idempotent operation (${idempotent.operationId}) through 503s, and \`retry: false\` sends it once`, async () => {
    const { create, unwrap } = await vendorPackage(name);
    const client = { client: create({ ...options(), ...fast }), unwrap };
    sandbox.setFaults([`${name}:${idempotent.operationId}:status=503`]);
    let before = lastSeq();
    const { error } = await callThrough(client, vendor, idempotent);
    expect(error).toMatchObject({ kind: "server_error", status: 503 });
    expect(error?.attempts).toBeGreaterThan(1);
    expect(attemptsOf(idempotent.operationId, before, name)).toBe(error?.attempts);
    before = lastSeq();
    const once = await callThrough(client, vendor, idempotent, { retry: false });
    expect(once.error).toMatchObject({ kind: "server_error", status: 503, attempts: 1 });
    expect(attemptsOf(idempotent.operationId, before, name)).toBe(1);
  });

  if (unsafe) it(`sends an operation that is not idempotent (${unsafe.operationId}) once, whatever the 503`, async () => {
    const { create, unwrap } = await vendorPackage(name);
    const client = { client: create({ ...options(), ...fast }), unwrap };
    sandbox.setFaults([`${name}:${unsafe.operationId}:status=503`]);
    const before = lastSeq();
    const { error } = await callThrough(client, vendor, unsafe);
    expect(error).toMatchObject({ kind: "server_error", status: 503, attempts: 1 });
    expect(attemptsOf(unsafe.operationId, before, name)).toBe(1);
  });

  const fromSpec = vendor.spec.operations.filter((op) => !vendor.stateful.includes(op.operationId));
  if (fromSpec.length > 0) it("answers every operation without a stateful handler with its documented example, through the client", async () => {
    const { create, unwrap } = await vendorPackage(name);
    const client = { client: create({ ...options(), ...fast }), unwrap };
    for (const operation of fromSpec) {
      const { data, error } = await callThrough(client, vendor, operation);
      expect(error, operation.operationId).toBeUndefined();
      expect(data, operation.operationId).toEqual(documentedSuccess(operation)?.body);
    }
  });
});
