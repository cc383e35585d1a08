import type { UserConfig } from "tsdown";

/** ESM + CJS with `.d.ts`/`.d.cts` and declaration maps, no Node-only target: runs wherever `fetch` exists. */
export declare function library(entry: string[]): UserConfig;
