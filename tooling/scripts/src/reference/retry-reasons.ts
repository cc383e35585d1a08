// Why each operation is or is not safe to retry. specs/README.md asks for the reason in a comment
// beside `x-seg-idempotent`; the reference shows it, so it is read from the YAML's comments.
import { isMap, isScalar, parseDocument } from "yaml";
import { METHODS } from "@seg/spec";

const keyOf = (node: unknown): string | undefined => (isScalar(node) ? String(node.value) : undefined);

/** "Decision: not idempotent: every call creates …" → "Every call creates …". */
function sentence(comment: string): string {
  const text = comment
    .split("\n")
    .map((line) => line.trim())
    .join(" ")
    .replace(/^Decision:\s*/i, "")
    .replace(/^(true|false)\.\s*/i, "")
    .replace(/^(not )?idempotent:\s*/i, "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The comment above each operation's `x-seg-idempotent`, by "METHOD /path". */
export function retryReasons(source: string): Record<string, string> {
  const paths = parseDocument(source).get("paths");
  const reasons: Record<string, string> = {};
  if (!isMap(paths)) return reasons;
  for (const { key: pathKey, value: item } of paths.items) {
    const path = keyOf(pathKey);
    if (path === undefined || !isMap(item)) continue;
    for (const { key: methodKey, value: operation } of item.items) {
      const method = keyOf(methodKey);
      if (!method || !(METHODS as readonly string[]).includes(method) || !isMap(operation)) continue;
      const index = operation.items.findIndex((p) => keyOf(p.key) === "x-seg-idempotent");
      const key = operation.items[index]?.key;
      // A comment above a map's first key belongs to the map itself.
      const comment = (isScalar(key) ? key.commentBefore : undefined) ?? (index === 0 ? operation.commentBefore : undefined);
      if (comment) reasons[`${method.toUpperCase()} ${path}`] = sentence(comment);
    }
  }
  return reasons;
}
