// Read-only git queries for the changeset check. Nothing here changes the repository.
import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";

const execFileAsync = promisify(execFile);

export async function git(root: string, args: readonly string[]): Promise<string> {
  const { stdout } = await execFileAsync("git", args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** Like `git`, but undefined instead of an error when git exits non-zero (a missing object, say). */
export async function gitMaybe(root: string, args: readonly string[]): Promise<string | undefined> {
  try {
    return await git(root, args);
  } catch {
    return undefined;
  }
}

export const lines = (text: string | undefined): string[] => (text ?? "").split("\n").filter((line) => line !== "");

/** A file's content at a commit or tree, or undefined when it does not exist there. */
export const showFile = (root: string, treeish: string, file: string): Promise<string | undefined> =>
  gitMaybe(root, ["show", `${treeish}:${file}`]);

/** The empty tree: the base for a package that has no history before it (in this object format). */
export async function emptyTree(root: string): Promise<string> {
  return (await git(root, ["hash-object", "-t", "tree", "/dev/null"])).trim();
}

/** The commits a shallow clone cut history at (their parents are missing); empty for a full clone. */
export async function shallowBoundary(root: string): Promise<Set<string>> {
  if ((await git(root, ["rev-parse", "--is-shallow-repository"])).trim() !== "true") return new Set();
  const file = path.resolve(root, (await git(root, ["rev-parse", "--git-path", "shallow"])).trim());
  return new Set(lines(await readFile(file, "utf8").catch(() => "")));
}
