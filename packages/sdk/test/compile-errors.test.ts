// The first line of what TypeScript says about typical mistakes, as a user of the published packages
// sees it: each case is compiled against the vendors' built declarations (dist/*.d.ts, through
// node_modules), and the message must name the vendor's own types, never core's internal tables.
import path from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const here = path.dirname(fileURLToPath(import.meta.url));

interface Case {
  /** A user's file: imports, then the line with the mistake. */
  source: string;
  firstLine: string;
}

const cases: Record<string, Case> = {
  "a path that is not documented": {
    source: `import { createSegmetricsClient } from "@seg/segmetrics";
const segmetrics = createSegmetricsClient();
void segmetrics.POST("/contacts", { body: { email: "joey@bloggs.com" } });`,
    firstLine: `Argument of type '"/contacts"' is not assignable to parameter of type 'SegmetricsPath<"post">'.`,
  },
  "a misspelt body field": {
    source: `import { createSegmetricsClient } from "@seg/segmetrics";
const segmetrics = createSegmetricsClient();
void segmetrics.POST("/contact", { body: { email: "joey@bloggs.com", first_nam: "Joey" } });`,
    firstLine: `Object literal may only specify known properties, but 'first_nam' does not exist in type 'UpsertContactRequest'. Did you mean to write 'first_name'?`,
  },
  "a misspelt body field where the client fills in account and token": {
    source: `import { createSegmentHubClient } from "@seg/segmenthub";
const segmenthub = createSegmentHubClient();
void segmenthub.POST("/profiles/segments", { body: { profileId: "john@example.com", segmnts: ["VIP"] } });`,
    firstLine: `Object literal may only specify known properties, and 'segmnts' does not exist in type 'Bound<ProfileSegmentsRequest, "account" | "token">'.`,
  },
  "an update that would remove every person of a segment": {
    source: `import { createSegmenterClient } from "@seg/segmenter";
const segmenter = createSegmenterClient();
void segmenter.updateSegment({ id: "seg-42", persons: [] });`,
    firstLine: `Type '[]' is not assignable to type 'Person[] & "persons: [] would remove every person from the segment; call clearSegmentPersons({ id }) to do that on purpose" & []'.`,
  },
  "a misspelt path parameter": {
    source: `import { createSegmintClient } from "@seg/segmint";
const segmint = createSegmintClient();
void segmint.GET("/campaigns/{campaignId}", { params: { path: { campaignID: 1234 } } });`,
    firstLine: `Object literal may only specify known properties, but 'campaignID' does not exist in type '{ campaignId: string | number; }'. Did you mean to write 'campaignId'?`,
  },
};

/** Every diagnostic of each case's file, as TypeScript prints it (all lines). */
function diagnose(sources: Record<string, string>): Record<string, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(here, "../tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  if (!config) throw new Error("cannot read packages/sdk/tsconfig.json");
  const files = new Map(Object.entries(sources).map(([name, source], i) => [path.join(here, `compile-error-case-${i}.ts`), { name, source }]));
  const options = { ...config.options, noEmit: true, incremental: false };
  const host = ts.createCompilerHost(options);
  host.fileExists = (file) => files.has(file) || ts.sys.fileExists(file);
  host.readFile = (file) => files.get(file)?.source ?? ts.sys.readFile(file);
  const program = ts.createProgram([...files.keys()], options, host);
  return Object.fromEntries(
    [...files].map(([file, { name }]) => [
      name,
      ts.getPreEmitDiagnostics(program, program.getSourceFile(file)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n")),
    ]),
  );
}

describe("compile errors a user sees", () => {
  const found = diagnose(Object.fromEntries(Object.entries(cases).map(([name, { source }]) => [name, source])));

  it.each(Object.entries(cases))("%s: one error, whose first line names the vendor's types", (name, { firstLine }) => {
    const messages = found[name] ?? [];
    expect(messages).toHaveLength(1);
    expect(messages[0]?.split("\n")[0]).toBe(firstLine);
    // core's tables never show: not the operation table, not openapi-fetch's helpers.
    expect(messages[0]).not.toMatch(/PathsWithMethod|BoundPaths<|operationId|FetchOptions|MaybeOptionalInit/);
  });
});
