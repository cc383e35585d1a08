// What a package's changes are measured against, from history alone (CI on main has no PR base):
// the last commit that changed its `version` (what `changeset version` does at each release). A
// package whose version never changed was never released, so everything in it is unreleased: its
// base is the tree before the package existed. Otherwise a package added with its whole source in
// one commit (a squash merge) would need no changeset and be published as 0.0.0, with no changelog.
import { emptyTree, gitMaybe, lines, shallowBoundary, showFile } from "./git.ts";

export type ReleaseBase =
  /** Released at `version` by `commit`: changes since that commit need a changeset. */
  | { kind: "released"; commit: string; version: string }
  /** Never released: `treeish` is the tree before the package existed (everything is a change). */
  | { kind: "unreleased"; treeish: string }
  /** Its version differs from HEAD's: `changeset version` ran and is not committed yet. */
  | { kind: "versioning"; from: string; to: string };

/** Raised when a shallow clone cuts history before the commit the base would be. */
export class ShallowHistoryError extends Error {
  override name = "ShallowHistoryError";
}

const versionOf = (json: string | undefined): string | undefined =>
  json === undefined ? undefined : (JSON.parse(json) as { version?: string }).version;

/** `dir` is the package's directory relative to the repository root, with `/` separators. */
export async function releaseBase(root: string, dir: string, workingVersion: string): Promise<ReleaseBase> {
  const manifest = `${dir}/package.json`;
  const headVersion = versionOf(await showFile(root, "HEAD", manifest));
  if (headVersion !== undefined && headVersion !== workingVersion) {
    return { kind: "versioning", from: headVersion, to: workingVersion };
  }
  const shallow = await shallowBoundary(root);
  // Commits whose diff of package.json adds or removes a "version" line, newest first; the oldest
  // is the one that added the file. Each is confirmed by comparing the parsed versions.
  const candidates = lines(await gitMaybe(root, ["log", "--format=%H", "-G", '"version"[[:space:]]*:', "HEAD", "--", manifest]));
  for (const commit of candidates) {
    if (shallow.has(commit)) {
      throw new ShallowHistoryError(
        `${dir}: this is a shallow clone and its history stops at ${commit.slice(0, 12)}, before ${dir}'s last release ` +
          "could be found. Fix: `git fetch --unshallow` (in GitHub Actions: actions/checkout with `fetch-depth: 0`).",
      );
    }
    const version = versionOf(await showFile(root, commit, manifest));
    const parent = (await gitMaybe(root, ["rev-parse", "--verify", "--quiet", `${commit}^`]))?.trim();
    const parentVersion = parent ? versionOf(await showFile(root, parent, manifest)) : undefined;
    if (parentVersion === undefined) return { kind: "unreleased", treeish: parent ?? (await emptyTree(root)) };
    if (version !== undefined && parentVersion !== version) return { kind: "released", commit, version };
  }
  // Not committed yet at all: everything in it is untracked, hence new against HEAD.
  const head = (await gitMaybe(root, ["rev-parse", "--verify", "--quiet", "HEAD"]))?.trim();
  return { kind: "unreleased", treeish: head ?? (await emptyTree(root)) };
}

export const describeBase = (base: ReleaseBase): string => {
  switch (base.kind) {
    case "released":
      return `since its ${base.version} release in ${base.commit.slice(0, 7)}`;
    case "unreleased":
      return "never released";
    case "versioning":
      return `being versioned ${base.from} → ${base.to}`;
  }
};

