// One error model for every vendor package. Classes are recognised by a brand kept under a global
// symbol, so `instanceof` holds even when two copies of @seg/core are installed side by side.
import type { Redactor } from "./redact.ts";

const BRAND: unique symbol = Symbol.for("@seg/core/error-kinds") as never;
const INSPECT = Symbol.for("nodejs.util.inspect.custom");

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

  /** Fields subclasses add to `toJSON()` and `util.inspect()`. */
  protected details(): Record<string, unknown> {
    return {};
  }
}

// util.inspect (and so console.log) shows the redacted toJSON(), never raw fields or causes.
Object.defineProperty(SegError.prototype, INSPECT, {
  value(this: SegError): string {
    return `${this.name}: ${this.message} ${JSON.stringify(this.toJSON(), null, 2)}`;
  },
});

/** Bad configuration or input, found before any request is sent. `field` names the culprit. */
export class SegConfigError extends SegError {
  static override readonly kind: string = "SegConfigError";
  readonly field: string;
  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
  protected override details(): Record<string, unknown> {
    return { field: this.field };
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

/** The vendor answered with an error status. `body` is the parsed (and redacted) error body. */
export class SegApiError<Body = unknown> extends SegError implements CallContext {
  static override readonly kind: string = "SegApiError";
  readonly kind: SegApiErrorKind;
  readonly status: number;
  readonly body: Body;
  readonly requestId: string | undefined;
  readonly vendor: string;
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;

  constructor(context: CallContext & { status: number; statusText: string; body: Body; requestId?: string | undefined }) {
    const summary = typeof context.body === "string" ? context.body.slice(0, 200) : JSON.stringify(context.body);
    super(
      `${context.vendor} ${context.operation} failed: HTTP ${context.status}${context.statusText ? ` ${context.statusText}` : ""}` +
        (context.requestId ? ` (request id ${context.requestId})` : "") +
        ` after ${context.attempts} attempt${context.attempts === 1 ? "" : "s"}${summary ? `: ${summary}` : ""}`,
    );
    this.kind = apiErrorKind(context.status);
    this.status = context.status;
    this.body = context.body;
    this.requestId = context.requestId;
    this.vendor = context.vendor;
    this.operation = context.operation;
    this.method = context.method;
    this.url = context.url;
    this.attempts = context.attempts;
  }

  protected override details(): Record<string, unknown> {
    const { kind, status, body, requestId, vendor, operation, method, url, attempts } = this;
    return { kind, status, body, requestId, vendor, operation, method, url, attempts };
  }
}

/** The request never got an HTTP answer: DNS, refused or reset connection, TLS, … */
export class SegConnectionError extends SegError implements CallContext {
  static override readonly kind: string = "SegConnectionError";
  readonly vendor: string;
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;

  constructor(context: CallContext, cause: unknown, redactor: Redactor) {
    const reason = cause instanceof Error ? redactor.text(describeCause(cause)) : "unknown error";
    super(`${context.vendor} ${context.operation} could not connect to ${context.url} after ${context.attempts} attempt${context.attempts === 1 ? "" : "s"}: ${reason}`, {
      cause: cause instanceof Error ? redactedError(cause, redactor) : undefined,
    });
    this.vendor = context.vendor;
    this.operation = context.operation;
    this.method = context.method;
    this.url = context.url;
    this.attempts = context.attempts;
  }

  protected override details(): Record<string, unknown> {
    const { vendor, operation, method, url, attempts } = this;
    return { vendor, operation, method, url, attempts };
  }
}

/** A per-attempt timeout (`scope: "attempt"`) or the overall deadline (`scope: "deadline"`) ran out. */
export class SegTimeoutError extends SegError implements CallContext {
  static override readonly kind: string = "SegTimeoutError";
  readonly scope: "attempt" | "deadline";
  readonly timeoutMs: number;
  readonly vendor: string;
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  readonly attempts: number;

  constructor(context: CallContext, scope: "attempt" | "deadline", timeoutMs: number, options?: { cause?: unknown }) {
    super(`${context.vendor} ${context.operation} timed out: ${scope === "attempt" ? "attempt timeout" : "deadline"} of ${timeoutMs} ms exceeded after ${context.attempts} attempt${context.attempts === 1 ? "" : "s"} (${context.method} ${context.url})`, options);
    this.scope = scope;
    this.timeoutMs = timeoutMs;
    this.vendor = context.vendor;
    this.operation = context.operation;
    this.method = context.method;
    this.url = context.url;
    this.attempts = context.attempts;
  }

  protected override details(): Record<string, unknown> {
    const { scope, timeoutMs, vendor, operation, method, url, attempts } = this;
    return { scope, timeoutMs, vendor, operation, method, url, attempts };
  }
}

/** undici hides the useful part ("ECONNREFUSED", "other side closed") in `cause`. */
function describeCause(error: Error): string {
  const inner = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return `${error.message}${inner}${typeof code === "string" && !inner.includes(code) ? ` (${code})` : ""}`;
}

function redactedError(error: Error, redactor: Redactor): Error {
  const copy = new Error(redactor.text(describeCause(error)));
  copy.name = error.name;
  return copy;
}
