import { defineConfig } from "tsdown";

// @seg/spec (the repository's one spec reader) is private and source-only: it is bundled into
// dist, so the published package does not depend on it.
const bundled = { noExternal: [/^@seg\/spec(\/|$)/] };

export default defineConfig([
  // The library: ESM and CJS, with types.
  { entry: ["src/index.ts"], format: ["esm", "cjs"], dts: true, platform: "node", target: "node20", fixedExtension: false, ...bundled },
  // The CLI (`bin`): ESM only (it uses top-level await), no types.
  { entry: ["src/cli.ts"], format: ["esm"], dts: false, platform: "node", target: "node20", fixedExtension: false, clean: false, ...bundled },
]);
