// What an operation documents beyond its shape: its responses by status (content type, schema,
// examples) and the examples of its request body and parameters. The tests replay these, and the
// conformance runner answers every documented status with them.
import { deref, isObject, type Json, type SpecOperation } from "./walk.ts";

export interface DocumentedResponse {
  /** As the spec writes it: `"200"`, `"5XX"`, `"default"`. */
  status: string;
  /** The response's first media type (`application/json`, `*\/*`), undefined without content. */
  contentType: string | undefined;
  /** The schema of that media type, as written (maybe a `$ref`). */
  schema: unknown;
  /** Its examples by name (`examples.<name>.value`, `$ref`s followed; a lone `example` is `"example"`). */
  examples: Record<string, unknown>;
}

/** The named example values of a media type or parameter object, in the spec's order. */
export function examplesOf(doc: Json, holder: unknown): Record<string, unknown> {
  const node = deref(doc, holder);
  if (!isObject(node)) return {};
  const found: Record<string, unknown> = {};
  if (isObject(node.examples)) {
    for (const [name, example] of Object.entries(node.examples)) {
      const resolved = deref(doc, example);
      if (isObject(resolved) && "value" in resolved) found[name] = resolved.value;
    }
  }
  if (node.example !== undefined) found.example = node.example;
  return found;
}

/** Every response an operation documents, in the spec's order. */
export function documentedResponses(doc: Json, operation: SpecOperation): DocumentedResponse[] {
  const responses = isObject(operation.operation.responses) ? operation.operation.responses : {};
  return Object.entries(responses).map(([status, raw]) => {
    const response = deref(doc, raw);
    const content = isObject(response) && isObject(response.content) ? response.content : {};
    const [contentType] = Object.keys(content);
    const media = contentType === undefined ? undefined : deref(doc, content[contentType]);
    return {
      status,
      contentType,
      schema: isObject(media) ? media.schema : undefined,
      examples: examplesOf(doc, media),
    };
  });
}

/** The examples of the request body the client sends (its JSON, else its form) by name, in the spec's order. */
export function requestExamples(doc: Json, operation: SpecOperation): Record<string, unknown> {
  const content = operation.requestBody?.content;
  return isObject(content) && operation.body ? examplesOf(doc, content[operation.body.mediaType]) : {};
}

