// The configuration files of a vendor package: each a few lines over the shared tooling/ configs,
// exactly as the other vendor packages have them.
import type { VendorFacts } from "../facts.ts";

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export const tsconfig = (): string =>
  json({ extends: "@seg/tsconfig/node.json", compilerOptions: { allowImportingTsExtensions: true }, include: ["src", "test", "*.config.ts"] });

export const tsconfigLib = (): string =>
  json({
    extends: "@seg/tsconfig/library.json",
    compilerOptions: { types: [], allowImportingTsExtensions: true, tsBuildInfoFile: "${configDir}/.cache/tsbuildinfo.lib.json" },
    include: ["src"],
  });

export const eslintConfig = (): string => 'import { config } from "@seg/eslint-config";\n\nexport default config(import.meta.dirname);\n';

export const vitestConfig = (): string =>
  'import { testDefaults } from "@seg/vitest-config";\nimport { defineProject } from "vitest/config";\n\nexport default defineProject({ test: testDefaults });\n';

export const tsdownConfig = (): string => 'import { library } from "@seg/tsdown-config";\n\nexport default library(["src/index.ts", "src/adapter.ts"]);\n';

/** The vendor's `generate` task reads its own spec (the root turbo.json has the shared inputs). */
export const turboJson = ({ vendor }: VendorFacts): string =>
  json({
    $schema: "https://turbo.build/schema.json",
    extends: ["//"],
    tasks: {
      generate: {
        inputs: [`$TURBO_ROOT$/specs/${vendor}.yaml`, "$TURBO_ROOT$/tooling/scripts/src/**", "$TURBO_ROOT$/tooling/spec/src/**"],
        outputs: ["src/generated/**"],
      },
    },
  });

/** The budget of the other vendor packages; a token exchange carries its own client, as Segmint's does. */
export const sizeLimit = ({ vendor, pascal, exchange }: VendorFacts): string =>
  json([
    {
      name: `@seg/${vendor} with @seg/core and openapi-fetch (ESM, minified + gzip)`,
      path: "dist/index.js",
      import: `{ create${pascal}Client, unwrap }`,
      limit: exchange ? "13.25 kB" : "13 kB",
      gzip: true,
    },
  ]);
