import { defineConfig } from "tsdown";

export default defineConfig([
  // The library: ESM and CJS, with types.
  { entry: ["src/index.ts"], format: ["esm", "cjs"], dts: true, platform: "node", target: "node20", fixedExtension: false },
  // The CLI (`bin`): ESM only (it uses top-level await), no types.
  { entry: ["src/cli.ts"], format: ["esm"], dts: false, platform: "node", target: "node20", fixedExtension: false, clean: false },
]);
