// The scaffold's source files for every credential kind and host layout the four vendor specs
// have (a header key on one whole-URL host, a header key on three hosts with comma lists, a body
// token, a token exchange), rendered from those specs and type-checked in place of each package's
// own src/ against its real generated code and @seg/core, in memory: nothing is written. The
// scratch test (new-vendor/scaffold.scratch.ts) builds, lints and tests one scaffold end to end.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { readSpec } from "@seg/spec";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { vendorFacts } from "../src/new-vendor/facts.ts";
import { vendorFiles } from "../src/new-vendor/files.ts";
import { repoRoot } from "../src/paths.ts";
import { inMemoryProgram } from "./fixtures/in-memory-program.ts";

/** The four specs, with the capitalisation their packages use where the title gives another. */
const CASES = [
  { vendor: "segmenter", displayName: undefined, kind: "header", multiHost: false },
  { vendor: "segmetrics", displayName: undefined, kind: "header", multiHost: true },
  { vendor: "segmenthub", displayName: undefined, kind: "body", multiHost: false },
  { vendor: "segmint", displayName: "Segmint", kind: "exchange", multiHost: false },
] as const;

/** Type-checks `sources` (absolute path → text, shadowing files on disk) with the vendor packages' tsconfig. */
function typeErrors(sources: Map<string, string>): string[] {
  const { diagnostics } = inMemoryProgram(sources);
  return [...sources.keys()]
    .filter((file) => file.endsWith(".ts"))
    .flatMap((file) => diagnostics(file).map((d) => `${path.relative(repoRoot, file)}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`));
}

describe("the scaffold's sources", () => {
  it.each(CASES)("for $vendor's spec ($kind credential) type-check against its generated code", async ({ vendor, displayName, kind, multiHost }) => {
    const facts = vendorFacts(vendor, readSpec(vendor), displayName);
    expect({ kind: facts.shape.credential.kind, multiHost: facts.shape.multiHost }).toEqual({ kind, multiHost });
    const files = vendorFiles(facts);
    const sources = new Map(
      Object.entries(files)
        .filter(([file]) => file.startsWith(`packages/${vendor}/src/`) || file.endsWith("types.test-d.ts"))
        .map(([file, text]) => [path.join(repoRoot, file), text]),
    );
    expect(typeErrors(sources)).toEqual([]);
    // The package's own names, so the rendered files really stood in for the package's.
    expect(files[`packages/${vendor}/src/index.ts`]).toContain(`export { create${facts.pascal}Client } from "./client.ts";`);
    const real = await readFile(path.join(repoRoot, `packages/${vendor}/src/index.ts`), "utf8");
    expect(files[`packages/${vendor}/src/index.ts`]).toContain(real.slice(real.indexOf("// What a user needs from @seg/core")));
  }, 120_000);

  it("send each credential where its spec says", async () => {
    const client = async (vendor: string, displayName?: string): Promise<string> =>
      vendorFiles(vendorFacts(vendor, readSpec(vendor), displayName))[`packages/${vendor}/src/client.ts`] ?? "";
    expect(await client("segmenter")).toContain('auth: headerKeyAuth({ header: "x-api-key", key: apiKey, field: "apiKey" }),');
    expect(await client("segmetrics")).toContain('auth: headerKeyAuth({ header: "Authorization", key: apiKey, field: "apiKey" }),');
    expect(await client("segmetrics")).toContain("const variables = { account_id: accountId, accountId, integration_id: integrationId };");
    expect(await client("segmetrics")).toContain('querySerializer: { array: { style: "form", explode: false } },');
    expect(await client("segmenthub")).toContain('auth: bodyTokenAuth({ field: "token", token }),');
    expect(await client("segmint", "Segmint")).toContain("    auth,\n");
    const token = vendorFiles(vendorFacts("segmint", readSpec("segmint"), "Segmint"))["packages/segmint/src/token.ts"];
    expect(token).toContain('await client.POST("/auth/v1/token", { params: { query: { grant_type: "token" } }, parseAs: "text" });');
    expect(token).toContain('return readTokenResponse(text, result.response.status, "segmint createToken");');
  });

  it("for a Basic scheme (Segmenter's spec with its key swapped for Basic), send basicAuth and type-check", async () => {
    const doc = readSpec("segmenter");
    (doc.components as { securitySchemes: Record<string, unknown> }).securitySchemes = { apiKey: { type: "http", scheme: "basic" } };
    const facts = vendorFacts("segmenter", doc);
    expect(facts.shape.options.map((option) => option.name)).toEqual(["username", "password"]);
    const files = vendorFiles(facts);
    expect(files["packages/segmenter/src/client.ts"]).toContain("    auth: basicAuth(username, password),");
    const sources = new Map(
      Object.entries(files)
        .filter(([file]) => file.startsWith("packages/segmenter/src/") || file.endsWith("types.test-d.ts"))
        .map(([file, text]) => [path.join(repoRoot, file), text]),
    );
    expect(typeErrors(sources)).toEqual([]);
  }, 120_000);

  it("let the caller pick an environment when the spec names them (x-seg-environment)", async () => {
    const files = vendorFiles(vendorFacts("segmint", readSpec("segmint"), "Segmint"));
    const client = files["packages/segmint/src/client.ts"] ?? "";
    expect(client).toContain("export type SegmintEnvironment = keyof typeof environments;");
    expect(client).toContain("  environment?: SegmintEnvironment;");
    expect(client.match(/baseUrls: baseUrl === undefined \? environmentBaseUrls\(environments, environment\) : \{ api: checkBaseUrl\(baseUrl, "baseUrl"\) \}/g)).toHaveLength(2);
    expect(files["packages/segmint/src/index.ts"]).toContain('export type { SegmintClient, SegmintEnvironment, SegmintOptions } from "./client.ts";');
    const segmenter = vendorFiles(vendorFacts("segmenter", readSpec("segmenter")))["packages/segmenter/src/client.ts"] ?? "";
    expect(segmenter).not.toContain("environment");
  });
});
