// The reference generated from the specs: packages/<vendor>/API.md and the coverage table inside
// packages/<vendor>/README.md. `pnpm generate` writes them (with the vendor lists of
// vendor-registry/); `pnpm check:generated` compares them.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { repoRoot } from "./paths.ts";
import { apiMarkdown, type SpecFacts } from "./reference/api-md.ts";
import { coverageTable, withCoverage } from "./reference/coverage.ts";
import { retryReasons } from "./reference/retry-reasons.ts";
import { vendorPackages, type VendorPackage } from "./reference/vendors.ts";
import { registryFiles } from "./vendor-registry/index.ts";
import { specOperations } from "@seg/spec";

export async function specFacts(root: string, pkg: VendorPackage): Promise<SpecFacts> {
  const source = await readFile(path.join(root, pkg.spec), "utf8");
  return { ...specOperations(parse(source)), retryReasons: retryReasons(source) };
}

/** Every reference file as it should be, by path relative to the repository root. */
export async function referenceFiles(root: string = repoRoot): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const pkg of await vendorPackages(root)) {
    const facts = await specFacts(root, pkg);
    files[`${pkg.dir}/API.md`] = apiMarkdown(facts, pkg);
    const readme = `${pkg.dir}/README.md`;
    files[readme] = withCoverage(await readFile(path.join(root, readme), "utf8"), coverageTable(facts, pkg), readme);
  }
  return files;
}

/** Writes the reference and the vendor lists outside the vendor packages (registryFiles); returns the files that changed. */
export async function writeReference(root: string = repoRoot): Promise<string[]> {
  const changed: string[] = [];
  for (const [file, text] of Object.entries({ ...(await referenceFiles(root)), ...(await registryFiles(root)) })) {
    if ((await readFile(path.join(root, file), "utf8").catch(() => undefined)) === text) continue;
    await writeFile(path.join(root, file), text);
    changed.push(file);
  }
  return changed;
}
