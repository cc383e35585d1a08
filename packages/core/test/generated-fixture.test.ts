// The acme fixture's types and tables are the generator's output for test/fixtures/acme.yaml, as
// committed: regenerated into a scratch directory by the same command `pnpm generate` runs, and
// compared file by file.
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const core = fileURLToPath(new URL("..", import.meta.url));
const committed = path.join(core, "test/fixtures/generated");
const segScripts = path.join(core, "node_modules/@seg/scripts/bin.js");

describe("test/fixtures/generated/", () => {
  it("is what the generator makes of test/fixtures/acme.yaml (fix: pnpm --filter @seg/core generate)", { timeout: 120_000 }, async () => {
    const scratch = await mkdtemp(path.join(tmpdir(), "seg-core-fixture-"));
    try {
      await promisify(execFile)(process.execPath, [segScripts, "generate", "--spec", "test/fixtures/acme.yaml", "--out", scratch], { cwd: core });
      const names = (await readdir(scratch)).sort();
      expect(names).toEqual((await readdir(committed)).sort());
      for (const name of names) {
        expect(await readFile(path.join(committed, name), "utf8"), name).toBe(await readFile(path.join(scratch, name), "utf8"));
      }
    } finally {
      await rm(scratch, { recursive: true, force: true });
    }
  });
});
