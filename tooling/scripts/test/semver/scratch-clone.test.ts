// End to end in a scratch clone of this repository (its working tree as a clean clone would have it
// once committed, so uncommitted work is what is tested): release every package (`changeset version`),
// then rename `/invoice/{id}` to `/invoices/{id}` and drop `ReportContact.lists` from SegMetrics'
// spec, as a user regenerating a client would, and run the real commands on it. The clone reuses
// this checkout's installed dependencies (symlinked: third-party packages only, so the scripts that
// run are the clone's own and see the clone as their repository); nothing here writes outside it.
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { git } from "../../src/git.ts";
import { repoRoot } from "../../src/paths.ts";
import { cleanEnv, exec, execOk, type Result } from "../e2e/exec.ts";
import { gitIdentity } from "../fixtures/temp-repo.ts";

const env = cleanEnv({ ...gitIdentity, GIT_CONFIG_NOSYSTEM: "1", GIT_CONFIG_GLOBAL: "/dev/null" });
const STEP_MS = 120_000;
let clone: string;
let statusBefore: string;

const seg = (...args: string[]): Promise<Result> =>
  exec(process.execPath, [path.join(clone, "tooling/scripts/bin.js"), ...args], { cwd: clone, env, timeoutMs: STEP_MS });
const inClone = (file: string): string => path.join(clone, file);
const changeset = (releases: Record<string, string>): string =>
  `---\n${Object.entries(releases).map(([name, bump]) => `"${name}": ${bump}`).join("\n")}\n---\n\nRenamed the invoice path.\n`;

beforeAll(async () => {
  statusBefore = await git(repoRoot, ["status", "--porcelain"]);
  clone = await mkdtemp(path.join(tmpdir(), "seg-semver-e2e-"));
  const files = (await git(repoRoot, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"])).split("\0");
  for (const file of new Set(files.filter((f) => f !== "" && existsSync(path.join(repoRoot, f))))) {
    await mkdir(path.dirname(inClone(file)), { recursive: true });
    await copyFile(path.join(repoRoot, file), inClone(file));
  }
  await execOk("git", ["init", "-q", "-b", "main"], { cwd: clone, env, timeoutMs: STEP_MS });
  await execOk("git", ["add", "-A"], { cwd: clone, env, timeoutMs: STEP_MS });
  await execOk("git", ["commit", "-q", "-m", "Snapshot of the seg working tree"], { cwd: clone, env, timeoutMs: STEP_MS });
  await symlink(path.join(repoRoot, "tooling/scripts/node_modules"), inClone("tooling/scripts/node_modules"));
  await mkdir(inClone("node_modules"));
  await symlink(path.join(repoRoot, "node_modules/@changesets"), inClone("node_modules/@changesets"));
  // The release every later change is measured against.
  await execOk(process.execPath, [path.join(repoRoot, "node_modules/@changesets/cli/bin.js"), "version"], { cwd: clone, env, timeoutMs: STEP_MS });
  await execOk("git", ["add", "-A"], { cwd: clone, env, timeoutMs: STEP_MS });
  await execOk("git", ["commit", "-q", "-m", "Version packages"], { cwd: clone, env, timeoutMs: STEP_MS });

  const spec = await readFile(inClone("specs/segmetrics.yaml"), "utf8");
  const renamed = spec.replace("\n  /invoice/{id}:\n", "\n  /invoices/{id}:\n").replace(/\n {8}lists:\n(?: {10}.*\n)+/, "\n");
  expect(renamed).not.toContain("/invoice/{id}:");
  expect(renamed).not.toContain("Included with `extend=lists`");
  await writeFile(inClone("specs/segmetrics.yaml"), renamed);
  expect((await seg("generate", "segmetrics")).code).toBe(0);
}, 300_000);

afterAll(async () => {
  if (clone) await rm(clone, { recursive: true, force: true });
  // The real checkout was only read.
  expect(await git(repoRoot, ["status", "--porcelain"])).toBe(statusBefore);
});

describe("a breaking spec change in a scratch clone", () => {
  it("with a patch changeset, check:changesets fails naming @seg/segmetrics, major and why", async () => {
    await writeFile(inClone(".changeset/invoices.md"), changeset({ "@seg/segmetrics": "patch" }));
    const { code, stderr } = await seg("check-changesets");
    expect(code).toBe(1);
    expect(stderr).toContain("@seg/segmetrics needs major: DELETE /invoice/{id} removed; ReportContact.lists removed from a response");
    expect(stderr).toMatch(/its changesets bump it patch \(\.changeset\/invoices\.md\)/);
  }, STEP_MS);

  it("with a major changeset, it passes once the facade's peer range accepts the new major", async () => {
    await writeFile(inClone(".changeset/invoices.md"), changeset({ "@seg/segmetrics": "major" }));
    const refused = await seg("check-changesets");
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/@seg\/segmetrics: \d+ file\(s\) changed \(since its 0\.\d+\.\d+ release in [0-9a-f]{7}, needs major\), released by \.changeset\/invoices\.md/);
    expect(refused.stderr).toContain(`@seg/sdk's peerDependencies range on @seg/segmetrics ("0.x") does not accept 1.0.0`);

    const manifest = await readFile(inClone("packages/sdk/package.json"), "utf8");
    await writeFile(inClone("packages/sdk/package.json"), manifest.replace('"@seg/segmetrics": "0.x"', '"@seg/segmetrics": "0.x || 1.x"'));
    await writeFile(inClone(".changeset/sdk.md"), changeset({ "@seg/sdk": "minor" }));
    const passed = await seg("check-changesets");
    expect(passed.stderr).toBe("");
    expect(passed.code).toBe(0);

    await writeFile(inClone("packages/sdk/package.json"), manifest);
    await rm(inClone(".changeset/sdk.md"));
  }, STEP_MS);

  it("changeset:suggest writes the changesets that pass", async () => {
    await rm(inClone(".changeset/invoices.md"));
    const suggested = await seg("changeset-suggest");
    expect(suggested.code).toBe(0);
    expect(suggested.stdout).toContain("wrote .changeset/segmetrics-changes.md: @seg/segmetrics major");
    const text = await readFile(inClone(".changeset/segmetrics-changes.md"), "utf8");
    expect(text).toMatch(/^---\n"@seg\/segmetrics": major\n---\n\nBreaking changes:\n\n- DELETE \/invoice\/\{id\} removed \(deleteInvoice is now DELETE \/invoices\/\{id\}\)\n/);
    expect(text).toContain("- ReportContact.lists removed from a response (in GET /contact/{contact_id_or_email}");
    expect(text).toContain("Additions:\n\n- DELETE /invoices/{id} added");
    const checked = await seg("check-changesets");
    expect(checked.stderr).toBe("");
    expect(checked.code).toBe(0);
  }, STEP_MS);
});
