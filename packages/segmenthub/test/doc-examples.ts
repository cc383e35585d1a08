// The vendor docs' own examples, read from the spec they were copied into, so the tests replay
// exactly what the docs show (and fail if the spec's examples drift from the client's types).
import { readFileSync } from "node:fs";
import { parse } from "yaml";

type Node = Record<string, unknown>;

const spec = parse(readFileSync(new URL("../../../specs/segmenthub.yaml", import.meta.url), "utf8")) as Node;

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
  throw new Error(`no operation ${operationId} in specs/segmenthub.yaml`);
}

function exampleValue(content: Node, name: string, where: string): unknown {
  const example = (content.examples as Node | undefined)?.[name];
  if (!example) throw new Error(`no example ${name} at ${where}`);
  return resolve(example).value;
}

/** The JSON request body example `name` of an operation. */
export function requestExample<T = unknown>(operationId: string, name: string): T {
  const body = resolve(operation(operationId).requestBody);
  return exampleValue((body.content as Node)["application/json"] as Node, name, `${operationId} request`) as T;
}

/** The JSON response example `name` of an operation's `status` response. */
export function responseExample<T = unknown>(operationId: string, status: string, name: string): T {
  const response = resolve((operation(operationId).responses as Node)[status]);
  return exampleValue((response.content as Node)["application/json"] as Node, name, `${operationId} ${status}`) as T;
}
