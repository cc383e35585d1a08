// The vendor docs' own examples, read from the spec they were copied into (`specs/<vendor>.yaml`)
// through @seg/spec, so each vendor's tests replay exactly what the docs show, and fail if the
// spec's examples drift from the client's types.
import { documentedResponses, examplesOf, isObject, readSpec, requestExamples, specOperations, type Json, type SpecOperation } from "@seg/spec";

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
  const doc = readSpec(vendor);
  const { operations } = specOperations(doc);

  const operation = (operationId: string): SpecOperation => {
    const found = operations.find((op) => op.operationId === operationId);
    if (!found) throw new Error(`no operation ${operationId} in ${file}`);
    return found;
  };

  const named = (examples: Record<string, unknown>, name: string, where: string): unknown => {
    if (!(name in examples)) throw new Error(`no example ${name} at ${where} in ${file}`);
    return examples[name];
  };

  return {
    requestExample: <T>(operationId: string, name: string) => named(requestExamples(doc, operation(operationId)), name, `${operationId} request`) as T,
    requestExampleNames: (operationId) => Object.keys(requestExamples(doc, operation(operationId))),
    responseExample: <T>(operationId: string, status: string, name: string) => {
      const response = documentedResponses(doc, operation(operationId)).find((candidate) => candidate.status === status);
      return named(response?.examples ?? {}, name, `${operationId} ${status}`) as T;
    },
    parameterExample: <T>(operationId: string, parameter: string, name: string) => {
      const found = operation(operationId).parameters.find((p) => p.name === parameter);
      if (!found) throw new Error(`no parameter ${parameter} on ${operationId} in ${file}`);
      return named(examplesOf(doc, found), name, `${operationId} ${parameter}`) as T;
    },
    propertyExamples: <T>(schema: string, property: string) => {
      const schemas = isObject(doc.components) && isObject(doc.components.schemas) ? doc.components.schemas : {};
      const properties = (schemas[schema] as Json | undefined)?.properties;
      const examples = isObject(properties) ? (properties[property] as Json | undefined)?.examples : undefined;
      if (!Array.isArray(examples) || examples.length === 0) throw new Error(`no examples on ${schema}.${property} in ${file}`);
      return examples as T[];
    },
    documentedStatuses: (operationId) => documentedResponses(doc, operation(operationId)).map((response) => response.status),
  };
}
