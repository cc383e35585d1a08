// The generated files (the embedded specs, the module registry, the types by vendor) are what
// `pnpm generate` writes from specs/*.yaml and src/vendors/*/: regenerate in memory, compare.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { renderGenerated } from "../scripts/embed-specs.ts";

const packageRoot = fileURLToPath(new URL("../", import.meta.url));

it.each([...renderGenerated()])("%s matches specs/*.yaml and src/vendors/*/ (fix: pnpm --filter @seg/sandbox generate)", (file, text) => {
  expect(readFileSync(`${packageRoot}${file}`, "utf8") === text, `${file} is stale: run \`pnpm --filter @seg/sandbox generate\``).toBe(true);
});
