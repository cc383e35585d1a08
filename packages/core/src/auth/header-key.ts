import { checkHeaderValue } from "../header-values.ts";
import type { AuthStrategy } from "./strategy.ts";

/**
 * A static key sent in a header on every call: `Authorization: <key>` for SegMetrics,
 * `x-api-key: <key>` for Segmenter. `prefix` is prepended as-is (`"Bearer "`, or nothing).
 */
export function headerKeyAuth(options: { header: string; key: string; prefix?: string }): AuthStrategy {
  const value = checkHeaderValue(`${options.prefix ?? ""}${options.key}`, options.header);
  return {
    headers: () => ({ [options.header]: value }),
    headerNames: [options.header.toLowerCase()],
    secrets: () => [options.key],
  };
}
