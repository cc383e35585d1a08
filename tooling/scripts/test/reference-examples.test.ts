// Every example call in every generated API.md compiles against its package's real types: the
// reference cannot show a call the client would refuse. The examples are compiled the way the
// vendor packages' own tests are (their source, @seg/core as built), in one TypeScript program.
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../src/paths.ts";
import { referenceFiles } from "../src/reference.ts";
import { vendorPackages } from "../src/reference/vendors.ts";
import { inMemoryProgram } from "./fixtures/in-memory-program.ts";

const pkg = (file: string): string => path.relative(repoRoot, path.dirname(path.dirname(file)));

/** The `ts` code block under each operation's **Example**, by operationId. */
function examplesOf(apiMd: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const section of apiMd.split(/^## /m).slice(1)) {
    const operationId = section.slice(0, section.indexOf("\n")).trim();
    const example = /\*\*Example\*\*\n\n```ts\n([\s\S]*?)\n```/.exec(section)?.[1];
    if (example !== undefined) found[operationId] = example;
  }
  return found;
}

describe("API.md examples", () => {
  it("every example call type-checks against its package", async () => {
    const files = await referenceFiles();
    const sources = new Map<string, string>();
    let count = 0;
    for (const pkg of await vendorPackages(repoRoot)) {
      const examples = examplesOf(files[`${pkg.dir}/API.md`] ?? "");
      count += Object.keys(examples).length;
      const body = Object.entries(examples)
        .map(([operationId, call]) => `export async function ${operationId}(): Promise<void> {\n${call}\n}`)
        .join("\n");
      // Beside the package's own tests, so it resolves @seg/core exactly as they do.
      const file = path.join(repoRoot, pkg.dir, "test", "api-examples.generated.ts");
      sources.set(file, `import { ${pkg.factory} } from "../src/index.ts";\ndeclare const ${pkg.vendor}: ReturnType<typeof ${pkg.factory}>;\n${body}\n`);
    }
    expect(count).toBeGreaterThan(0);

    const { diagnostics } = inMemoryProgram(sources);
    const problems = [...sources.keys()].flatMap((file) =>
      diagnostics(file).map((diagnostic) => {
        // Name the operation whose example failed: the function the error sits in.
        const before = diagnostic.file?.text.slice(0, diagnostic.start ?? 0) ?? "";
        const operationId = [...before.matchAll(/export async function (\w+)/g)].at(-1)?.[1] ?? "(imports)";
        return `${pkg(file)} API.md, ${operationId}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n")}`;
      }),
    );
    expect(problems).toEqual([]);
  }, 120_000);
});
