// Every file `pnpm new-vendor` writes for a vendor, by path relative to the repository root
// (besides the copied spec): the package, modelled file by file on the other vendor packages, and
// its first changeset. Generated code, API.md, the coverage table and the API report come after,
// from the generators.
import type { VendorFacts } from "./facts.ts";
import { adapterTs } from "./render/adapter.ts";
import { firstReleaseChangeset } from "./render/changeset.ts";
import { clientTs } from "./render/client.ts";
import { eslintConfig, sizeLimit, tsconfig, tsconfigLib, tsdownConfig, turboJson, vitestConfig } from "./render/configs.ts";
import { indexTs, pathsTs } from "./render/entry.ts";
import { packageJson } from "./render/manifest.ts";
import { readmeMd } from "./render/readme.ts";
import { conformanceTest, typesTest } from "./render/tests.ts";
import { tokenTs } from "./render/token.ts";

export function vendorFiles(facts: VendorFacts): Record<string, string> {
  const dir = `packages/${facts.vendor}`;
  const files: Record<string, string> = {
    "package.json": packageJson(facts),
    "tsconfig.json": tsconfig(),
    "tsconfig.lib.json": tsconfigLib(),
    "tsdown.config.ts": tsdownConfig(),
    "eslint.config.js": eslintConfig(),
    "vitest.config.ts": vitestConfig(),
    "turbo.json": turboJson(facts),
    ".size-limit.json": sizeLimit(facts),
    "README.md": readmeMd(facts),
    "src/index.ts": indexTs(facts),
    "src/paths.ts": pathsTs(facts),
    "src/client.ts": clientTs(facts),
    ...(facts.exchange ? { "src/token.ts": tokenTs(facts) } : {}),
    "src/adapter.ts": adapterTs(facts),
    "test/conformance.test.ts": conformanceTest(facts),
    "test/types.test-d.ts": typesTest(facts),
  };
  return {
    ...Object.fromEntries(Object.entries(files).map(([file, text]) => [`${dir}/${file}`, text])),
    [`.changeset/${facts.vendor}-first-release.md`]: firstReleaseChangeset(facts),
  };
}
