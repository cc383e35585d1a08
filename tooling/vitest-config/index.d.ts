import type { ViteUserConfig } from "vitest/config";

/** Shared vitest defaults for the seg workspace. */
export declare const testDefaults: NonNullable<ViteUserConfig["test"]>;
