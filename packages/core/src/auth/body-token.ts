import type { AuthStrategy } from "./strategy.ts";

/**
 * A token carried in the JSON body rather than a header (SegmentHub). The client writes it into
 * every body property the spec binds to `field` with `x-seg-bind`.
 */
export function bodyTokenAuth(options: { field: string; token: string }): AuthStrategy {
  return {
    bodyFields: { [options.field]: options.token },
    secrets: () => [options.token],
  };
}
