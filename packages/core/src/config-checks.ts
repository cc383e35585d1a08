// Configuration checked when a client is created (and per-call overrides when a call starts), so a
// mistake is a SegConfigError naming the option, never a platform TypeError at call time.
import { SegConfigError } from "./errors.ts";
import type { RetryOptions } from "./retry.ts";
import type { TimeoutOptions } from "./transport.ts";

/**
 * A base URL (or a server URL template with `{variables}`) as an absolute http(s) URL without
 * credentials, query or fragment, and without a trailing slash. The value is never echoed: a
 * misplaced key or credentials inside the URL must not reach a message or a log.
 */
export function checkBaseUrl(value: unknown, field: string): string {
  if (typeof value !== "string") throw new SegConfigError(field, "must be a URL string");
  const text = value.trim();
  let url: URL | undefined;
  try {
    url = new URL(text.replace(/\{[^{}]+\}/g, "x"));
  } catch {
    // reported below
  }
  // The URL parser drops tabs and line breaks silently: a URL holding one is not the URL meant.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  const problem = !url || !/^https?:$/.test(url.protocol) || /[\0-\x1f\x7f]/.test(text)
    ? "must be an absolute http(s) URL"
    : url.username || url.password
      ? "must not carry credentials (pass them as the client's credential options)"
      : /[?#]/.test(text) // on the text: URL drops an empty `?` or `#`
        ? "must not have a query string or fragment"
        : undefined;
  if (problem) throw new SegConfigError(field, problem);
  return text.replace(/\/+$/, "");
}

/** A limit in ms: a positive number, or `Infinity` for none. */
function checkLimit(value: number | undefined, field: string): void {
  if (value !== undefined && !(typeof value === "number" && value > 0)) {
    throw new SegConfigError(field, "must be a positive number of milliseconds (or Infinity for no limit)");
  }
}

function checkCount(value: number | undefined, field: string, infinite: boolean): void {
  if (value === undefined) return;
  const ok = typeof value === "number" && value >= 0 && (Number.isInteger(value) || (infinite && value === Infinity));
  if (!ok) throw new SegConfigError(field, `must be a whole number ≥ 0${infinite ? " (or Infinity)" : ""}`);
}

/** Timeouts and retry numbers, at construction (`prefix` "") or per call. */
export function checkTransportNumbers(options: TimeoutOptions & { retry?: RetryOptions | boolean | undefined }, prefix = ""): void {
  checkLimit(options.timeoutMs, `${prefix}timeoutMs`);
  checkLimit(options.deadlineMs, `${prefix}deadlineMs`);
  const { retry } = options;
  if (typeof retry !== "object") return;
  checkCount(retry.maxRetries, `${prefix}retry.maxRetries`, true);
  checkCount(retry.baseDelayMs, `${prefix}retry.baseDelayMs`, false);
  checkCount(retry.maxDelayMs, `${prefix}retry.maxDelayMs`, false);
  checkCount(retry.maxRetryAfterMs, `${prefix}retry.maxRetryAfterMs`, true);
  if (retry.onRetry !== undefined && typeof retry.onRetry !== "function") throw new SegConfigError(`${prefix}retry.onRetry`, "must be a function");
}
