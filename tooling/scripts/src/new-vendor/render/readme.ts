// packages/<vendor>/README.md: pitch, install, example, options, the generated coverage block
// (filled by `pnpm generate`), the facade and errors — the sections every vendor README has.
import { COVERAGE_END, COVERAGE_START } from "../../reference/coverage.ts";
import type { VendorFacts } from "../facts.ts";

function optionRows({ shape, servers, vendor }: VendorFacts): string[] {
  const rows = shape.options.map(
    (option) =>
      `| \`${option.name}\` | \`${option.env}\` | ${option.secret ? "Credential. Required; never appears in errors or logs." : `Required; filled in by the client (${option.from}).`} |`,
  );
  const prefix = vendor.toUpperCase();
  if (shape.multiHost) {
    rows.push(`| \`baseUrls\` | \`${prefix}_<HOST>_BASE_URL\`, else the spec's | Each host's base URL (${shape.hosts.map((host) => `\`${host}\``).join(", ")}): give every host or none. |`);
  } else {
    rows.push(`| \`baseUrl\` | \`${prefix}_BASE_URL\`, else \`${Object.values(servers)[0] ?? ""}\` | The API's base URL (a sandbox, a proxy). |`);
  }
  rows.push(
    "| `retry`, `timeoutMs`, `deadlineMs`, `fetch`, `logger`, `rateLimit`, `dangerouslyAllowBrowser`, … | see `@seg/core` | The transport options every seg client takes ([`@seg/core`](../core)). |",
  );
  return rows;
}

export function readmeMd(facts: VendorFacts): string {
  const { vendor, pascal, camel, title, summary, shape } = facts;
  return `# @seg/${vendor}

A typed client for the ${title} API${summary ? ` (${summary.replace(/\.$/, "")})` : ""}, generated from a hand-written OpenAPI 3.1 spec
([\`specs/${vendor}.yaml\`](../../specs/${vendor}.yaml)) and running on [\`@seg/core\`](../core) (retries, timeouts,
typed errors, redaction).

## Install

\`\`\`sh
pnpm add @seg/${vendor}     # or npm / yarn; its only dependency is @seg/core
\`\`\`

## Example

\`\`\`ts
import { create${pascal}Client, unwrap } from "@seg/${vendor}";

const ${vendor} = create${pascal}Client({ ${shape.options.map((option) => option.name).join(", ")} }); // or the ${vendor.toUpperCase()}_* environment variables
\`\`\`

Every operation's call, typed from the spec, is in [\`API.md\`](API.md); \`unwrap(result)\` returns its
data or throws a typed \`SegApiError\`.

## Options

| option | default | meaning |
| --- | --- | --- |
${optionRows(facts).join("\n")}

A missing option throws \`SegConfigError\` (naming the option and its environment variable) when the
client is created, not at the first call.

## Coverage

${COVERAGE_START}
${COVERAGE_END}

## With the facade

\`@seg/${vendor}/adapter\` exports \`${camel}Adapter(client)\` for [\`@seg/sdk\`](../sdk)'s unified calls. It maps
none of them yet: each is reported as \`skipped\`, and the client is at \`seg.vendors.${vendor}\`.

## Errors

Every call resolves to openapi-fetch's \`{ data, error, response }\` and \`status\`, with \`error\` typed
from the spec per status. \`unwrap(result)\` returns \`data\` or throws a \`SegApiError\` with \`vendor\`,
\`operation\`, \`status\`, \`kind\`, the parsed \`body\` and \`attempts\`. Transport failures always throw:
\`SegConnectionError\`, \`SegTimeoutError\`, or your own \`AbortSignal\`'s reason. See [\`@seg/core\`](../core#errors).
`;
}
