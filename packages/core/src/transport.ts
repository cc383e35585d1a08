// The fetch that openapi-fetch calls for every operation: credentials, user agent, per-attempt
// timeout, overall deadline, retries with backoff and Retry-After, and one renew-and-replay on 401.
import type { AuthStrategy } from "./auth/strategy.ts";
import { SegApiError, SegConnectionError, SegTimeoutError, type CallContext } from "./errors.ts";
import type { Logger } from "./logger.ts";
import type { Redactor } from "./redact.ts";
import { backoffDelay, isRetryableStatus, parseRetryAfter, RETRY_DEFAULTS, type RetryOptions } from "./retry.ts";
import { anySignal, deadline, sleep, untilAborted, type Deadline } from "./signals.ts";

export interface TimeoutOptions {
  /** Limit for one attempt, from sending to the last byte of the response. Default 30 s. */
  timeoutMs?: number;
  /** Limit for the whole call across retries and waits. Default 90 s. */
  deadlineMs?: number;
}

export const TIMEOUT_DEFAULTS: Required<TimeoutOptions> = { timeoutMs: 30_000, deadlineMs: 90_000 };

/** Response headers vendors and their proxies use for a request id, most specific first. */
const REQUEST_ID_HEADERS = ["x-request-id", "request-id", "x-amzn-requestid", "x-correlation-id", "cf-ray"];

export const requestIdOf = (response: Response): string | undefined =>
  REQUEST_ID_HEADERS.map((name) => response.headers.get(name)).find((value) => value !== null) ?? undefined;

export interface TransportCall {
  vendor: string;
  operation: string;
  /** Retry policy for this call; `false` never retries (non-idempotent operations). */
  retry: RetryOptions | false;
  timeouts: Required<TimeoutOptions>;
  auth: AuthStrategy;
  userAgent: string;
  fetch: (request: Request) => Promise<Response>;
  redactor: Redactor;
  logger: Logger;
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

async function finish(response: Response, context: CallContext, redactor: Redactor, known?: SegApiError): Promise<Response> {
  if (!response.ok) Object.defineProperty(response, API_ERROR, { value: known ?? (await apiError(response, context, redactor)) });
  return response;
}

type Outcome = { response: Response } | { error: SegConnectionError | SegTimeoutError };

export async function send(request: Request, call: TransportCall): Promise<Response> {
  const body = request.body ? await request.arrayBuffer() : undefined;
  const caller = request.signal;
  const overall = deadline(call.timeouts.deadlineMs);
  const waitSignal = anySignal([caller, overall.signal]);
  const retry = call.retry && { ...RETRY_DEFAULTS, ...call.retry };
  const context = (attempts: number): CallContext => ({
    vendor: call.vendor,
    operation: call.operation,
    method: request.method,
    url: call.redactor.url(request.url),
    attempts,
  });

  try {
    let renewed = false;
    let retries = 0;
    for (let attempt = 1; ; attempt++) {
      const authHeaders = call.auth.headers ? await call.auth.headers() : {};
      const outcome = await attemptOnce(request, body, authHeaders, call, caller, overall, context(attempt));

      if ("response" in outcome && outcome.response.status === 401 && call.auth.renew && !renewed) {
        renewed = true;
        call.logger.info(`${call.vendor} ${call.operation}: 401, renewing credentials and replaying once`);
        if (await call.auth.renew(authHeaders)) continue;
      }
      if ("response" in outcome && !isRetryableStatus(outcome.response.status)) {
        return await finish(outcome.response, context(attempt), call.redactor);
      }

      const failure = "error" in outcome ? outcome.error : await apiError(outcome.response, context(attempt), call.redactor);
      const wait = retry && retries < retry.maxRetries ? nextDelay(outcome, attempt - (renewed ? 1 : 0), retry) : undefined;
      if (wait === undefined || wait > overall.remaining()) {
        if ("error" in outcome) throw outcome.error;
        return await finish(outcome.response, context(attempt), call.redactor, failure as SegApiError);
      }
      retries++;
      call.logger.warn(`${call.vendor} ${call.operation}: attempt ${attempt} failed (${failure.message}); retrying in ${wait} ms`);
      if (call.retry) call.retry.onRetry?.({ error: failure, attempt, delayMs: wait });
      try {
        await sleep(wait, waitSignal.signal);
      } catch (reason) {
        if (caller.aborted) throw caller.reason;
        throw new SegTimeoutError(context(attempt), "deadline", call.timeouts.deadlineMs, { cause: reason });
      }
    }
  } finally {
    waitSignal.dispose();
    overall.dispose();
  }
}

async function attemptOnce(
  request: Request,
  body: ArrayBuffer | undefined,
  authHeaders: Record<string, string>,
  call: TransportCall,
  caller: AbortSignal,
  overall: Deadline,
  context: CallContext,
): Promise<Outcome> {
  // (Not `if (signal.aborted)`: that would narrow the same checks in the catch below to "never".)
  caller.throwIfAborted();
  if (overall.remaining() === 0) throw new SegTimeoutError(context, "deadline", call.timeouts.deadlineMs);
  const perAttempt = deadline(call.timeouts.timeoutMs);
  const signal = anySignal([caller, overall.signal, perAttempt.signal]);
  const headers = new Headers(request.headers);
  if (!headers.has("user-agent")) headers.set("user-agent", call.userAgent);
  for (const [name, value] of Object.entries(authHeaders)) headers.set(name, value);
  const started = Date.now();
  call.logger.debug(`${call.vendor} ${call.operation}: → ${request.method} ${context.url} (attempt ${context.attempts})`);
  try {
    const raw = await untilAborted(
      call.fetch(
        new Request(request.url, { method: request.method, headers, body: body ?? null, signal: signal.signal, redirect: request.redirect }),
      ),
      signal.signal,
    );
    // Read the whole body inside the attempt, so a server that stalls mid-body still times out.
    const bytes = raw.status === 204 || raw.status === 205 || raw.status === 304 ? null : await untilAborted(raw.arrayBuffer(), signal.signal);
    const response = new Response(bytes, { status: raw.status, statusText: raw.statusText, headers: raw.headers });
    call.logger.debug(`${call.vendor} ${call.operation}: ← ${raw.status} in ${Date.now() - started} ms`, { requestId: requestIdOf(raw) });
    return { response };
  } catch (error) {
    if (caller.aborted) throw caller.reason;
    if (overall.signal.aborted) throw new SegTimeoutError(context, "deadline", call.timeouts.deadlineMs, { cause: error });
    if (perAttempt.signal.aborted) return { error: new SegTimeoutError(context, "attempt", call.timeouts.timeoutMs, { cause: error }) };
    return { error: new SegConnectionError(context, error, call.redactor) };
  } finally {
    signal.dispose();
    perAttempt.dispose();
  }
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
