import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import { parse } from "yaml";
import { operationTableSource } from "./operation-table.ts";
import { generatedDir, repoRoot, specPath } from "./paths.ts";

/** The files generated for one vendor, keyed by their path relative to src/generated/. */
export type GeneratedFiles = Record<string, string>;

export async function generate(vendor: string, root: string = repoRoot): Promise<GeneratedFiles> {
  const spec = specPath(vendor, root);
  const source = path.relative(root, spec);
  const types = await openapiTS(pathToFileURL(spec), { silent: true });
  const document: unknown = parse(await readFile(spec, "utf8"));
  return {
    "schema.ts": `${COMMENT_HEADER}// Source: ${source}. Regenerate with \`pnpm generate\`.\n\n${astToString(types)}`,
    "operations.ts": operationTableSource(document, source),
  };
}

export async function writeGenerated(vendor: string): Promise<void> {
  const dir = generatedDir(vendor);
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(await generate(vendor))) {
    await writeFile(path.join(dir, name), text);
  }
}
