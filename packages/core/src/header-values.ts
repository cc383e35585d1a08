// Header names and values from the caller or a credential, checked before anything is sent: a CR,
// LF or NUL would split or end the header, and the platform's own TypeError would quote the value.
import { SegConfigError } from "./errors.ts";
import { kindOf } from "./url-values.ts";

/** RFC 9110 token characters: what a header name may contain. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const BREAKS = /[\r\n\0]/;

/** Refuses a credential or header value with CR, LF or NUL; never quotes it. */
export function checkHeaderValue(value: string, field: string): string {
  if (BREAKS.test(value)) throw new SegConfigError(field, "contains a line break or NUL, which would corrupt the HTTP request");
  return value;
}

/** Checks the headers a caller passes with a call (`headers`, `params.header`). */
export function checkHeaders(headers: unknown, field: string): void {
  if (headers === undefined || headers === null || headers instanceof Headers) return; // a Headers object checked its own
  const entries = Array.isArray(headers) ? (headers as unknown[]) : Object.entries(headers);
  for (const entry of entries) {
    const [name, value] = Array.isArray(entry) ? (entry as unknown[]) : [undefined, undefined];
    if (typeof name !== "string" || !TOKEN.test(name)) throw new SegConfigError(field, `has a header name that is not an HTTP token`);
    const at = `${field}.${name}`;
    for (const item of Array.isArray(value) ? (value as unknown[]) : [value]) {
      if (item === undefined || item === null) continue;
      if (typeof item !== "string" && typeof item !== "number" && typeof item !== "boolean") {
        throw new SegConfigError(at, `must be a string, a number or a boolean (got ${kindOf(item)})`);
      }
      checkHeaderValue(String(item), at);
    }
  }
}
