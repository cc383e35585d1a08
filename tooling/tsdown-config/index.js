// The build every published seg library shares; a package's tsdown.config.ts names its entries.
import { defineConfig } from "tsdown";

/** ESM + CJS with `.d.ts`/`.d.cts`, no Node-only target: runs wherever `fetch` exists. */
export const library = (/** @type {string[]} */ entry) =>
  defineConfig({ entry, format: ["esm", "cjs"], dts: true, platform: "neutral", target: "es2022", fixedExtension: false });
