// A request for any operation, built from its spec the way a client that read the docs would
// write it: the call @seg/test-server's `validCall` builds (path parameters, required query
// parameters, the body's example or a value built from its schema, in the media type the client
// sends, bound values from the sandbox's client options), the mount's variables filled, and the
// vendor's credentials where its spec says they go.
import { credentialOf, specOperations } from "@seg/spec";
import { formFields, validCall, type ValidCall } from "@seg/test-server/calls";
import type { Sandbox } from "../src/index.ts";
import type { SpecOperation } from "../src/openapi/vendor-spec.ts";
import { issuedTokens } from "../src/vendors/generic/credentials.ts";
import type { ServedVendor } from "../src/vendors/registry.ts";
import { call, type CallInit } from "./harness.ts";

/** A parameter value as it goes into a URL (a list as the docs write it, comma-separated). */
const text = (value: unknown): string => {
  if (Array.isArray(value)) return value.join(",");
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : "sandbox";
};

/** The sandbox's client options for a vendor: its credentials and bound values, by option name. */
const optionsOf = (sandbox: Sandbox, vendor: ServedVendor): Record<string, unknown> =>
  (sandbox.clientOptions as unknown as Record<string, Record<string, unknown>>)[vendor.vendor] ?? {};

/** The valid call of an operation as the client makes it (bound values left to the client unless `values` gives them). */
export function specCall(vendor: ServedVendor, operation: SpecOperation, values: Readonly<Record<string, unknown>> = {}): ValidCall {
  const walked = specOperations(vendor.document).operations.find((op) => op.operationId === operation.operationId);
  if (!walked) throw new Error(`${vendor.vendor}: no ${operation.operationId} in its spec`);
  return validCall(vendor.document, walked, values);
}

export interface SpecRequest extends CallInit {
  method: string;
  path: string;
}

export async function specRequest(sandbox: Sandbox, vendor: ServedVendor, operation: SpecOperation): Promise<SpecRequest> {
  const options = optionsOf(sandbox, vendor);
  const { path: pathValues, wireQuery, wireBody } = specCall(vendor, operation, options);
  const mount = vendor.mounts.find((m) => m.host === undefined || m.host === operation.host);
  const prefix = (mount?.template ?? "").replace(/\{([^}]+)\}/g, "sandbox");
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(text(pathValues[name] ?? "sandbox")));
  const query = new URLSearchParams(Object.entries(wireQuery).map(([name, value]) => [name, text(value)]));
  const credentials = (sandbox.credentials as unknown as Record<string, Record<string, string>>)[vendor.vendor] ?? {};
  const headers: Record<string, string> = {};
  let body: unknown = wireBody?.value;
  if (wireBody) headers["content-type"] = wireBody.mediaType;
  if (wireBody?.type === "form") body = new URLSearchParams(formFields(wireBody.value)).toString();
  const credential = credentialOf(vendor.document);
  const basic = `Basic ${Buffer.from(`${credentials.username ?? ""}:${credentials.password ?? ""}`).toString("base64")}`;
  if (credential.kind === "header") headers[credential.header.toLowerCase()] = credentials.apiKey ?? "";
  else if (credential.kind === "bearer") headers.authorization = `Bearer ${credentials.token ?? ""}`;
  else if (credential.kind === "basic") headers.authorization = basic;
  else if (credential.kind === "exchange") {
    // The token the exchange hands out, as a client would obtain it.
    const exchange = vendor.spec.operations.find((op) => `${op.method} ${op.path}` === credential.operation);
    if (operation === exchange || !exchange) headers.authorization = basic;
    else {
      const request = await specRequest(sandbox, vendor, exchange);
      const issued = await call(sandbox, request.method, request.path, request);
      headers.authorization = `Bearer ${issuedTokens(issued.body)[0] ?? ""}`;
    }
  }
  // A body credential (SegmentHub's token) is a bound value: `validCall` filled it from the options.
  return { method: operation.method, path: `${prefix}${path}${query.size > 0 ? `?${query.toString()}` : ""}`, headers, body };
}
