// The vendor docs' own examples, read from the spec they were copied into (`specs/<vendor>.yaml`),
// so each vendor's tests replay exactly what the docs show, and fail if the spec's examples drift
// from the client's types.
import { readFileSync } from "node:fs";
import { parse } from "yaml";

type Node = Record<string, unknown>;

export interface SpecExamples {
  /** The JSON request body example `name` of an operation. */
  requestExample: <T = unknown>(operationId: string, name: string) => T;
  /** The names of every JSON request body example of an operation, in the spec's order. */
  requestExampleNames: (operationId: string) => string[];
  /** The JSON response example `name` of an operation's `status` response. */
  responseExample: <T = unknown>(operationId: string, status: string, name: string) => T;
  /** The example `name` of an operation's parameter `parameter`. */
  parameterExample: <T = unknown>(operationId: string, parameter: string, name: string) => T;
  /** Every example of a schema property (`examples: [...]`). */
  propertyExamples: <T = unknown>(schema: string, property: string) => T[];
  /** The statuses the spec documents for an operation (`"200"`, `"5XX"`, …). */
  documentedStatuses: (operationId: string) => string[];
}

export function specExamples(vendor: string): SpecExamples {
  const file = `specs/${vendor}.yaml`;
  const spec = parse(readFileSync(new URL(`../../../${file}`, import.meta.url), "utf8")) as Node;

  const resolve = (node: unknown): Node => {
    const ref = (node as Node).$ref;
    if (typeof ref !== "string") return node as Node;
    return resolve(ref.slice(2).split("/").reduce<unknown>((at, key) => (at as Node)[key], spec));
  };

  const operation = (operationId: string): Node => {
    for (const item of Object.values(spec.paths as Node)) {
      for (const op of Object.values(item as Node)) {
        if ((op as Node | undefined)?.operationId === operationId) return op as Node;
      }
    }
    throw new Error(`no operation ${operationId} in ${file}`);
  };

  const examplesOf = (holder: Node): Node => (holder.examples as Node | undefined) ?? {};

  const exampleValue = (holder: Node, name: string, where: string): unknown => {
    const example = examplesOf(holder)[name];
    if (!example) throw new Error(`no example ${name} at ${where} in ${file}`);
    return resolve(example).value;
  };

  const requestContent = (operationId: string): Node =>
    (resolve(operation(operationId).requestBody).content as Node)["application/json"] as Node;

  return {
    requestExample: <T>(operationId: string, name: string) => exampleValue(requestContent(operationId), name, `${operationId} request`) as T,
    requestExampleNames: (operationId) => Object.keys(examplesOf(requestContent(operationId))),
    responseExample: <T>(operationId: string, status: string, name: string) => {
      const response = resolve((operation(operationId).responses as Node)[status]);
      return exampleValue((response.content as Node)["application/json"] as Node, name, `${operationId} ${status}`) as T;
    },
    parameterExample: <T>(operationId: string, parameter: string, name: string) => {
      const found = (operation(operationId).parameters as unknown[]).map(resolve).find((p) => p.name === parameter);
      if (!found) throw new Error(`no parameter ${parameter} on ${operationId} in ${file}`);
      return exampleValue(found, name, `${operationId} ${parameter}`) as T;
    },
    propertyExamples: <T>(schema: string, property: string) => {
      const properties = (((spec.components as Node).schemas as Node)[schema] as Node).properties as Node;
      const examples = (properties[property] as Node).examples;
      if (!Array.isArray(examples) || examples.length === 0) throw new Error(`no examples on ${schema}.${property} in ${file}`);
      return examples as T[];
    },
    documentedStatuses: (operationId) => Object.keys(operation(operationId).responses as Node),
  };
}
