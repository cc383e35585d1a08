// The coverage table inside each vendor README, between marker comments, so it cannot go stale:
// every operation of the spec, its host, what the client fills in, and whether it is retried.
import { anchor, cell, code, prose, table } from "./markdown.ts";
import type { SpecFacts } from "./api-md.ts";
import type { VendorPackage } from "./vendors.ts";

export const COVERAGE_START = "<!-- reference:coverage -->";
export const COVERAGE_END = "<!-- /reference:coverage -->";

export function coverageTable({ operations, doc, servers }: SpecFacts, pkg: VendorPackage): string {
  const hosts = new Set(operations.map((op) => op.host));
  const bindings = operations.some((op) => Object.keys(op.bind.query).length + Object.keys(op.bind.body).length > 0);
  const head = ["area", "operation", "method", "path", "operationId", ...(hosts.size > 1 ? ["host"] : []), ...(bindings ? ["filled in by the client"] : []), "auto-retry"];
  const rows = operations.map((op) => {
    const filled = [...Object.keys(op.bind.query), ...Object.keys(op.bind.body)];
    const byClient = op.operation["x-seg-called-by-client"] === true ? " (called by the client for you)" : "";
    return [
      cell(Array.isArray(op.operation.tags) ? op.operation.tags.join(", ") : ""),
      cell(prose(op.operation.summary) ?? ""),
      op.method.toUpperCase(),
      code(op.path),
      `[${code(op.operationId)}](API.md#${anchor(op.operationId)})${byClient}`,
      ...(hosts.size > 1 ? [code(op.host)] : []),
      ...(bindings ? [filled.map(code).join(", ") || "—"] : []),
      op.idempotent ? "yes" : "no",
    ];
  });
  const title = typeof (doc.info as { title?: unknown } | undefined)?.title === "string" ? (doc.info as { title: string }).title : pkg.vendor;
  return [
    `<!-- Generated from ${pkg.spec} by \`pnpm generate\`: edit the spec, not this table. -->`,
    `Every operation of ${title} in [\`${pkg.spec}\`](../../${pkg.spec}); each links to its entry in [API.md](API.md)`,
    "(parameters, body fields, responses, why it is or is not retried, an example call). Auto-retry: whether",
    "`@seg/core` retries it on its own (only operations safe to repeat are; pass `retry: true` per call to opt another in).",
    "",
    table(head, rows),
    ...(hosts.size > 1 ? ["", `Hosts: ${[...hosts].map((host) => `${code(host)} = ${code(servers[host] ?? "")}`).join(", ")}.`] : []),
  ].join("\n");
}

/** The README with its coverage block replaced; throws, with the fix, when the markers are missing. */
export function withCoverage(readme: string, block: string, where: string): string {
  const start = readme.indexOf(COVERAGE_START);
  const end = readme.indexOf(COVERAGE_END);
  if (start === -1 || end < start) {
    throw new Error(`${where}: no coverage block; put \`${COVERAGE_START}\` and \`${COVERAGE_END}\` on their own lines where the table goes`);
  }
  return `${readme.slice(0, start + COVERAGE_START.length)}\n${block}\n${readme.slice(end)}`;
}
