// The fetch that openapi-fetch calls for every operation: credentials, user agent, per-attempt
// timeout, overall deadline, retries with backoff and Retry-After, one renew-and-replay on 401, and
// redirects followed only within the configured origin.
import { startAttempt, TIMED_OUT, type Attempt } from "./attempt.ts";
import type { AuthStrategy } from "./auth/strategy.ts";
import { SegApiError, SegConfigError, SegConnectionError, SegError, SegResponseError, SegTimeoutError, type CallContext } from "./errors.ts";
import type { LeveledLogger, LogFields } from "./logger.ts";
import { createRedactor, secretsSent, type Redactor } from "./redact.ts";
import { follow, isRedirect } from "./redirect.ts";
import { backoffDelay, isRetryableStatus, parseRetryAfter, RETRY_DEFAULTS, type RetryOptions } from "./retry.ts";
import type { RateLimiter } from "./rate-limit.ts";
import { outgoing, type OutgoingRequest } from "./request-parts.ts";
import { sleep } from "./signals.ts";
import { observe, type TracedCall } from "./telemetry.ts";

export interface TimeoutOptions {
  /** Limit for one attempt, from sending to the last byte of the response. Default 30 s; `Infinity` for none. */
  timeoutMs?: number;
  /** Limit for the whole call across retries and waits. Default 90 s; `Infinity` for none. */
  deadlineMs?: number;
}

export const TIMEOUT_DEFAULTS: Required<TimeoutOptions> = { timeoutMs: 30_000, deadlineMs: 90_000 };

/** How a success body is read: as openapi-fetch's `parseAs`. */
export type ParseAs = "json" | "text" | "blob" | "arrayBuffer" | "stream";

/** Response headers vendors and their proxies use for a request id, most specific first. */
const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id"];

const requestIdOf = (response: Response, redactor: Redactor): string | undefined => {
  for (const name of REQUEST_ID_HEADERS) {
    const value = response.headers.get(name);
    // A server may echo anything here, a credential included.
    if (value !== null) return redactor.text(value);
  }
  return undefined;
};

/** What one call shares between the client (around openapi-fetch) and this transport (inside it). */
export interface Flight {
  /** The success body, read (and for JSON parsed) inside the attempt, so its limits cover it. */
  data?: unknown;
  /** Rejects the call: the transport uses it when an attempt ends while openapi-fetch reads an error body. */
  fail: (reason: unknown) => void;
  /** Set when the transport returns a response whose body is still to be read: ends its attempt. */
  end?: () => void;
  /** What the caller gets for `fail(TIMED_OUT)`. */
  timeout?: () => SegTimeoutError;
  /** Set with an error response: builds its typed error for `unwrap()`. */
  error?: ErrorFactory;
}

export interface TransportCall extends TracedCall {
  /** Retry policy for this call; `false` never retries (non-idempotent operations). */
  retry: RetryOptions | false;
  timeouts: Required<TimeoutOptions>;
  auth: AuthStrategy;
  /** Header names the client's credentials use: no caller or middleware may set them. */
  reserved: readonly string[];
  /** Sent as `User-Agent` unless the caller set one; none in a browser. */
  userAgent: string | undefined;
  /** The caller's fetch; without one the global fetch is called with the URL and init directly. */
  fetch: ((request: Request) => Promise<Response>) | undefined;
  /** The secrets the client knows of (its auth strategy's); the transport adds what the request carries. */
  secrets: () => readonly string[];
  logger: LeveledLogger;
  rateLimit?: RateLimiter | undefined;
  parseAs: ParseAs;
  /** Hand back a response whose body can still be read (middleware may read it), not the consumed one. */
  rebuffer: boolean;
  flight: Flight;
}

/**
 * The typed error of an error response this transport returned, built only if `unwrap()` asks,
 * from the body openapi-fetch parsed. The client keeps it on the result under a global symbol, so
 * an `unwrap` from another copy of @seg/core finds it too. It is made by `errorFactory`, outside
 * `send`: a closure made inside would keep the whole call alive as long as the result (and on a
 * platform Response, or in a WeakMap, it costs more than the rest of the error path).
 */
export const API_ERROR: unique symbol = Symbol.for("@seg/core/api-error-factory") as never;
export type ErrorFactory = (body: unknown) => SegApiError;

export const apiErrorOf = (result: object, body: unknown): SegApiError | undefined => {
  const make = (result as { [API_ERROR]?: unknown })[API_ERROR];
  return typeof make === "function" ? (make as ErrorFactory)(body) : undefined;
};

function errorFactory(call: TransportCall, request: OutgoingRequest, response: Response, attempts: number): ErrorFactory {
  return (body) => {
    const redactor = createRedactor(() => [...call.secrets(), ...secretsSent(request)]);
    const context = { vendor: call.vendor, operation: call.operation, method: request.method, url: redactor.url(request.url), attempts };
    return apiError(response, body, context, redactor);
  };
}

/** Obtaining credentials failed: rethrown as it is, never retried as a connection error. */
class AuthFailure extends Error {
  constructor(readonly error: unknown) {
    super("obtaining credentials failed");
  }
}

type Attempted = { response: Response; sent: Readonly<Record<string, string>> };

const NO_HEADERS: Readonly<Record<string, string>> = {};

export async function send(input: Request | OutgoingRequest, call: TransportCall): Promise<Response> {
  const parts = outgoing(input);
  const request = parts instanceof Promise ? await parts : parts;
  const { headers, signal: caller } = request;
  const redactor = createRedactor(() => [...call.secrets(), ...secretsSent(request)]);
  const { timeoutMs, deadlineMs } = call.timeouts;
  const deadlineAt = Date.now() + deadlineMs;
  let retry: Required<Omit<RetryOptions, "onRetry">> | undefined; // the policy with its defaults, at the first failure
  // Built only when an error or a log line needs it: the happy path never parses the URL.
  let shownUrl: string | undefined;
  const context = (attempts: number): CallContext => ({
    vendor: call.vendor,
    operation: call.operation,
    method: request.method,
    url: (shownUrl ??= redactor.url(request.url)),
    attempts,
  });
  for (const name of call.reserved) {
    if (headers.has(name)) {
      throw new SegConfigError(`headers.${name}`, "is set by the client's credentials; a caller or middleware header cannot replace it");
    }
  }
  if (call.userAgent !== undefined && !headers.has("user-agent")) headers.set("user-agent", call.userAgent);
  const telemetry = observe(call, request.method, request.url, redactor);

  let rejected: Readonly<Record<string, string>> | undefined; // credentials a 401 refused
  let renewed = false;
  let retries = 0;
  for (let attempt = 1; ; attempt++) {
    caller.throwIfAborted();
    if (call.rateLimit && !(await call.rateLimit.acquire(caller, deadlineAt))) {
      throw new SegTimeoutError(context(attempt), "deadline", deadlineMs); // its turn would come too late
    }
    const remaining = deadlineAt - Date.now();
    if (remaining <= 0) throw new SegTimeoutError(context(attempt - 1 || 1), "deadline", deadlineMs);
    // One timer per attempt: the attempt's own limit, or what is left of the deadline if less.
    const limit = Math.min(timeoutMs, remaining);
    const scope = limit < timeoutMs ? "deadline" : "attempt";
    const timeout = (): SegTimeoutError => new SegTimeoutError(context(attempt), scope, scope === "attempt" ? timeoutMs : deadlineMs);
    const current = startAttempt(limit, caller);
    const traced = telemetry?.attempt(attempt - 1, headers);
    let outcome: Attempted | SegConnectionError | SegTimeoutError;
    try {
      const contextNow = (): CallContext => context(attempt);
      // With a span, the attempt runs inside its context (a token exchange becomes its child).
      const attempted = traced
        ? traced.run(() => exchange(request, call, current, rejected, contextNow, redactor))
        : exchange(request, call, current, rejected, contextNow, redactor);
      outcome = await current.race(attempted);
    } catch (error) {
      current.end();
      // The caller's abort; the token exchange's own failure, as it is; an error typed already (a
      // redirect, a body that is not JSON): none is retried.
      const fatal = caller.aborted ? { error: caller.reason as unknown } : error instanceof AuthFailure ? { error: error.error } : error instanceof SegError ? { error } : undefined;
      if (fatal) {
        traced?.end(fatal);
        throw fatal.error;
      }
      outcome = error === TIMED_OUT ? timeout() : new SegConnectionError(context(attempt), error, redactor);
      if (outcome instanceof SegTimeoutError && scope === "deadline") {
        traced?.end({ error: outcome });
        throw outcome;
      }
    }
    const response = "response" in outcome ? outcome.response : undefined;
    traced?.end(response ? { status: response.status } : { error: outcome });
    if (response?.ok) {
      current.end();
      return response;
    }
    rejected = undefined;
    if (response?.status === 401 && call.auth.renew && !renewed) {
      // Renewed at the start of the next attempt, under its limits.
      renewed = true;
      rejected = (outcome as Attempted).sent;
      current.end();
      discard(response);
      call.logger.info(`${call.vendor} ${call.operation}: 401, renewing credentials and replaying once`, fieldsOf(call, attempt, 401));
      continue;
    }
    const retryable = response ? isRetryableStatus(response.status) : true;
    if (call.retry) retry ??= { ...RETRY_DEFAULTS, ...call.retry };
    const wait = retryable && retry && retries < retry.maxRetries ? nextDelay(response, attempt - (renewed ? 1 : 0), retry) : undefined;
    // Never start a wait the deadline would cut short: surface this failure instead.
    if (wait === undefined || wait >= deadlineAt - Date.now()) {
      if (!response) throw outcome as SegError;
      // openapi-fetch reads this body next, still under this attempt's limits.
      current.handOver(call.flight.fail);
      call.flight.end = current.end;
      call.flight.timeout = timeout;
      call.flight.error = errorFactory(call, request, response, attempt);
      return response;
    }
    const failure = response ? apiError(response, await current.race(readError(response)).catch(() => undefined), context(attempt), redactor) : (outcome as SegError);
    current.end();
    retries++;
    telemetry?.retried(response ? { status: response.status } : { error: failure });
    call.logger.warn(`${call.vendor} ${call.operation}: attempt ${attempt} failed (${failure.message}); retrying in ${wait} ms`, {
      ...fieldsOf(call, attempt, response?.status),
      delayMs: wait,
    });
    if (call.retry) call.retry.onRetry?.({ error: failure, attempt, delayMs: wait });
    await sleep(wait, caller);
  }
}

/** What every log line carries, like the spans. */
const fieldsOf = (call: TransportCall, attempt: number, status?: number): LogFields => ({ vendor: call.vendor, operation: call.operation, attempt, status });

/** One attempt: credentials (renewed first after a 401), the request, its redirects and the success body. */
async function exchange(
  request: OutgoingRequest,
  call: TransportCall,
  current: Attempt,
  rejected: Readonly<Record<string, string>> | undefined,
  context: () => CallContext,
  redactor: Redactor,
): Promise<Attempted> {
  let sent: Readonly<Record<string, string>>;
  try {
    if (rejected) await call.auth.renew?.(rejected);
    const pending = call.auth.headers?.();
    sent = (pending instanceof Promise ? await pending : pending) ?? NO_HEADERS;
  } catch (error) {
    throw new AuthFailure(error);
  }
  const { headers } = request;
  for (const name in sent) headers.set(name, sent[name] as string);
  const debug = call.logger.enabled("debug") ? Date.now() : 0;
  const fields = debug ? fieldsOf(call, context().attempts) : undefined;
  if (fields) call.logger.debug(`${call.vendor} ${call.operation}: ${request.method} ${context().url}`, fields);
  const init: RequestInit = { ...request.init, method: request.method, headers, body: request.body, signal: current.signal, redirect: "manual" };
  const custom = call.fetch;
  // The global fetch builds its own Request from (url, init): building one here too would cost a
  // second Request per attempt. A caller's fetch takes a Request, as openapi-fetch's does.
  const fetchOnce = (url: string, next: RequestInit): Promise<Response> => (custom ? custom(new Request(url, next)) : globalThis.fetch(url, next));
  let response = await fetchOnce(request.url, init);
  if (isRedirect(response)) response = await follow(response, request.url, init, fetchOnce, context, redactor);
  if (fields) {
    const durationMs = Date.now() - debug;
    call.logger.debug(`${call.vendor} ${call.operation}: ${response.status} in ${durationMs} ms`, { ...fields, status: response.status, durationMs, requestId: requestIdOf(response, redactor) });
  }
  if (response.ok && call.parseAs !== "stream") response = await readSuccess(response, call, context, redactor);
  return { response, sent };
}

/**
 * Reads a success body inside the attempt, so a body that stalls still times out (and is retried):
 * JSON is parsed here and a body that is not JSON is a typed error. Without `rebuffer` the result
 * goes to the client through the flight and openapi-fetch never reads the response.
 */
async function readSuccess(response: Response, call: TransportCall, context: () => CallContext, redactor: Redactor): Promise<Response> {
  const { parseAs, flight } = call;
  const json = (text: string): unknown => {
    try {
      return text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      // Redacted before it is cut, so no secret is split by the cut and half shown.
      const shown = redactor.text(text.slice(0, 8192));
      throw new SegResponseError({ ...context(), status: response.status, excerpt: shown, requestId: requestIdOf(response, redactor) });
    }
  };
  if (call.rebuffer) {
    const bytes = await response.arrayBuffer();
    if (parseAs === "json") json(new TextDecoder().decode(bytes));
    return new Response(bytes.byteLength ? bytes : null, response);
  }
  flight.data = parseAs === "json" ? json(await response.text()) : await response[parseAs as "text" | "blob" | "arrayBuffer"]();
  return response;
}

/** Lets go of a body nobody will read, so the connection can be reused or closed. */
function discard(response: Response): void {
  response.body?.cancel().catch(() => undefined);
}

/** An error body read for a retry's log line: JSON if it parses, else text. */
async function readError(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    return text; // not JSON (an HTML error page from a proxy, say): keep the text
  }
}

function nextDelay(response: Response | undefined, attempt: number, retry: Required<Omit<RetryOptions, "onRetry">>): number | undefined {
  const retryAfter = response && parseRetryAfter(response.headers.get("retry-after"));
  if (retryAfter !== undefined) return retryAfter <= retry.maxRetryAfterMs ? retryAfter : undefined;
  return backoffDelay(attempt, retry);
}

/** The typed error of an error response, from its parsed body; redacted throughout. */
function apiError(response: Response, body: unknown, context: CallContext, redactor: Redactor): SegApiError {
  return new SegApiError({
    ...context,
    status: response.status,
    statusText: redactor.text(response.statusText),
    body: redactor.json(body),
    requestId: requestIdOf(response, redactor),
  });
}
