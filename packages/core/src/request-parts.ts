// What openapi-fetch builds for a call when no middleware needs a real `Request`: the request's
// parts, kept as given. The transport sends them with the global fetch's (url, init) form, so a call
// pays for the one `Request` fetch builds and no body re-read, instead of two plus a copy.

/** The signal of a caller who gave none. */
export const NEVER_ABORTED: AbortSignal = new AbortController().signal;

/** A request as the transport needs it, whichever way it arrived. */
export interface OutgoingRequest {
  readonly url: string;
  readonly method: string;
  /** This call's own headers: the transport adds credentials to them. */
  readonly headers: Headers;
  /** Reusable across attempts (string, bytes, FormData, …), never a one-shot stream. */
  readonly body: BodyInit | null;
  /** The caller's signal (a signal that never aborts when the caller gave none). */
  readonly signal: AbortSignal;
  /** The rest of the caller's RequestInit (credentials, keepalive, a dispatcher, …), passed to every attempt. */
  readonly init: RequestInit;
}

const PARTS = Symbol("request parts");

/** Stands in for `new Request(url, init)` in openapi-fetch (its `Request` option). */
export function requestParts(url: string, init: RequestInit & { headers: Headers }): OutgoingRequest {
  return {
    url,
    method: init.method ?? "GET",
    headers: init.headers,
    body: init.body ?? null,
    signal: init.signal ?? NEVER_ABORTED,
    init,
    [PARTS]: true,
  } as OutgoingRequest;
}

/** Normalises what the transport was handed: parts as they are, a real Request (from middleware) read once. */
export function outgoing(request: Request | OutgoingRequest): OutgoingRequest | Promise<OutgoingRequest> {
  const { url, method, signal } = request;
  if (PARTS in request) {
    const parts = request as OutgoingRequest;
    if (!(parts.body instanceof ReadableStream)) return parts;
    // A one-shot stream cannot be sent twice: buffer it so retries send the same bytes.
    return new Response(parts.body).arrayBuffer().then((body) => ({ ...parts, body }));
  }
  const real = request as Request;
  const parts = { url, method, headers: new Headers(real.headers), signal, init: {} };
  if (!real.body) return { ...parts, body: null };
  return real.arrayBuffer().then((body) => ({ ...parts, body }));
}
