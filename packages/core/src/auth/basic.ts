import { SegConfigError } from "../errors.ts";
import type { AuthStrategy } from "./strategy.ts";

/**
 * HTTP Basic credentials (`Authorization: Basic base64(username:password)`), e.g. for Segmint's
 * token exchange. The pair is encoded as UTF-8 first (RFC 7617's `charset="UTF-8"`), so
 * a password outside Latin-1 works where a bare `btoa()` would throw.
 */
export function basicAuth(username: string, password: string): AuthStrategy {
  // RFC 7617: the user-id cannot hold a colon; the server would split the pair elsewhere.
  if (username.includes(":")) throw new SegConfigError("username", "must not contain ':' (HTTP Basic credentials split at the first one)");
  const encoded = base64Utf8(`${username}:${password}`);
  const header = `Basic ${encoded}`;
  return {
    headers: () => ({ Authorization: header }),
    headerNames: ["authorization"],
    // The encoded pair too: it is what travels, and a proxy may echo it back.
    secrets: () => [username, password, encoded],
  };
}

/** Base64 of the UTF-8 bytes of `text`; runs wherever `TextEncoder` and `btoa` exist. */
function base64Utf8(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
