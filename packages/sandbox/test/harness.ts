// Test helpers: a sandbox on 127.0.0.1 port 0 (replies checked against the specs), plain HTTP calls
// to it, and the specs' own response validation.
import { afterAll } from "vitest";
import { specs } from "../src/generated/specs.ts";
import { startSandbox, type Sandbox, type SandboxOptions, type Vendor } from "../src/index.ts";
import { compileSpec, type VendorSpec } from "../src/openapi/vendor-spec.ts";

/** Starts a sandbox for the current test file and closes it after the file's tests. */
export async function useSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const sandbox = await startSandbox({ checkResponses: true, ...options });
  afterAll(() => sandbox.close());
  return sandbox;
}

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON, else the text. */
  body: unknown;
}

export interface CallInit {
  headers?: Record<string, string>;
  /** Sent as JSON (with its content type) unless a string. */
  body?: unknown;
  signal?: AbortSignal;
}

export async function call(sandbox: Sandbox, method: string, path: string, init: CallInit = {}): Promise<Answer> {
  const headers = { ...init.headers };
  let body: string | undefined;
  if (typeof init.body === "string") body = init.body;
  else if (init.body !== undefined) {
    body = JSON.stringify(init.body);
    headers["content-type"] ??= "application/json";
  }
  const response = await fetch(`${sandbox.url}${path}`, { method, headers, body, signal: init.signal });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text === "" ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed };
}

/** The value at a dotted path (`data.tags.0.name`) of a parsed body. */
export function at(body: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node !== null && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), body);
}

export const SEGMETRICS_AUTH = { authorization: "sandbox-key" };
export const SEGMENTER_AUTH = { "x-api-key": "sandbox-key" };
export const SEGMINT_BASIC = { authorization: `Basic ${Buffer.from("sandbox-user:sandbox-password").toString("base64")}` };

/** The import and reporting prefixes of a SegMetrics account. */
export const segmetricsPaths = (account: string, integration = "int-1"): { importPath: string; reporting: string; track: string } => ({
  importPath: `/segmetrics/import/api/v1/${account}/${integration}`,
  reporting: `/segmetrics/reporting/${account}`,
  track: "/segmetrics/track",
});

export async function segmintToken(sandbox: Sandbox): Promise<string> {
  const answer = await call(sandbox, "POST", "/segmint/auth/v1/token?grant_type=token", { headers: SEGMINT_BASIC });
  return String(at(answer.body, "access_token"));
}

/** An embedded vendor's spec, compiled as the sandbox serves it. */
export const specOf = (vendor: Vendor): VendorSpec => compileSpec(vendor, specs[vendor]);

/** The problems of a response against its operation's spec (empty when it conforms). */
export function specProblems(vendor: Vendor, operationId: string, answer: Pick<Answer, "status" | "body">): string[] {
  const spec = specOf(vendor);
  return spec.validateResponse(operationId, answer.status, answer.body);
}

type Node = Record<string, unknown>;

/** A named request-body example of an operation, from its (dereferenced) spec. */
export function requestExample(vendor: Vendor, operationId: string, name: string): Node {
  const operation = specOf(vendor).operation(operationId).raw as unknown as Node | undefined;
  const content = (operation?.requestBody as Node | undefined)?.content as Record<string, Node> | undefined;
  const example = (content?.["application/json"]?.examples as Record<string, Node> | undefined)?.[name];
  if (!example) throw new Error(`no request example ${name} for ${vendor} ${operationId}`);
  return structuredClone(example.value) as Node;
}
