// Where the client runs, as far as core's behaviour depends on it. Read from globals at call time
// (no Node or DOM types: src/ is type-checked without them).

/**
 * True in a web page or a browser's worker: a `document` (a page), or `importScripts` (a worker).
 * Node, Deno, Bun and Cloudflare's workerd define neither.
 */
export function isBrowser(): boolean {
  const scope = globalThis as { document?: unknown; importScripts?: unknown };
  return typeof scope.document === "object" || typeof scope.importScripts === "function";
}
