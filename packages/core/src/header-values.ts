// Header names and values from the caller or a credential, checked before anything is sent: a CR,
// LF or NUL would split or end the header, and the platform's own TypeError would quote the value.
import { SegConfigError } from "./errors.ts";
import { kindOf } from "./url-values.ts";

/** RFC 9110 token characters: what a header name may contain. */
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** CR, LF and NUL would split or end the header; past Latin-1 a header cannot carry the character at all. */
const UNSENDABLE = /[\r\n\0]|[^\0-\xff]/;

/** Whether HTTP can carry `value` as a header value as it is. */
export const isSendableHeaderValue = (value: string): boolean => !UNSENDABLE.test(value);

/** Refuses a credential with a line break or NUL (whichever way it travels, it would be corrupted); never quotes it. */
export function checkNoBreaks(value: string, field: string): string {
  if (/[\r\n\0]/.test(value)) throw new SegConfigError(field, "contains a line break or a NUL");
  return value;
}

/** Refuses a header value HTTP cannot carry as it is; never quotes it. */
export function checkHeaderValue(value: string, field: string): string {
  if (!isSendableHeaderValue(value)) throw new SegConfigError(field, "contains a line break, a NUL or a character outside Latin-1, which no HTTP header can carry");
  return value;
}

/** Checks the headers a caller passes with a call (`headers`, `params.header`). */
export function checkHeaders(headers: unknown, field: string): void {
  if (headers === undefined || headers === null || headers instanceof Headers) return; // a Headers object checked its own
  // openapi-fetch merges a plain object (an array would become headers named "0", "1", …).
  if (typeof headers !== "object" || Array.isArray(headers)) throw new SegConfigError(field, `must be an object of header names and values, or a Headers (got ${kindOf(headers)})`);
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name)) throw new SegConfigError(field, `has a header name that is not an HTTP token`);
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
