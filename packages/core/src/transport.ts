// The fetch that openapi-fetch calls for every operation: credentials, user agent, per-attempt
// timeout, overall deadline, retries with backoff and Retry-After, and one renew-and-replay on 401.
import type { AuthStrategy } from "./auth/strategy.ts";
import { SegApiError, SegConnectionError, SegTimeoutError, type CallContext } from "./errors.ts";
import type { LeveledLogger } from "./logger.ts";
import { createRedactor, secretsSent, type Redactor } from "./redact.ts";
import { backoffDelay, isRetryableStatus, parseRetryAfter, RETRY_DEFAULTS, type RetryOptions } from "./retry.ts";
import type { RateLimiter } from "./rate-limit.ts";
import { NEVER_ABORTED, outgoing, type OutgoingRequest } from "./request-parts.ts";
import { sleep, untilAborted } from "./signals.ts";

export interface TimeoutOptions {
  /** Limit for one attempt, from sending to the last byte of the response. Default 30 s. */
  timeoutMs?: number;
  /** Limit for the whole call across retries and waits. Default 90 s. */
  deadlineMs?: number;
}

export const TIMEOUT_DEFAULTS: Required<TimeoutOptions> = { timeoutMs: 30_000, deadlineMs: 90_000 };

/** Response headers vendors and their proxies use for a request id, most specific first. */
const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id"];

export const requestIdOf = (response: Response): string | undefined => {
  for (const name of REQUEST_ID_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) return value;
  }
  return undefined;
};

export interface TransportCall {
  vendor: string;
  operation: string;
  /** Retry policy for this call; `false` never retries (non-idempotent operations). */
  retry: RetryOptions | false;
  timeouts: Required<TimeoutOptions>;
  auth: AuthStrategy;
  userAgent: string;
  /** The caller's fetch; without one the global fetch is called with the URL and init directly. */
  fetch: ((request: Request) => Promise<Response>) | undefined;
  /** The secrets the client knows of (its auth strategy's); the transport adds what the request carries. */
  secrets: () => readonly string[];
  logger: LeveledLogger;
  rateLimit?: RateLimiter | undefined;
}

/**
 * The typed error behind each error response this transport returned, for `unwrap()`. Kept on the
 * response under a global symbol (like the error brand) so an `unwrap` from another copy of
 * @seg/core finds it too.
 */
const API_ERROR: unique symbol = Symbol.for("@seg/core/api-error") as never;

export const apiErrorOf = (response: Response): SegApiError | undefined => {
  const error = (response as { [API_ERROR]?: unknown })[API_ERROR];
  return error instanceof SegApiError ? error : undefined;
};

async function finish(response: Response, context: () => CallContext, redactor: Redactor, known?: SegApiError): Promise<Response> {
  if (!response.ok) Object.defineProperty(response, API_ERROR, { value: known ?? (await apiError(response, context(), redactor)) });
  return response;
}

type Outcome = { response: Response } | { error: SegConnectionError | SegTimeoutError };

const TIMED_OUT = "seg-timeout";

export async function send(input: Request | OutgoingRequest, call: TransportCall): Promise<Response> {
  const request = await outgoing(input);
  const caller = request.signal;
  const redactor = createRedactor(() => [...call.secrets(), ...secretsSent(request)]);
  const { timeoutMs, deadlineMs } = call.timeouts;
  const deadlineAt = Date.now() + deadlineMs;
  const retry = call.retry && { ...RETRY_DEFAULTS, ...call.retry };
  // Built only when an error or a log line needs it: the happy path never parses the URL.
  let shownUrl: string | undefined;
  const context = (attempts: number): CallContext => ({
    vendor: call.vendor,
    operation: call.operation,
    method: request.method,
    url: (shownUrl ??= redactor.url(request.url)),
    attempts,
  });
  const headers = new Headers(request.headers);
  if (!headers.has("user-agent")) headers.set("user-agent", call.userAgent);

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
    const { outcome, authHeaders } = await attemptOnce(request, headers, call, limit, () => context(attempt), redactor);
    if ("error" in outcome && outcome.error instanceof SegTimeoutError && scope === "deadline") {
      throw new SegTimeoutError(context(attempt), "deadline", deadlineMs, { cause: outcome.error });
    }

    if ("response" in outcome && outcome.response.status === 401 && call.auth.renew && !renewed) {
      renewed = true;
      call.logger.info(`${call.vendor} ${call.operation}: 401, renewing credentials and replaying once`);
      if (await call.auth.renew(authHeaders)) continue;
    }
    if ("response" in outcome && !isRetryableStatus(outcome.response.status)) {
      return await finish(outcome.response, () => context(attempt), redactor);
    }

    const failure = "error" in outcome ? outcome.error : await apiError(outcome.response, context(attempt), redactor);
    const wait = retry && retries < retry.maxRetries ? nextDelay(outcome, attempt - (renewed ? 1 : 0), retry) : undefined;
    // Never start a wait the deadline would cut short: surface this failure instead.
    if (wait === undefined || wait >= deadlineAt - Date.now()) {
      if ("error" in outcome) throw outcome.error;
      return await finish(outcome.response, () => context(attempt), redactor, failure as SegApiError);
    }
    retries++;
    call.logger.warn(`${call.vendor} ${call.operation}: attempt ${attempt} failed (${failure.message}); retrying in ${wait} ms`);
    if (call.retry) call.retry.onRetry?.({ error: failure, attempt, delayMs: wait });
    await sleep(wait, caller);
  }
}

async function attemptOnce(
  request: OutgoingRequest,
  headers: Headers,
  call: TransportCall,
  limitMs: number,
  context: () => CallContext,
  redactor: Redactor,
): Promise<{ outcome: Outcome; authHeaders: Record<string, string> }> {
  const caller = request.signal;
  const controller = new AbortController();
  const timer = setTimeout(() => {
    controller.abort(TIMED_OUT);
  }, limitMs);
  const onCallerAbort = (): void => {
    controller.abort(caller.reason);
  };
  // EventTarget listeners are costly in Node: skip the one a caller without a signal cannot fire.
  const follows = caller !== NEVER_ABORTED;
  if (follows) caller.addEventListener("abort", onCallerAbort, { once: true });
  const { signal } = controller;
  let authHeaders: Record<string, string> = {};
  try {
    const pending = call.auth.headers?.() ?? {};
    // Obtaining credentials (a token exchange) counts against the attempt and obeys the caller's abort.
    authHeaders = pending instanceof Promise ? await untilAborted(pending, signal) : pending;
    for (const name in authHeaders) headers.set(name, authHeaders[name] ?? "");
  } catch (error) {
    if (!signal.aborted) throw error; // the exchange itself failed: its own typed error
    return { outcome: aborted(error, caller, signal, call, context), authHeaders };
  }
  const started = call.logger.enabled("debug") ? Date.now() : 0;
  const shown = started ? context() : undefined;
  if (shown) call.logger.debug(`${call.vendor} ${call.operation}: ${shown.method} ${shown.url} (attempt ${shown.attempts})`);
  try {
    const init: RequestInit = { ...request.init, method: request.method, headers, body: request.body, signal };
    const custom = call.fetch;
    const exchange = async (): Promise<Response> => {
      // The global fetch builds its own Request from (url, init): building one here too would cost
      // a second Request per attempt. A caller's fetch takes a Request, as openapi-fetch's does.
      const raw = await (custom ? custom(new Request(request.url, init)) : globalThis.fetch(request.url, init));
      // Read the whole body inside the attempt, so a server that stalls mid-body still times out.
      const bytes = raw.status === 204 || raw.status === 205 || raw.status === 304 ? null : await raw.arrayBuffer();
      if (shown) call.logger.debug(`${call.vendor} ${call.operation}: ${raw.status} in ${Date.now() - started} ms`, { requestId: requestIdOf(raw) });
      return new Response(bytes, { status: raw.status, statusText: raw.statusText, headers: raw.headers });
    };
    return { outcome: { response: await untilAborted(exchange(), signal) }, authHeaders };
  } catch (error) {
    if (signal.aborted) return { outcome: aborted(error, caller, signal, call, context), authHeaders };
    return { outcome: { error: new SegConnectionError(context(), error, redactor) }, authHeaders };
  } finally {
    clearTimeout(timer);
    if (follows) caller.removeEventListener("abort", onCallerAbort);
  }
}

/** An attempt ended by its signal: the caller's abort is rethrown as is; the timer is a timeout. */
function aborted(error: unknown, caller: AbortSignal, signal: AbortSignal, call: TransportCall, context: () => CallContext): Outcome {
  if (caller.aborted || signal.reason !== TIMED_OUT) throw caller.reason;
  return { error: new SegTimeoutError(context(), "attempt", call.timeouts.timeoutMs, { cause: error }) };
}

function nextDelay(outcome: Outcome, attempt: number, retry: Required<Omit<RetryOptions, "onRetry">>): number | undefined {
  if ("response" in outcome) {
    const retryAfter = parseRetryAfter(outcome.response.headers.get("retry-after"));
    if (retryAfter !== undefined) return retryAfter <= retry.maxRetryAfterMs ? retryAfter : undefined;
  }
  return backoffDelay(attempt, retry);
}

/** Builds the typed error for an error response without consuming the caller's copy of the body. */
export async function apiError(response: Response, context: CallContext, redactor: Redactor): Promise<SegApiError> {
  const text = await response.clone().text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON (an HTML error page from a proxy, say): keep the text
  }
  return new SegApiError({
    ...context,
    status: response.status,
    statusText: response.statusText,
    body: redactor.json(body),
    requestId: requestIdOf(response),
  });
}
