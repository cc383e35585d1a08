// A request for any operation, built from its spec the way a client that read the docs would
// write it: the mount's variables and path parameters filled, required query parameters from
// their examples or schemas, the request body's example (or a value built from its schema), and
// the vendor's credentials where its spec says they go.
import { credentialOf } from "@seg/spec";
import type { Sandbox } from "../src/index.ts";
import type { SpecOperation } from "../src/openapi/vendor-spec.ts";
import { issuedTokens } from "../src/vendors/generic/credentials.ts";
import { schemaInstance } from "../src/vendors/generic/schema-instance.ts";
import type { ServedVendor } from "../src/vendors/registry.ts";
import { call, type CallInit } from "./harness.ts";

type Node = Record<string, unknown>;

const exampleOf = (node: Node | undefined): unknown => {
  if (!node) return undefined;
  if (node.example !== undefined) return node.example;
  const named = node.examples && typeof node.examples === "object" ? (Object.values(node.examples)[0] as Node | undefined) : undefined;
  return named?.value ?? schemaInstance(node.schema);
};

/** A parameter value as it goes into a URL (a list as the docs write it, comma-separated). */
const text = (value: unknown): string => {
  if (Array.isArray(value)) return value.join(",");
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? String(value) : "sandbox";
};

const FORM = "application/x-www-form-urlencoded";

/** An operation's inputs as a caller writes them: path parameters, required query parameters, the body. */
export interface SpecInputs {
  path: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  /** The body's media type: JSON where the spec takes it, else its form. */
  bodyType: "application/json" | typeof FORM;
}

export function specInputs(operation: SpecOperation): SpecInputs {
  const raw = operation.raw as unknown as { parameters?: Node[]; requestBody?: { content?: Record<string, Node> } };
  const parameters = raw.parameters ?? [];
  const values = (where: string, required: boolean): Record<string, string> =>
    Object.fromEntries(
      parameters.filter((p) => p.in === where && (!required || p.required === true)).map((p) => [String(p.name), text(exampleOf(p))]),
    );
  const content = raw.requestBody?.content ?? {};
  const bodyType = content["application/json"] === undefined && content[FORM] !== undefined ? FORM : "application/json";
  return { path: values("path", false), query: values("query", true), body: exampleOf(content[bodyType]), bodyType };
}

export interface SpecRequest extends CallInit {
  method: string;
  path: string;
}

export async function specRequest(sandbox: Sandbox, vendor: ServedVendor, operation: SpecOperation): Promise<SpecRequest> {
  const inputs = specInputs(operation);
  const mount = vendor.mounts.find((m) => m.host === undefined || m.host === operation.host);
  const prefix = (mount?.template ?? "").replace(/\{([^}]+)\}/g, "sandbox");
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(inputs.path[name] ?? "sandbox"));
  const query = new URLSearchParams(inputs.query);
  const credentials = (sandbox.credentials as unknown as Record<string, Record<string, string>>)[vendor.vendor] ?? {};
  const headers: Record<string, string> = {};
  let body = inputs.body;
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
  } else if (credential.kind === "body" && body && typeof body === "object") {
    const property = Object.entries(operation.bodyBind).find(([, name]) => name === credential.bind)?.[0];
    if (property) body = { ...(body as Node), [property]: credentials[credential.bind] };
  }
  if (inputs.bodyType === FORM && body && typeof body === "object") {
    headers["content-type"] = FORM;
    body = new URLSearchParams(Object.entries(body as Node).map(([name, value]) => [name, text(value)])).toString();
  }
  return { method: operation.method, path: `${prefix}${path}${query.size > 0 ? `?${query.toString()}` : ""}`, headers, body };
}
