import type { AuthStrategy } from "./strategy.ts";

/**
 * A static key sent in a header on every call: `Authorization: <key>` for SegMetrics,
 * `x-api-key: <key>` for Segmenter. `prefix` is prepended as-is (`"Bearer "`, or nothing).
 */
export function headerKeyAuth(options: { header: string; key: string; prefix?: string }): AuthStrategy {
  const value = `${options.prefix ?? ""}${options.key}`;
  return {
    headers: () => ({ [options.header]: value }),
    secrets: () => [options.key],
  };
}
