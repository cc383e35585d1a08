// What openapi-fetch builds for a call when no middleware needs a real `Request`: the request's
// parts, kept as given. The transport builds a real `Request` per attempt from them, so a call pays
// for one `Request` and no body re-read per attempt, instead of two plus a copy of the body.

/** The signal of a caller who gave none. */
export const NEVER_ABORTED: AbortSignal = new AbortController().signal;

/** A request as the transport needs it, whichever way it arrived. */
export interface OutgoingRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  /** Reusable across attempts (string, bytes, FormData, …), never a one-shot stream. */
  readonly body: BodyInit | null;
  /** The caller's signal (a signal that never aborts when the caller gave none). */
  readonly signal: AbortSignal;
  /** The rest of the caller's RequestInit (redirect, credentials, …), passed to every attempt. */
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

/** Normalises what the transport was handed: parts as they are, a real Request read once. */
export async function outgoing(request: Request | OutgoingRequest): Promise<OutgoingRequest> {
  const { url, method, headers, signal } = request;
  if (PARTS in request) {
    const parts = request as OutgoingRequest;
    // A one-shot stream cannot be sent twice: buffer it so retries send the same bytes.
    return parts.body instanceof ReadableStream ? { ...parts, body: await new Response(parts.body).arrayBuffer() } : parts;
  }
  const real = request as Request;
  return { url, method, headers, signal, body: real.body ? await real.arrayBuffer() : null, init: { redirect: real.redirect } };
}
