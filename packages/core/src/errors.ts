// One error model for every vendor package. Classes are recognised by a brand kept under a global
// symbol, so `instanceof` holds even when two copies of @seg/core are installed side by side.
import type { Redactor } from "./redact.ts";

const BRAND: unique symbol = Symbol.for("@seg/core/error-kinds") as never;

type Branded = { [BRAND]?: readonly string[] };

function hasKind(value: unknown, kind: string): boolean {
  if (typeof value !== "object" || value === null) return false;
  const kinds = (value as Branded)[BRAND];
  return Array.isArray(kinds) && kinds.includes(kind);
}

/** Where a failed call was going; every field is already redacted. */
export interface CallContext {
  vendor: string;
  operation: string;
  method: string;
  url: string;
  attempts: number;
}

/** The base of every error @seg/core throws. */
export class SegError extends Error {
  /** Stable class identity (survives minifiers that rename classes, and duplicate installs). */
  static readonly kind: string = "SegError";

  static override [Symbol.hasInstance](value: unknown): boolean {
    return hasKind(value, this.kind);
  }

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    const kinds: string[] = [];
    for (let c: unknown = new.target; typeof c === "function" && c !== Error; c = Object.getPrototypeOf(c)) {
      if (Object.hasOwn(c, "kind")) kinds.push((c as typeof SegError).kind);
    }
    Object.defineProperty(this, BRAND, { value: kinds });
    Object.defineProperty(this, "name", { value: kinds[0], enumerable: false, configurable: true });
  }

  /** A plain, redacted object: what `JSON.stringify(error)` writes. */
  toJSON(): Record<string, unknown> {
    const cause = this.cause instanceof Error ? { name: this.cause.name, message: this.cause.message } : undefined;
    return { name: this.name, message: this.message, ...this.details(), ...(cause ? { cause } : {}) };
  }

  /** The fields `toJSON()` and `util.inspect()` show: every own enumerable field, already redacted. */
  protected details(): Record<string, unknown> {
    return { ...(this as unknown as Record<string, unknown>) };
  }
}

/** Bad configuration or input, found before any request is sent. `field` names the culprit. */
export class SegConfigError extends SegError {
  static override readonly kind: string = "SegConfigError";
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

/** What kind of HTTP failure a `SegApiError` is, by status. */
export type SegApiErrorKind =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "unsupported_media_type"
  | "rate_limited"
  | "client_error"
  | "server_error";

const KIND_BY_STATUS: Record<number, SegApiErrorKind> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  415: "unsupported_media_type",
  429: "rate_limited",
};

export function apiErrorKind(status: number): SegApiErrorKind {
  return KIND_BY_STATUS[status] ?? (status >= 500 ? "server_error" : "client_error");
}

const attempts = (n: number): string => `${n} attempt${n === 1 ? "" : "s"}`;

/** A failure of one call: carries where the call was going (vendor, operation, method, url, attempts). */
abstract class SegCallError extends SegError implements CallContext {
  declare readonly vendor: string;
  declare readonly operation: string;
  declare readonly method: string;
  declare readonly url: string;
  declare readonly attempts: number;

  constructor(context: CallContext, message: string, options?: { cause?: unknown }) {
    super(`${context.vendor} ${context.operation} ${message}`, options);
    const { vendor, operation, method, url, attempts } = context;
    Object.assign(this, { vendor, operation, method, url, attempts });
  }
}

/** Longest excerpt of a response body quoted in a message; the whole (redacted) body stays on `.body`. */
const EXCERPT = 200;

/** At most `EXCERPT` characters of a body, as text. */
export const excerpt = (body: unknown): string => {
  const text = typeof body === "string" ? body : ((JSON.stringify(body) as string | undefined) ?? "");
  return text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text;
};

const statusLine = (status: number, statusText = ""): string =>
  `HTTP ${status}${status < 200 || status > 599 ? " (outside HTTP's 200–599)" : statusText ? ` ${statusText}` : ""}`;

/** The vendor answered with an error status. `body` is the parsed (and redacted) error body. */
export class SegApiError<Body = unknown> extends SegCallError {
  static override readonly kind: string = "SegApiError";
  declare readonly kind: SegApiErrorKind;
  declare readonly status: number;
  declare readonly body: Body;
  declare readonly requestId: string | undefined;

  /** Every field already redacted. */
  constructor(context: CallContext & { status: number; statusText: string; body: Body; requestId?: string | undefined }) {
    const { status, statusText, body, requestId } = context;
    const summary = excerpt(body);
    super(
      context,
      `failed: ${statusLine(status, statusText)}${requestId ? ` (request id ${requestId})` : ""} after ${attempts(context.attempts)}${summary ? `: ${summary}` : ""}`,
    );
    Object.assign(this, { kind: apiErrorKind(status), status, body, requestId });
  }
}

/**
 * A success status whose body is not what the operation declares (not JSON where JSON is
 * promised: an HTML page from a proxy, a truncated body). `excerpt` is redacted and short.
 */
export class SegResponseError extends SegCallError {
  static override readonly kind: string = "SegResponseError";
  declare readonly status: number;
  declare readonly excerpt: string;
  declare readonly requestId: string | undefined;

  /** Every field already redacted. */
  constructor(context: CallContext & { status: number; excerpt: string; requestId?: string | undefined }) {
    const { status, requestId } = context;
    const shown = excerpt(context.excerpt);
    super(context, `answered ${statusLine(status)}${requestId ? ` (request id ${requestId})` : ""} with a body that is not valid JSON: ${shown}`);
    Object.assign(this, { status, excerpt: shown, requestId });
  }
}

/**
 * A redirect the transport will not follow: to another origin (credentials never leave the
 * configured one), too many hops, or an opaque redirect a browser hides. Nothing was sent there.
 */
export class SegRedirectError extends SegCallError {
  static override readonly kind: string = "SegRedirectError";
  declare readonly status: number;
  /** Where the redirect pointed: an origin (`https://other.example`), redacted; `""` when hidden. */
  declare readonly target: string;

  constructor(context: CallContext & { status: number; target: string; reason: string }) {
    const { status, target } = context;
    super(context, `was redirected (${statusLine(status)}) ${target ? `to ${target}` : "to a hidden location"}: ${context.reason}; nothing was sent there`);
    Object.assign(this, { status, target });
  }
}

/** The request never got an HTTP answer: DNS, refused or reset connection, TLS, … */
export class SegConnectionError extends SegCallError {
  static override readonly kind: string = "SegConnectionError";
  /** The system error code when the platform gives one: `ECONNREFUSED`, `ECONNRESET`, `ENOTFOUND`, … */
  declare readonly code: string | undefined;

  constructor(context: CallContext, cause: unknown, redactor: Redactor) {
    // undici hides the useful part ("ECONNREFUSED", "other side closed") in the cause's cause.
    const inner = cause instanceof Error ? (cause.cause instanceof Error ? `${cause.message}: ${cause.cause.message}` : cause.message) : "unknown error";
    // No `cause`: the platform's error may quote secrets; its redacted text is in the message.
    super(context, `could not connect to ${context.url} after ${attempts(context.attempts)}: ${redactor.text(inner)}`);
    Object.assign(this, { code: systemCode(cause) });
  }
}

/**
 * The most specific error code down an error's cause chain (and an AggregateError's errors): a
 * system code (`ECONNREFUSED`) first, else the platform's own (`UND_ERR_SOCKET`: the other side closed).
 */
function systemCode(error: unknown): string | undefined {
  const codes: string[] = [];
  const walk = (at: unknown, depth: number): void => {
    if (typeof at !== "object" || at === null || depth > 4) return;
    const { code, cause, errors } = at as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof code === "string" && /^[A-Z][A-Z0-9_]+$/.test(code)) codes.push(code);
    for (const inner of [cause, ...(Array.isArray(errors) ? (errors as unknown[]) : [])]) walk(inner, depth + 1);
  };
  walk(error, 0);
  return codes.find((code) => code.startsWith("E")) ?? codes[0];
}

/** A per-attempt timeout (`scope: "attempt"`) or the overall deadline (`scope: "deadline"`) ran out. */
export class SegTimeoutError extends SegCallError {
  static override readonly kind: string = "SegTimeoutError";
  declare readonly scope: "attempt" | "deadline";
  declare readonly timeoutMs: number;

  constructor(context: CallContext, scope: "attempt" | "deadline", timeoutMs: number, options?: { cause?: unknown }) {
    super(context, `timed out: ${scope === "attempt" ? "attempt timeout" : "deadline"} of ${timeoutMs} ms exceeded after ${attempts(context.attempts)} (${context.method} ${context.url})`, options);
    Object.assign(this, { scope, timeoutMs });
  }
}
