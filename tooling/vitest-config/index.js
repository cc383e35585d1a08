// Shared vitest defaults; a package's vitest.config.ts is `export default defineProject(defaults)`
// plus anything of its own.
/** @type {import("vitest/config").ViteUserConfig["test"]} */
export const testDefaults = {
  include: ["test/**/*.test.ts", "src/**/*.test.ts"],
  typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
  // Tests start real HTTP servers on 127.0.0.1; they are fast, but a shared 2-core machine is noisy.
  testTimeout: 15_000,
  restoreMocks: true,
};
