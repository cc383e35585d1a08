// The answer of an operation no module handles: its documented success, straight from the spec —
// the example for the success status (the media type's `example` or first of `examples`, else the
// schema's), else a value built from the schema; an empty body when the status documents none.
// Whatever is served is first checked against the response schema: an example that violates its
// own schema is a 500 naming the problems, never a silent wrong answer.
import { isJsonMedia } from "@seg/spec";
import type { SpecOperation, VendorSpec } from "../../openapi/vendor-spec.ts";
import type { Reply } from "../../reply.ts";
import { schemaInstance } from "./schema-instance.ts";

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === "object" && value !== null && !Array.isArray(value);

/** A documented success: what the spec says the operation answers, and where that came from. */
export interface DocumentedSuccess {
  status: number;
  /** Absent for a status the spec documents without a body. */
  body?: unknown;
  /** The media type the body is served as (`application/json`, else the spec's first: `text/csv`, …). */
  contentType?: string;
  from: "example" | "schema" | "no body";
}

/** The lowest documented 2xx status (`2XX` counts as 200) and its response object. */
function successResponse(operation: SpecOperation): { status: number; response: Node } | undefined {
  const responses = (operation.raw as unknown as { responses?: Record<string, unknown> }).responses ?? {};
  const statuses = Object.keys(responses)
    .map((key) => ({ key, status: key.toUpperCase() === "2XX" ? 200 : Number(key) }))
    .filter(({ status }) => status >= 200 && status < 300)
    .sort((a, b) => a.status - b.status);
  const first = statuses[0];
  const response = first ? responses[first.key] : undefined;
  return first && isNode(response) ? { status: first.status, response } : undefined;
}

function exampleOf(media: Node): { value: unknown } | undefined {
  if (media.example !== undefined) return { value: media.example };
  const named = isNode(media.examples) ? Object.values(media.examples).find((example) => isNode(example) && "value" in example) : undefined;
  if (isNode(named)) return { value: named.value };
  const schema = media.schema;
  if (isNode(schema) && Array.isArray(schema.examples) && schema.examples.length > 0) return { value: schema.examples[0] };
  if (isNode(schema) && schema.example !== undefined) return { value: schema.example };
  return undefined;
}

/** What the spec documents as the operation's success; undefined when it has neither example nor schema. */
export function documentedSuccess(operation: SpecOperation): DocumentedSuccess | undefined {
  const success = successResponse(operation);
  if (!success) return undefined;
  const content = isNode(success.response.content) ? success.response.content : {};
  if (Object.keys(content).length === 0) return { status: success.status, from: "no body" };
  const contentType = "application/json" in content ? "application/json" : (Object.keys(content)[0] ?? "application/json");
  const media = content[contentType];
  if (!isNode(media)) return undefined;
  const example = exampleOf(media);
  if (example) return { status: success.status, body: example.value, contentType, from: "example" };
  const built = schemaInstance(media.schema);
  return built === undefined ? undefined : { status: success.status, body: built, contentType, from: "schema" };
}

/** Problems of an operation's documented success against its own response schema (none when it conforms). */
export function successProblems(spec: VendorSpec, operation: SpecOperation): string[] {
  const success = documentedSuccess(operation);
  if (!success) return [`${operation.operationId} documents no success status with an example or a schema`];
  if (success.from === "no body") return [];
  return spec.validateResponse(operation.operationId, success.status, success.body);
}

/** The reply for an operation without a handler (computed once per operation). */
export function specAnswer(spec: VendorSpec, operation: SpecOperation): Reply {
  const success = documentedSuccess(operation);
  if (!success) {
    return { status: 501, body: { error: "Not Implemented", message: `${operation.operationId}: the spec documents no success example or schema to answer from` } };
  }
  const problems = successProblems(spec, operation);
  if (problems.length > 0) {
    return { status: 500, body: { error: "the spec's example violates its own response schema", operationId: operation.operationId, problems } };
  }
  if (success.body === undefined) return { status: success.status };
  // A body the spec does not document as JSON (a CSV, a text) is served as its media type, as it is.
  const headers = success.contentType && !isJsonMedia(success.contentType) ? { headers: { "content-type": success.contentType } } : {};
  return { status: success.status, body: structuredClone(success.body), ...headers };
}
