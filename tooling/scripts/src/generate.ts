import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import openapiTS, { astToString, COMMENT_HEADER } from "openapi-typescript";
import ts from "typescript";
import { parse } from "yaml";
import { commaListPaths } from "./comma-lists.ts";
import { nameSchemas, schemasSource } from "./named-schemas.ts";
import { operationTableSource } from "./operation-table.ts";
import { generatedDir, repoRoot, specPath } from "./paths.ts";

/** The files generated for one vendor, keyed by their path relative to src/generated/. */
export type GeneratedFiles = Record<string, string>;

/** The runtime package whose helper types the generated types use. */
const CORE = "@seg/core";

export async function generate(vendor: string, root: string = repoRoot): Promise<GeneratedFiles> {
  return generateFromSpec(specPath(vendor, root), root);
}

/** The files generated from any spec file (a vendor's, or a test fixture's); `root` makes the source path in their headers. */
export async function generateFromSpec(spec: string, root: string = repoRoot): Promise<GeneratedFiles> {
  const source = path.relative(root, spec).split(path.sep).join("/");
  const document: unknown = parse(await readFile(spec, "utf8"));
  const commaLists = commaListPaths(document);
  const wrapped = new Set<string>();
  const nodes = await openapiTS(pathToFileURL(spec), {
    silent: true,
    // A comma-separated list parameter also takes its items joined into one string.
    // (An inline array's items come through here first, under the same path: only the array is wrapped.)
    postTransform: (type, { path: at = "" }) => {
      const kind = commaLists.get(at);
      if (!kind || (kind === "array" && !ts.isArrayTypeNode(type))) return undefined;
      wrapped.add(at);
      return ts.factory.createTypeReferenceNode("CommaList", [type]);
    },
  });
  const missed = [...commaLists.keys()].filter((at) => !wrapped.has(at));
  if (missed.length) throw new Error(`${source}: comma-separated list parameters not found in the generated types: ${missed.join(", ")}`);
  const { nodes: named, names } = nameSchemas(nodes);
  const imports = wrapped.size ? `import type { CommaList } from "${CORE}";\n\n` : "";
  return {
    "schema.ts": `${COMMENT_HEADER}// Source: ${source}. Regenerate with \`pnpm generate\`.\n\n${imports}${astToString(named)}`,
    "schemas.ts": schemasSource(names, source),
    "operations.ts": operationTableSource(document, source),
  };
}

export async function writeGenerated(vendor: string, root: string = repoRoot): Promise<void> {
  await writeFiles(generatedDir(vendor, root), await generate(vendor, root));
}

/** `seg-scripts generate --spec <file> --out <dir>`: the same files from any spec into any directory. */
export async function writeGeneratedFromSpec(spec: string, outDir: string): Promise<void> {
  await writeFiles(outDir, await generateFromSpec(spec));
}

async function writeFiles(dir: string, files: GeneratedFiles): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    await writeFile(path.join(dir, name), text);
  }
}
