// packages/<vendor>/package.json: the same exports, scripts and devDependencies as every vendor package.
import type { VendorFacts } from "../facts.ts";

const conditions = (entry: string): Record<string, unknown> => ({
  import: { types: `./dist/${entry}.d.ts`, default: `./dist/${entry}.js` },
  require: { types: `./dist/${entry}.d.cts`, default: `./dist/${entry}.cjs` },
});

const DEV_DEPENDENCIES = [
  "@arethetypeswrong/cli",
  "@seg/eslint-config",
  "@seg/scripts",
  "@seg/test-server",
  "@seg/tsconfig",
  "@seg/tsdown-config",
  "@seg/vitest-config",
  "@size-limit/preset-small-lib",
  "@types/node",
  "eslint",
  "openapi-fetch",
  "publint",
  "size-limit",
  "tsdown",
  "typescript",
  "vitest",
  "yaml",
];

export function packageJson({ vendor, title }: Pick<VendorFacts, "vendor" | "title">): string {
  const manifest = {
    name: `@seg/${vendor}`,
    version: "0.0.0",
    description: `Typed client for the ${title} API`,
    license: "MIT",
    type: "module",
    sideEffects: false,
    exports: { ".": conditions("index"), "./adapter": conditions("adapter"), "./package.json": "./package.json" },
    main: "./dist/index.cjs",
    module: "./dist/index.js",
    types: "./dist/index.d.cts",
    // For TypeScript's `node10` resolution, which reads no `exports`: `@seg/<vendor>/adapter`'s types.
    typesVersions: { "*": { adapter: ["./dist/adapter.d.cts"] } },
    files: ["dist", "src"],
    engines: { node: ">=20" },
    publishConfig: { access: "restricted" },
    scripts: {
      generate: `seg-scripts generate ${vendor}`,
      build: "tsdown",
      typecheck: "tsc -p tsconfig.lib.json && tsc -p tsconfig.json",
      lint: "eslint --cache --cache-location .cache/eslint .",
      test: "vitest run",
      "check:package": "publint --strict && attw --pack .",
      size: "size-limit",
    },
    dependencies: { "@seg/core": "workspace:^" },
    devDependencies: Object.fromEntries(DEV_DEPENDENCIES.map((name) => [name, name.startsWith("@seg/") ? "workspace:*" : "catalog:"])),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
