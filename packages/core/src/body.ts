// Request bodies as openapi-fetch's `bodySerializer`: its own rules (FormData as is, a form body when
// the call's content type is the form's — set by the caller, or by core where the spec takes a
// form — else JSON, whatever JSON type the spec names), with every failure a SegConfigError("body") before anything is sent, instead
// of a raw TypeError from JSON.stringify.
import { SegConfigError } from "./errors.ts";
import { kindOf, querySerializer } from "./url-values.ts";

const formBody = querySerializer(false, "body");
const FORM = "application/x-www-form-urlencoded";

/**
 * A call's headers with the content type its spec gives the body (`contentType` in the operation
 * table: a form, `application/merge-patch+json`, …), unless the caller chose one.
 */
export function withContentType(headers: unknown, type: string): unknown {
  const copy = new Headers(headers instanceof Headers ? headers : Object.entries(headers ?? {}).filter(([, value]) => value != null).map(([name, value]) => [name, String(value)]));
  if (!copy.has("content-type")) copy.set("content-type", type);
  return copy;
}

/** openapi-fetch passes the call's merged headers as the second argument (tested in body.test.ts). */
export function serializeBody(body: unknown, headers?: Headers): unknown {
  if (body instanceof FormData) return body;
  if (headers?.get("content-type")?.split(";")[0]?.trim().toLowerCase() === FORM) {
    if (typeof body !== "object" || body === null || Array.isArray(body)) throw new SegConfigError("body", `must be an object of fields for a form body (got ${kindOf(body)})`);
    return formBody(body as Record<string, unknown>);
  }
  // Typed as string, but undefined for a function, a symbol, …
  let json: unknown;
  try {
    json = JSON.stringify(body);
  } catch {
    throw new SegConfigError("body", "cannot be serialised as JSON: it holds a circular reference, a BigInt or a toJSON() that throws");
  }
  if (typeof json !== "string") throw new SegConfigError("body", `cannot be serialised as JSON (got ${kindOf(body)})`);
  return json;
}
