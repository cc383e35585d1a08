// The Segmint document's own examples, read from the spec they were copied into, so the tests
// replay exactly what the docs show (grant_type=token, the access_token key, /campaigns/1234).
import { readFileSync } from "node:fs";
import { parse } from "yaml";

type Node = Record<string, unknown>;

const spec = parse(readFileSync(new URL("../../../specs/segmint.yaml", import.meta.url), "utf8")) as Node;

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
  throw new Error(`no operation ${operationId} in specs/segmint.yaml`);
}

function exampleValue(holder: Node, name: string, where: string): unknown {
  const example = (holder.examples as Node | undefined)?.[name];
  if (!example) throw new Error(`no example ${name} at ${where}`);
  return resolve(example).value;
}

/** The example `name` of an operation's parameter `parameter`. */
export function parameterExample<T = unknown>(operationId: string, parameter: string, name: string): T {
  const found = (operation(operationId).parameters as unknown[]).map(resolve).find((p) => p.name === parameter);
  if (!found) throw new Error(`no parameter ${parameter} on ${operationId}`);
  return exampleValue(found, name, `${operationId} ${parameter}`) as T;
}

/** The JSON response example `name` of an operation's `status` response. */
export function responseExample<T = unknown>(operationId: string, status: string, name: string): T {
  const response = resolve((operation(operationId).responses as Node)[status]);
  return exampleValue((response.content as Node)["application/json"] as Node, name, `${operationId} ${status}`) as T;
}

/** The statuses the spec documents for an operation (`"200"`, `"5XX"`, …). */
export function documentedStatuses(operationId: string): string[] {
  return Object.keys(operation(operationId).responses as Node);
}
