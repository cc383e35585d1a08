// `seg-scripts check-changesets` (CI): every published package whose spec, source or runtime
// dependencies changed since its last release must be named by a pending changeset.
import { gitMaybe } from "./git.ts";
import { changesSince } from "./package-changes.ts";
import { repoRoot } from "./paths.ts";
import { pendingChangesets } from "./pending-changesets.ts";
import { describeBase, releaseBase, ShallowHistoryError } from "./release-base.ts";
import { publishedPackages } from "./workspace.ts";

const SHOWN_FILES = 5;

export async function checkChangesets(root: string = repoRoot): Promise<boolean> {
  if ((await gitMaybe(root, ["rev-parse", "--is-inside-work-tree"]))?.trim() !== "true") {
    console.error("check-changesets needs a git checkout: it measures changes against each package's last release commit");
    return false;
  }
  const pending = await pendingChangesets(root);
  const missing: string[] = [];
  for (const pkg of await publishedPackages(root)) {
    const { name, version } = pkg.manifest;
    let base;
    try {
      base = await releaseBase(root, pkg.dir, version);
    } catch (error) {
      if (!(error instanceof ShallowHistoryError)) throw error;
      console.error(error.message);
      return false;
    }
    const where = describeBase(base);
    if (base.kind === "versioning") {
      console.log(`${name}: ${where}`);
      continue;
    }
    const changed = await changesSince(root, pkg, base.kind === "released" ? base.commit : base.treeish);
    const covering = pending.filter((c) => name in c.releases).map((c) => c.file);
    if (changed.length === 0) {
      console.log(`${name}: nothing to release (${where})`);
    } else if (covering.length > 0) {
      console.log(`${name}: ${changed.length} file(s) changed (${where}), released by ${covering.join(", ")}`);
    } else {
      const shown = changed.slice(0, SHOWN_FILES).map((file) => `    ${file}`);
      if (changed.length > SHOWN_FILES) shown.push(`    … and ${changed.length - SHOWN_FILES} more`);
      missing.push(`  ${name} (${pkg.dir}; ${where}) changed:\n${shown.join("\n")}`);
    }
  }
  if (missing.length === 0) return true;
  console.error(
    `these packages changed without a changeset:\n${missing.join("\n")}\n` +
      "fix: run `pnpm changeset`, select each package above with its bump (patch, minor or major), describe the change " +
      "for its CHANGELOG, and commit the new .changeset/*.md file with the change.",
  );
  return false;
}
