// Runs every package's tests in one vitest process (`pnpm vitest`), for editors and quick local
// runs. CI runs them per package through turbo (`pnpm test`), which caches by package.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: { projects: ["packages/*", "tooling/*"] },
});
