// Inlines every local `$ref` of an OpenAPI document as a fresh copy, so the validator sees plain
// trees. openapi-backend's own dereferencing shares one object between all the places that refer
// to it, and its cycle breaker then rewrites the second occurrence of a shared array (e.g. the
// `type: [integer, string]` of a reused schema) into a `$ref` object, which Ajv rejects.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Keywords that only annotate: dropped when they sit beside a `$ref` (the target carries its own). */
const ANNOTATIONS = new Set(["description", "summary", "title", "examples", "example", "deprecated"]);

export function dereference<T>(document: T): T {
  const root = document as Json;
  const resolve = (pointer: string): Json => {
    if (!pointer.startsWith("#/")) throw new Error(`only local $refs are supported, got ${pointer}`);
    return pointer
      .slice(2)
      .split("/")
      .map((part) => decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~"))
      .reduce<Json>((node, key) => {
        if (node === null || typeof node !== "object" || !(key in node)) throw new Error(`unresolvable $ref ${pointer}`);
        return (node as Record<string, Json>)[key] as Json;
      }, root);
  };
  const walk = (node: Json, seen: readonly string[]): Json => {
    if (Array.isArray(node)) return node.map((item) => walk(item, seen));
    if (node === null || typeof node !== "object") return node;
    const { $ref, ...rest } = node;
    if (typeof $ref === "string") {
      if (seen.includes($ref)) throw new Error(`circular $ref ${$ref} is not supported`);
      const target = walk(resolve($ref), [...seen, $ref]);
      const siblings = Object.entries(rest).filter(([key]) => !ANNOTATIONS.has(key) && !key.startsWith("x-"));
      // A constraint beside a $ref applies in addition to the target (OpenAPI 3.1 / JSON Schema 2020-12).
      return siblings.length === 0 ? target : { allOf: [target, walk(Object.fromEntries(siblings), seen)] };
    }
    return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, walk(value, seen)]));
  };
  return walk(root, []) as T;
}
