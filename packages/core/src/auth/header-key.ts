import { checkHeaderValue } from "../header-values.ts";
import type { AuthStrategy } from "./strategy.ts";

/**
 * A static key sent in a header on every call: `Authorization: <key>` for SegMetrics,
 * `x-api-key: <key>` for Segmenter. `prefix` is prepended as-is (`"Bearer "`, or nothing); `field`
 * names the option a refused key came from.
 */
export function headerKeyAuth(options: { header: string; key: string; prefix?: string; field?: string }): AuthStrategy {
  // At construction: a key no header can carry would otherwise fail every call.
  const value = checkHeaderValue(`${options.prefix ?? ""}${options.key}`, options.field ?? options.header);
  const sent = Object.freeze({ [options.header]: value }); // the same every attempt: nothing to build
  return {
    headers: () => sent,
    headerNames: [options.header.toLowerCase()],
    secrets: () => [options.key],
  };
}
