// The specs embedded in src/generated/specs.ts are the ones in specs/: regenerate, compare.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { generatedFile, renderSpecs } from "../scripts/embed-specs.ts";

it("src/generated/specs.ts matches specs/*.yaml (fix: pnpm --filter @seg/sandbox generate)", () => {
  expect(readFileSync(generatedFile, "utf8") === renderSpecs(), "src/generated/specs.ts is stale: run `pnpm --filter @seg/sandbox generate`").toBe(true);
});
