import { cp, mkdtemp, rm, writeFile, appendFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { checkGenerated } from "../src/check-generated.ts";
import { repoRoot } from "../src/paths.ts";

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "seg-check-generated-"));
  await cp(path.join(repoRoot, "specs/segmetrics.yaml"), path.join(root, "specs/segmetrics.yaml"));
  await cp(path.join(repoRoot, "packages/segmetrics/src/generated"), path.join(root, "packages/segmetrics/src/generated"), { recursive: true });
  vi.spyOn(console, "log").mockImplementation(() => undefined);
  vi.spyOn(console, "error").mockImplementation(() => undefined);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("check-generated", () => {
  it("passes when the committed files match the spec", async () => {
    expect(await checkGenerated(root)).toBe(true);
  });

  it("fails, naming the file and the fix, when a generated file was edited by hand", async () => {
    await appendFile(path.join(root, "packages/segmetrics/src/generated/schema.ts"), "\n// hand edit\n");
    expect(await checkGenerated(root)).toBe(false);
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/packages\/segmetrics\/src\/generated\/schema\.ts[\s\S]*pnpm generate/));
  });

  it("fails when the spec changed but nothing was regenerated", async () => {
    const spec = path.join(root, "specs/segmetrics.yaml");
    const { readFile } = await import("node:fs/promises");
    await writeFile(spec, (await readFile(spec, "utf8")).replace("operationId: addProduct", "operationId: createProduct"));
    expect(await checkGenerated(root)).toBe(false);
    expect(console.error).toHaveBeenCalledWith(expect.stringMatching(/operations\.ts/));
  });

  it("fails when a generated file is missing", async () => {
    await rm(path.join(root, "packages/segmetrics/src/generated/operations.ts"));
    expect(await checkGenerated(root)).toBe(false);
  });
});
