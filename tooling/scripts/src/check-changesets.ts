// `seg-scripts check-changesets` (CI): every published package whose spec, source or runtime
// dependencies changed since its last release must be named by a pending changeset, with a bump at
// least as high as its changes need (semver/rules.ts); and every peer range on a workspace package
// must accept the version that package is about to be released at (semver/peer-ranges.ts).
import { gitMaybe } from "./git.ts";
import { repoRoot } from "./paths.ts";
import { pendingChangesets, type PendingChangeset } from "./pending-changesets.ts";
import { describeBase, releaseBase, ShallowHistoryError } from "./release-base.ts";
import { classifyPackage, type Classification } from "./semver/classify.ts";
import { rank } from "./semver/levels.ts";
import { nextVersions, peerGaps } from "./semver/peer-ranges.ts";
import { describe, levelOf } from "./semver/rules.ts";
import { publishedPackages } from "./workspace.ts";

const SHOWN_FILES = 5;
const SHOWN_CHANGES = 12;

/** The highest bump the pending changesets give a package ("none" and unknown bumps rank lowest). */
export const pendingBump = (pending: readonly PendingChangeset[], name: string): string | undefined =>
  pending
    .map((c) => c.releases[name])
    .filter((bump): bump is string => bump !== undefined)
    .sort((a, b) => rank(b) - rank(a))[0];

/** `@seg/segmetrics needs major: DELETE /invoice/{id} removed; ReportContact.lists removed from a response` */
export function needs(name: string, result: Classification): string {
  const top = result.changes.filter((c) => levelOf(c) === result.required).map((c) => describe({ ...c, note: undefined }));
  return `${name} needs ${result.required}: ${[...new Set(top)].join("; ")}`;
}

/** One line per classified change, its level first, as the failure shows them. */
export function changeLines(result: Classification, indent = "    "): string[] {
  const lines = result.changes.slice(0, SHOWN_CHANGES).map((c) => `${indent}${levelOf(c).padEnd(5)}  ${describe(c)}`);
  if (result.changes.length > SHOWN_CHANGES) lines.push(`${indent}… and ${result.changes.length - SHOWN_CHANGES} more`);
  return lines;
}

export async function checkChangesets(root: string = repoRoot): Promise<boolean> {
  if ((await gitMaybe(root, ["rev-parse", "--is-inside-work-tree"]))?.trim() !== "true") {
    console.error("check-changesets needs a git checkout: it measures changes against each package's last release commit");
    return false;
  }
  const pending = await pendingChangesets(root);
  const packages = await publishedPackages(root);
  const missing: string[] = [];
  const tooLow: string[] = [];
  for (const pkg of packages) {
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
    // A first release needs a changeset of any level; after it, the level its changes need.
    const result = await classifyPackage(root, pkg, base.kind === "released" ? base.commit : base.treeish);
    const required = base.kind === "released" ? result.required : undefined;
    const covering = pending.filter((c) => name in c.releases).map((c) => c.file);
    const bump = pendingBump(pending, name);
    if (result.files.length === 0) {
      console.log(`${name}: nothing to release (${where})`);
    } else if (covering.length === 0) {
      const shown = result.files.slice(0, SHOWN_FILES).map((file) => `    ${file}`);
      if (result.files.length > SHOWN_FILES) shown.push(`    … and ${result.files.length - SHOWN_FILES} more`);
      const level = required === undefined ? [] : [`    ${needs(name, result)}`, ...changeLines(result, "      ")];
      missing.push([`  ${name} (${pkg.dir}; ${where}) changed:`, ...shown, ...level].join("\n"));
    } else if (required !== undefined && rank(bump ?? "") < rank(required)) {
      tooLow.push([`  ${needs(name, result)}`, `    its changesets bump it ${bump} (${covering.join(", ")}); ${where}`, ...changeLines(result)].join("\n"));
    } else {
      const level = required === undefined ? "" : `, needs ${required}`;
      console.log(`${name}: ${result.files.length} file(s) changed (${where}${level}), released by ${covering.join(", ")}`);
    }
  }
  const gaps = peerGaps(packages, await nextVersions(root, packages));
  const problems: string[] = [];
  if (missing.length > 0) problems.push(`these packages changed without a changeset:\n${missing.join("\n")}`);
  if (tooLow.length > 0) problems.push(`these packages' changesets bump them less than their changes need:\n${tooLow.join("\n")}`);
  for (const gap of gaps) {
    problems.push(
      `${gap.dependent}'s peerDependencies range on ${gap.peer} ("${gap.range}") does not accept ${gap.version}, its version now or once the ` +
        `pending changesets are versioned; \`changeset version\` would narrow the range and release ${gap.dependent} as a major nobody reviewed.\n` +
        `  fix: widen it in ${gap.dependentDir}/package.json to "${gap.widened}" (its tests run against the new ${gap.peer} in this ` +
        `workspace) and add a changeset for ${gap.dependent} (minor); \`pnpm changeset:suggest\` does both.`,
    );
  }
  if (problems.length === 0) return true;
  const fix =
    missing.length + tooLow.length === 0
      ? ""
      : "\nfix: run `pnpm changeset:suggest`: it writes a .changeset/*.md for each package above with the level its changes need " +
        "and a summary of them; edit the summary for its CHANGELOG and commit the file with the change. (Or `pnpm changeset` " +
        "by hand.) The rules: tooling/scripts/src/semver/rules.ts; the policy: CONTRIBUTING.md, \"Which bump\".";
  console.error(problems.join("\n") + fix);
  return false;
}
