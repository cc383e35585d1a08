// The build every published seg library shares; a package's tsdown.config.ts names its entries.
import { defineConfig } from "tsdown";

/**
 * ESM + CJS with `.d.ts`/`.d.cts`, no Node-only target: runs wherever `fetch` exists.
 *
 * Declaration maps (`.d.ts.map`) lead an editor's "go to definition" from dist/ to the shipped
 * src/, and chunk files keep their module's name (`client.d.ts`, not `client-D97RemoW.d.ts`), so
 * what a hover or an error names is readable.
 */
export const library = (/** @type {string[]} */ entry) =>
  defineConfig({
    entry,
    format: ["esm", "cjs"],
    dts: { sourcemap: true },
    hash: false,
    platform: "neutral",
    target: "es2022",
    fixedExtension: false,
  });
