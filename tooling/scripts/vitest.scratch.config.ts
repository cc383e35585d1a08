// `pnpm test:new-vendor` only: `pnpm new-vendor` in a scratch copy of the repository, apart from
// the unit tests (`vitest run`): it installs, builds and tests a whole workspace, so it takes minutes.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.scratch.ts"],
    // Each command has its own limit (killed past it); these bound the whole.
    testTimeout: 300_000,
    hookTimeout: 420_000,
    reporters: ["verbose"],
  },
});
