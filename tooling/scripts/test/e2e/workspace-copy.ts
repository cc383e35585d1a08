// The repository the end-to-end test releases from: a copy of this working tree (what a clean clone
// would hold once it is committed: tracked and untracked files, minus .gitignore'd ones), installed
// and committed as a fresh repository. Versioning, commits and the tags `changeset publish` creates
// all happen there; the real working tree and its git state are only read. (Not a `git worktree`:
// it would share refs, so the release tags would land in the real repository.)
import { copyFile, mkdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { git } from "../../src/git.ts";
import { TempRepo } from "../fixtures/temp-repo.ts";
import { cleanEnv, execOk } from "./exec.ts";

/** `adjust` may change the copy before it is installed and committed. */
export async function copyWorkspace(from: string, to: string, adjust: (root: string) => Promise<void> = async () => {}): Promise<TempRepo> {
  const listed = (await git(from, ["ls-files", "-z", "--cached", "--others", "--exclude-standard"])).split("\0");
  const files = [...new Set(listed)].filter((file) => file !== "" && existsSync(path.join(from, file)));
  for (const file of files) {
    await mkdir(path.dirname(path.join(to, file)), { recursive: true });
    await copyFile(path.join(from, file), path.join(to, file));
  }
  await adjust(to);
  // The pnpm store is shared with the real checkout, so this links rather than downloads.
  await execOk("pnpm", ["install", "--frozen-lockfile", "--prefer-offline"], { cwd: to, env: cleanEnv(), timeoutMs: 120_000 });
  const repo = await TempRepo.init(to);
  await repo.commit("Snapshot of the seg working tree");
  return repo;
}
