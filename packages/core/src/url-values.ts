// Path and query values as they go into a URL. Every value is checked before anything is sent: a
// path value is one non-empty segment (never `.` or `..`, which would address another resource),
// a query value is a scalar or an array of scalars, and names and values are percent-encoded, so
// no value can add a segment, a parameter or a fragment. Used as openapi-fetch's `pathSerializer`
// and `querySerializer`, so the URL openapi-fetch builds is the one checked here.
import { SegConfigError } from "./errors.ts";

const PLACEHOLDER = /\{([^{}]+)\}/g;
/** A lone UTF-16 surrogate cannot be encoded (encodeURIComponent throws on it). */
const LONE_SURROGATE = /\p{Cs}/u;
/** `String.prototype.isWellFormed` where the platform has it (much cheaper than the regex). */
const wellFormed = (value: string): boolean =>
  (value as { isWellFormed?: () => boolean }).isWellFormed?.() ?? !LONE_SURROGATE.test(value);

/** "an object", "undefined", …: what a rejected value was, without quoting it (it may be a secret). */
export const kindOf = (value: unknown): string =>
  value === null ? "null" : Array.isArray(value) ? "an array" : typeof value === "object" ? "an object" : typeof value;

/** Field names are built only for an error: this runs for every value of every call. */
function encodeScalar(value: unknown, field: () => string): string | undefined {
  if (typeof value === "string") {
    if (!wellFormed(value)) throw new SegConfigError(field(), "contains a lone UTF-16 surrogate, which no URL can carry");
    return encodeURIComponent(value);
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new SegConfigError(field(), "must be a finite number");
    return String(value);
  }
  if (typeof value === "boolean") return String(value);
  return undefined;
}

/** openapi-fetch's `pathSerializer`: fills every `{name}` of `url`, refusing what is not one segment. */
export function serializePath(url: string, values: Record<string, unknown> | undefined): string {
  if (values) {
    for (const name in values) {
      if (!url.includes(`{${name}}`)) throw new SegConfigError(`params.path.${name}`, "is not a parameter of this path");
    }
  }
  return url.replace(PLACEHOLDER, (_, name: string) => {
    const field = (): string => `params.path.${name}`;
    const value = values?.[name];
    const encoded = typeof value === "boolean" ? undefined : encodeScalar(value, field);
    if (encoded === undefined) throw new SegConfigError(field(), `must be a non-empty string or a finite number (got ${kindOf(value)})`);
    if (encoded === "" || encoded === "." || encoded === "..") {
      throw new SegConfigError(field(), `must not be empty, "." or "..": it would address another resource`);
    }
    return encoded;
  });
}

/**
 * openapi-fetch's `querySerializer`. `commaArrays` writes an array as one comma-separated value
 * (`extend=tags,events`, OpenAPI form with explode false), else as repeated keys. Absent values
 * (`undefined`, `null`, `[]`) are left out, as openapi-fetch does.
 */
export function querySerializer(commaArrays: boolean, prefix = "params.query"): (query: Record<string, unknown>) => string {
  return (query) => {
    let search = "";
    for (const name in query) {
      const value = query[name];
      if (value === undefined || value === null) continue;
      const field = (): string => `${prefix}.${name}`;
      if (!wellFormed(name)) throw new SegConfigError(prefix, "has a name with a lone UTF-16 surrogate, which no URL can carry");
      const key = encodeURIComponent(name);
      const items = Array.isArray(value) ? (value as unknown[]) : [value];
      let pairs = "";
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        const text = encodeScalar(item, field);
        if (text === undefined) {
          throw new SegConfigError(field(), `must be a string, a finite number, a boolean or an array of those (got ${Array.isArray(value) ? `an array holding ${kindOf(item)}` : kindOf(item)})`);
        }
        pairs += i === 0 ? `${key}=${text}` : commaArrays ? `,${text}` : `&${key}=${text}`;
      }
      if (!pairs) continue;
      search += search ? `&${pairs}` : pairs;
    }
    return search;
  };
}
