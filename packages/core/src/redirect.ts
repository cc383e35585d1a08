// Redirects, followed by the transport itself (fetch runs with `redirect: "manual"`): the platform
// would resend every header but `Authorization`, and any body-bound token, to wherever a server
// points. Only the configured origin ever receives credentials, so only redirects within it are
// followed, with the Fetch standard's rules for method and body; any other is a typed error.
import { SegRedirectError, type CallContext } from "./errors.ts";
import type { Redactor } from "./redact.ts";

const MAX_HOPS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Headers that describe a body, dropped with it (Fetch: "request-body-header name"). */
const BODY_HEADERS = ["content-type", "content-encoding", "content-language", "content-location", "content-length"];

/** A redirect status, or the opaque redirect a browser returns for `redirect: "manual"`. */
export const isRedirect = (response: Response): boolean =>
  REDIRECTS.has(response.status) || (response.status === 0 && response.type === "opaqueredirect");

/** Follows same-origin redirects from `response`; refuses the first that leaves the origin. */
export async function follow(
  first: Response,
  from: string,
  init: RequestInit,
  fetchOnce: (url: string, init: RequestInit) => Promise<Response>,
  context: () => CallContext,
  redactor: Redactor,
): Promise<Response> {
  const origin = new URL(from).origin;
  let response = first;
  let url = from;
  let next = init;
  for (let hop = 1; isRedirect(response); hop++) {
    const refuse = (target: string, reason: string): SegRedirectError =>
      new SegRedirectError({ ...context(), status: response.status, target: redactor.text(target), reason });
    if (response.type === "opaqueredirect") throw refuse("", "this runtime hides where redirects go, so none is followed");
    const location = response.headers.get("location");
    if (location === null) return response; // a 3xx without a Location is an answer of its own
    response.body?.cancel().catch(() => undefined);
    let target: URL;
    try {
      target = new URL(location, url);
    } catch {
      throw refuse("", "its Location is not a URL");
    }
    if (target.origin !== origin) throw refuse(target.origin, `credentials are only sent to ${redactor.text(origin)}`);
    if (hop > MAX_HOPS) throw refuse(target.origin, `more than ${MAX_HOPS} redirects`);
    const method = next.method ?? "GET";
    // Fetch: 303 turns anything but HEAD into GET; 301 and 302 turn POST into GET; 307 and 308 keep both.
    if ((response.status === 303 && method !== "HEAD") || (response.status <= 302 && method === "POST")) {
      const headers = new Headers(next.headers);
      for (const name of BODY_HEADERS) headers.delete(name);
      next = { ...next, method: "GET", body: null, headers };
    }
    url = target.href;
    response = await fetchOnce(url, next);
  }
  return response;
}
