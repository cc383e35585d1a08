// Reading a token exchange's answer, the same way for every vendor whose client obtains its own
// bearer token: OAuth's `access_token` (or a bare `token`) and, when stated, its lifetime.
import { SegError } from "../errors.ts";
import type { ExchangedToken } from "./token-exchange.ts";

/**
 * The token and its lifetime from a token response's text. `access_token` is OAuth's key and `token`
 * what some vendors use; `expires_in` / `expiresIn` (seconds, a number or a numeric string) give the
 * lifetime, and when neither is a positive number the configured TTL applies. Read from text so a
 * parse error can never quote the body: it is the token. `what` names the call in the error
 * (`segmint createToken`).
 */
export function readTokenResponse(text: unknown, status: number, what: string): ExchangedToken {
  const body = parseObject(text);
  const token = [body?.access_token, body?.token].find((value): value is string => typeof value === "string" && value.trim() !== "");
  if (token === undefined) throw new SegError(`${what} answered HTTP ${status} without "access_token" or "token"`);
  const seconds = [body?.expires_in, body?.expiresIn].map(positiveSeconds).find((value) => value !== undefined);
  return { token, expiresInMs: seconds === undefined ? undefined : seconds * 1000 };
}

function parseObject(text: unknown): Record<string, unknown> | undefined {
  try {
    const value: unknown = typeof text === "string" && text !== "" ? JSON.parse(text) : undefined;
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A lifetime in seconds, as a number or a numeric string; anything else (0, negative, junk) is "none". */
function positiveSeconds(value: unknown): number | undefined {
  const seconds = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof seconds === "number" && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}
