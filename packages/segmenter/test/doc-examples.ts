// The vendor docs' own examples, read from the spec they were copied into, so the tests replay
// exactly what the docs show (and fail if the spec's examples drift from the client's types).
import { readFileSync } from "node:fs";
import { parse } from "yaml";

type Node = Record<string, unknown>;

const spec = parse(readFileSync(new URL("../../../specs/segmenter.yaml", import.meta.url), "utf8")) as Node;

function resolve(node: unknown): Node {
  const ref = (node as Node).$ref;
  if (typeof ref !== "string") return node as Node;
  return resolve(ref.slice(2).split("/").reduce<unknown>((at, key) => (at as Node)[key], spec));
}

function operation(operationId: string): Node {
  for (const item of Object.values(spec.paths as Node)) {
    for (const op of Object.values(item as Node)) {
      if ((op as Node | undefined)?.operationId === operationId) return op as Node;
    }
  }
  throw new Error(`no operation ${operationId} in specs/segmenter.yaml`);
}

function examplesOf(content: Node): Node {
  return (content.examples as Node | undefined) ?? {};
}

function exampleValue(content: Node, name: string, where: string): unknown {
  const example = examplesOf(content)[name];
  if (!example) throw new Error(`no example ${name} at ${where}`);
  return resolve(example).value;
}

function requestContent(operationId: string): Node {
  return (resolve(operation(operationId).requestBody).content as Node)["application/json"] as Node;
}

/** The JSON request body example `name` of an operation. */
export function requestExample<T = unknown>(operationId: string, name: string): T {
  return exampleValue(requestContent(operationId), name, `${operationId} request`) as T;
}

/** The names of every JSON request body example of an operation, in the spec's order. */
export function requestExampleNames(operationId: string): string[] {
  return Object.keys(examplesOf(requestContent(operationId)));
}

/** The JSON response example `name` of an operation's `status` response. */
export function responseExample<T = unknown>(operationId: string, status: string, name: string): T {
  const response = resolve((operation(operationId).responses as Node)[status]);
  return exampleValue((response.content as Node)["application/json"] as Node, name, `${operationId} ${status}`) as T;
}

/** Every example of a schema property (`examples: [...]`), e.g. the docs' persons fragment. */
export function propertyExamples<T = unknown>(schema: string, property: string): T[] {
  const schemas = (spec.components as Node).schemas as Node;
  const properties = (schemas[schema] as Node).properties as Node;
  const examples = (properties[property] as Node).examples;
  if (!Array.isArray(examples) || examples.length === 0) throw new Error(`no examples on ${schema}.${property}`);
  return examples as T[];
}
