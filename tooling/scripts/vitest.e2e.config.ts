// `pnpm test:release` only: the release end-to-end test, apart from the unit tests (`vitest run`).
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/e2e/**/*.e2e.ts"],
    // Steps have their own limits (each command is killed past its time); these bound the whole.
    testTimeout: 150_000,
    hookTimeout: 180_000,
    teardownTimeout: 30_000,
    reporters: ["verbose"],
  },
});
