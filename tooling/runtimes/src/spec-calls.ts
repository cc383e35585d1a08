// What the scenario learns from the specs, so every vendor the sandbox serves is run on every
// runtime, the next one included, with no list here: for each vendor, one operation (one the sandbox
// answers from its spec if there is one, else a read) with a valid call built from the spec's
// examples, and the options that hold secrets (a browser must refuse them without
// dangerouslyAllowBrowser).
import { clientShape, readSpec, specOperations } from "@seg/spec";
import { validCall } from "@seg/test-server/calls";

export interface SpecCall {
  operationId: string;
  /** `GET` */
  method: string;
  path: string;
  init: unknown;
}

export interface SpecFacts {
  /** One call per vendor. */
  calls: Record<string, SpecCall>;
  /** The secret options of each vendor's client (`apiKey`, `username`…), from its spec. */
  secrets: Record<string, string[]>;
}

interface SandboxInfo {
  vendors: Record<string, { fromSpec: string[] }>;
}

/** Reads the sandbox's own account of what it serves (`GET /__sandbox`), then the specs. */
export async function specFacts(origin: string): Promise<SpecFacts> {
  const info = (await (await fetch(`${origin}/__sandbox`)).json()) as SandboxInfo;
  const calls: Record<string, SpecCall> = {};
  const secrets: Record<string, string[]> = {};
  for (const [vendor, served] of Object.entries(info.vendors)) {
    const doc = readSpec(vendor);
    secrets[vendor] = clientShape(vendor, doc).options.filter((option) => option.secret).map((option) => option.name);
    const fromSpec = new Set(served.fromSpec);
    const callable = specOperations(doc).operations.filter((op) => op.operation["x-seg-called-by-client"] !== true);
    const operation = callable.find((op) => fromSpec.has(op.operationId)) ?? callable.find((op) => op.method === "get") ?? callable[0];
    if (!operation) continue;
    calls[vendor] = {
      operationId: operation.operationId,
      method: operation.method.toUpperCase(),
      path: operation.path,
      init: validCall(doc, operation, {}).init,
    };
  }
  return { calls, secrets };
}
