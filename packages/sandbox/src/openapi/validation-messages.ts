// Ajv's errors, turned into short sentences that name the field, for the vendors' error bodies:
// `missing 'email' field`, `'tags[1]' must be integer`, `unknown field 'bogus'`.
import type { ErrorObject } from "ajv";

/** `/requestBody/items/0/name` → `items[0].name`; `/query/limit` → `query parameter 'limit'`. */
function where(instancePath: string, child?: string): string {
  const parts = instancePath.split("/").slice(1).map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (child !== undefined) parts.push(child);
  const [section = "", ...rest] = parts;
  const field = rest.reduce((text, part) => (/^\d+$/.test(part) ? `${text}[${part}]` : text ? `${text}.${part}` : part), "");
  switch (section) {
    case "query":
      return field ? `query parameter '${field}'` : "query string";
    case "path":
      return field ? `path parameter '${field}'` : "path";
    case "header":
      return field ? `header '${field}'` : "headers";
    default:
      return field ? `'${field}'` : "body";
  }
}

function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case "required": {
      const missing = String(params.missingProperty);
      const at = where(error.instancePath, missing);
      return at.startsWith("'") ? `missing ${at} field` : `missing ${at}`;
    }
    case "unevaluatedProperties":
      return `unknown field ${where(error.instancePath, String(params.unevaluatedProperty))}`;
    case "additionalProperties":
      return `unknown ${where(error.instancePath, String(params.additionalProperty)).replace(/^'/, "field '")}`;
    case "enum":
      return `${where(error.instancePath)} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`;
    case "const":
      return `${where(error.instancePath)} must be ${JSON.stringify(params.allowedValue)}`;
    case "parse":
      return `body is not valid JSON: ${error.message ?? ""}`;
    default:
      return `${where(error.instancePath)} ${error.message ?? "is invalid"}`;
  }
}

/**
 * One message per problem. The errors of the branches of an `anyOf`/`oneOf` are folded into the
 * message for the composition itself, so a body gets "missing 'contact_id' or 'email' field" rather
 * than one line per branch.
 */
export function validationMessages(errors: readonly ErrorObject[]): string[] {
  const compositions = errors.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf");
  const branchOf = (e: ErrorObject): ErrorObject | undefined =>
    compositions.find((c) => c !== e && e.schemaPath.startsWith(`${c.schemaPath}/`));
  const messages = errors.flatMap((error) => {
    if (branchOf(error)) return [];
    if (error.keyword !== "anyOf" && error.keyword !== "oneOf") return [describe(error)];
    const branches = errors.filter((e) => e.schemaPath.startsWith(`${error.schemaPath}/`));
    const missing = branches.filter((e) => e.keyword === "required" && e.instancePath === error.instancePath);
    if (missing.length > 0 && missing.length === branches.length) {
      const names = missing.map((e) => where(e.instancePath, String((e.params as Record<string, unknown>).missingProperty)));
      return [`missing ${names.join(" or ")} field`];
    }
    if ((error.params as Record<string, unknown>).passingSchemas) {
      return [`${where(error.instancePath)} matches more than one documented shape`];
    }
    // A branch whose discriminating `const` on a property (or whose `not`) matched is the shape the caller meant:
    // report only its problems (a purchase event without `orderId` gets "missing 'orderId' field").
    const byBranch = new Map<string, ErrorObject[]>();
    for (const e of branches) {
      const branch = e.schemaPath.slice(error.schemaPath.length + 1).split("/")[0] ?? "";
      byBranch.set(branch, [...(byBranch.get(branch) ?? []), e]);
    }
    const discriminatedOut = (e: ErrorObject): boolean =>
      e.keyword === "not" || (e.keyword === "const" && e.instancePath !== error.instancePath);
    const meant = [...byBranch.values()].filter((list) => !list.some(discriminatedOut));
    if (meant.length === 1 && meant[0]) return [...new Set(meant[0].map(describe))];
    const reasons = [...new Set(branches.map(describe))];
    return [`${where(error.instancePath)} does not match any documented shape${reasons.length ? ` (${reasons.join("; ")})` : ""}`];
  });
  return [...new Set(messages)];
}
