// packages/<vendor>/API.md: every operation of the vendor's spec — method, host, path, parameters,
// body fields with their types and whether they are required, documented responses and errors,
// retry safety, and one example call in the client's syntax.
import { deref, isObject, serverEnvironments, type Json, type SpecOperation } from "@seg/spec";
import { exampleCall } from "./example-call.ts";
import { anchor, cell, code, prose, table } from "./markdown.ts";
import { bodyVariants, fieldRows, typeText } from "./schema-text.ts";
import type { VendorPackage } from "./vendors.ts";

export interface SpecFacts {
  doc: Json;
  servers: Record<string, string>;
  operations: SpecOperation[];
  /** The comment beside each operation's `x-seg-idempotent`, by "METHOD /path". */
  retryReasons: Record<string, string>;
}

/** Which credentials an operation sends, from its security requirement and the spec's schemes. */
export function authText(doc: Json, op: SpecOperation): string {
  const security = op.operation.security ?? doc.security;
  if (!Array.isArray(security) || security.length === 0) return "none";
  const schemes = isObject(doc.components) && isObject(doc.components.securitySchemes) ? doc.components.securitySchemes : {};
  return security
    .map((requirement) =>
      Object.keys(isObject(requirement) ? requirement : {})
        .map((name) => {
          const scheme = deref(doc, schemes[name]);
          if (!isObject(scheme)) return code(name);
          if (scheme.type === "apiKey") return `${code(name)} (${String(scheme.in)} ${code(String(scheme.name))})`;
          if (scheme.type === "http") return `${code(name)} (HTTP ${String(scheme.scheme)})`;
          return `${code(name)} (${String(scheme.type)})`;
        })
        .join(" + ") || "none",
    )
    .join(" or ");
}

export const retrySafety = (op: SpecOperation): string => (op.idempotent ? "yes" : "no");

function parametersSection(doc: Json, op: SpecOperation): string[] {
  if (op.parameters.length === 0) return [];
  const rows = op.parameters.map((parameter) => {
    const name = String(parameter.name);
    const bound = parameter.in === "query" ? op.bind.query[name] : undefined;
    const required = bound !== undefined ? `no — the client sends its \`${bound}\`` : parameter.required === true ? "yes" : "no";
    return [code(name), String(parameter.in), code(typeText(doc, parameter.schema)), required, cell(prose(parameter.description) ?? "")];
  });
  return ["**Parameters**", "", table(["name", "in", "type", "required", "description"], rows)];
}

function bodySection(doc: Json, op: SpecOperation): string[] {
  const content = op.requestBody?.content;
  if (!isObject(content)) return [];
  const required = op.requestBody?.required === true ? "required" : "optional";
  const lines: string[] = [];
  for (const [mediaType, media] of Object.entries(content)) {
    const schema = isObject(media) ? media.schema : undefined;
    const variants = bodyVariants(doc, schema);
    const bound = mediaType === "application/json" ? op.bind.body : {};
    const shape = variants.length > 1 ? `one of ${variants.map((v) => code(v.name ?? "object")).join(", ")}` : code(typeText(doc, schema));
    lines.push(`**Body** (${code(mediaType)}, ${required}): ${shape}`, "");
    const description = prose(op.requestBody?.description);
    if (description) lines.push(description, "");
    for (const variant of variants) {
      if (variants.length > 1) {
        const about = prose((deref(doc, variant.schema) as Json | undefined)?.description);
        lines.push(`${code(variant.name ?? "object")}${about ? ` — ${about}` : ""}`, "");
      }
      const rows = fieldRows(doc, variant.schema, bound).map((row) => [code(row.name), code(row.type), row.required, cell(row.description ?? "")]);
      if (rows.length > 0) lines.push(table(["field", "type", "required", "description"], rows), "");
    }
  }
  return lines.slice(0, -1);
}

function responsesSection(doc: Json, op: SpecOperation): string[] {
  const responses = isObject(op.operation.responses) ? op.operation.responses : {};
  const rows = Object.entries(responses).map(([status, raw]) => {
    const response = deref(doc, raw) as Json;
    const content = isObject(response.content) ? response.content : {};
    const bodies = Object.entries(content).map(([mediaType, media]) =>
      `${code(typeText(doc, isObject(media) ? media.schema : undefined))}${mediaType === "application/json" ? "" : ` (${mediaType})`}`,
    );
    return [code(status), bodies.join(", ") || "no body", cell(prose(response.description) ?? "")];
  });
  return ["**Responses**", "", table(["status", "body", "description"], rows)];
}

function operationSection(facts: SpecFacts, op: SpecOperation, pkg: VendorPackage): string {
  const { doc } = facts;
  const summary = prose(op.operation.summary);
  const reason = facts.retryReasons[op.where];
  const call = exampleCall(doc, op, pkg.vendor);
  const lines = [
    `## ${op.operationId}`,
    "",
    [summary ? `**${summary}**` : undefined, code(op.where), `host ${code(op.host)}`, `auth: ${authText(doc, op)}`].filter(Boolean).join(" · "),
    "",
  ];
  const description = prose(op.operation.description);
  if (description) lines.push(description, "");
  lines.push(
    `**Retry safety** (\`x-seg-idempotent: ${String(op.idempotent)}\`): ${
      op.idempotent ? "retried automatically on failures worth retrying" : "never retried automatically (pass `retry: true` per call to opt in)"
    }${reason ? `. ${reason}` : "."}`,
    "",
  );
  for (const section of [parametersSection(doc, op), bodySection(doc, op), responsesSection(doc, op)]) {
    if (section.length > 0) lines.push(...section, "");
  }
  lines.push("**Example**", "");
  lines.push(
    call === undefined
      ? `None: the client makes this call itself (\`x-seg-called-by-client\`), so it is not among \`${pkg.name}\`'s typed paths.`
      : ["```ts", call, "```"].join("\n"),
  );
  return lines.join("\n");
}

/** The spec's environments (`x-seg-environment`), when it names any: what `environment` picks. */
function environmentsSection(doc: Json): string[] {
  const environments = Object.entries(serverEnvironments(doc));
  if (environments.length === 0) return [];
  const hosts = Object.keys(environments[0]?.[1] ?? {});
  return [
    "## Environments",
    "",
    `The client's \`environment\` option picks one; the first, \`${environments[0]?.[0] ?? ""}\`, is the default.`,
    "",
    table(["environment", ...hosts.map((host) => `${host} URL`)], environments.map(([name, urls]) => [code(name), ...hosts.map((host) => code(urls[host] ?? ""))])),
    "",
  ];
}

export function apiMarkdown(facts: SpecFacts, pkg: VendorPackage): string {
  const { doc, servers, operations } = facts;
  const info = isObject(doc.info) ? doc.info : {};
  const title = typeof info.title === "string" ? info.title : pkg.vendor;
  const about = prose(info.summary);
  const index = operations.map((op) => [
    `[${code(op.operationId)}](#${anchor(op.operationId)})`,
    op.method.toUpperCase(),
    code(op.path),
    cell(prose(op.operation.summary) ?? ""),
  ]);
  return [
    `<!-- Generated from ${pkg.spec} by \`pnpm generate\`: do not edit by hand. -->`,
    `# ${pkg.name} API reference`,
    "",
    `${title}${about ? `: ${about}` : "."} Every operation of [\`${pkg.spec}\`](../../${pkg.spec}), as \`${pkg.name}\` calls it.`,
    "The examples use a client created once:",
    "",
    "```ts",
    `import { ${pkg.factory}, unwrap } from "${pkg.name}";`,
    "",
    `const ${pkg.vendor} = ${pkg.factory}({ /* options: see README.md */ });`,
    "```",
    "",
    "Each call resolves to openapi-fetch's `{ data, error, response }`; `unwrap(result)` returns `data` or throws a `SegApiError`.",
    "",
    "## Hosts",
    "",
    table(["host", "URL"], Object.entries(servers).map(([host, url]) => [code(host), code(url)])),
    "",
    ...environmentsSection(doc),
    "## Operations",
    "",
    table(["operationId", "method", "path", "summary"], index),
    "",
    ...operations.map((op) => `${operationSection(facts, op, pkg)}\n`),
  ].join("\n");
}
