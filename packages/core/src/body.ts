// Request bodies as openapi-fetch's `bodySerializer`: its own rules (FormData as is, a form body when
// the caller sets that content type, else JSON), with every failure a SegConfigError("body")
// before anything is sent, instead of a raw TypeError from JSON.stringify.
import { SegConfigError } from "./errors.ts";
import { kindOf, querySerializer } from "./url-values.ts";

const formBody = querySerializer(false, "body");

/** openapi-fetch passes the call's merged headers as the second argument (tested in body.test.ts). */
export function serializeBody(body: unknown, headers?: Headers): unknown {
  if (body instanceof FormData) return body;
  if (headers?.get("content-type") === "application/x-www-form-urlencoded") {
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
