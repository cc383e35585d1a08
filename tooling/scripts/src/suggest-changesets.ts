// `seg-scripts changeset-suggest` (`pnpm changeset:suggest`): the non-interactive `pnpm changeset`.
// For every published package whose changes since its last release need more than its pending
// changesets give, writes a .changeset/*.md with the level they need and a summary of them (which
// `changeset version` copies into the package's CHANGELOG.md); widens a facade peer range that a
// pending release would leave, with a changeset for the facade. Nothing else is touched.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { pendingBump } from "./check-changesets.ts";
import { repoRoot } from "./paths.ts";
import { pendingChangesets } from "./pending-changesets.ts";
import { releaseBase } from "./release-base.ts";
import { classifyPackage } from "./semver/classify.ts";
import { rank, type Level } from "./semver/levels.ts";
import { nextVersions, peerGaps } from "./semver/peer-ranges.ts";
import { describe, levelOf, type Change } from "./semver/rules.ts";
import { publishedPackages, readJson, type PackageJson } from "./workspace.ts";

const HEADINGS: Record<Level, string> = { major: "Breaking changes", minor: "Additions", patch: "Other changes" };

/** The changeset's text: front matter, then the changes by level, each as the check describes it. */
export function changesetText(name: string, level: Level, summary: string): string {
  return `---\n"${name}": ${level}\n---\n\n${summary.trim()}\n`;
}

/** What the CHANGELOG says: the API changes by level (changed file names mean nothing to its readers). */
export function summarise(changes: readonly Change[]): string {
  const sections: string[] = [];
  const shown = changes.filter((c) => c.rule !== "source-changed");
  if (shown.length === 0) return "Internal changes only: no change to the API.";
  for (const level of ["major", "minor", "patch"] as const) {
    const lines = [...new Set(shown.filter((c) => levelOf(c) === level).map((c) => `- ${describe(c)}`))];
    if (lines.length > 0) sections.push(`${HEADINGS[level]}:\n\n${lines.join("\n")}`);
  }
  return sections.join("\n\n");
}

/** `.changeset/segmetrics-changes.md`, or `…-changes-2.md` when that exists. */
function freeName(root: string, name: string): string {
  const stem = name.replace(/^@[^/]+\//, "");
  for (let n = 1; ; n++) {
    const file = `.changeset/${stem}-changes${n === 1 ? "" : `-${n}`}.md`;
    if (!existsSync(path.join(root, file))) return file;
  }
}

export async function suggestChangesets(root: string = repoRoot): Promise<string[]> {
  const pending = await pendingChangesets(root);
  const packages = await publishedPackages(root);
  const written: string[] = [];
  const write = async (name: string, level: Level, summary: string) => {
    const file = freeName(root, name);
    await writeFile(path.join(root, file), changesetText(name, level, summary));
    written.push(file);
    console.log(`wrote ${file}: ${name} ${level}`);
  };
  for (const pkg of packages) {
    const { name, version } = pkg.manifest;
    const base = await releaseBase(root, pkg.dir, version);
    if (base.kind === "versioning") continue;
    const result = await classifyPackage(root, pkg, base.kind === "released" ? base.commit : base.treeish);
    if (result.files.length === 0) continue;
    const bump = pendingBump(pending, name);
    if (base.kind === "unreleased") {
      if (bump === undefined) await write(name, "minor", `First release of \`${name}\`.`);
      continue;
    }
    const required = result.required ?? "patch";
    if (bump !== undefined && rank(bump) >= rank(required)) {
      console.log(`${name}: already released by a pending ${bump} changeset (needs ${required})`);
      continue;
    }
    await write(name, required, summarise(result.changes));
  }
  // A vendor release the facade's peer range would not accept: widen the range, release the facade.
  for (const gap of peerGaps(packages, await nextVersions(root, packages))) {
    const manifestPath = path.join(root, gap.dependentDir, "package.json");
    const manifest = await readJson<PackageJson>(manifestPath);
    manifest.peerDependencies = { ...manifest.peerDependencies, [gap.peer]: gap.widened };
    const indent = /^\{\n( +)/.exec(await readFile(manifestPath, "utf8"))?.[1] ?? "  ";
    await writeFile(manifestPath, `${JSON.stringify(manifest, null, indent)}\n`);
    console.log(`widened ${gap.dependentDir}/package.json: ${gap.peer} "${gap.range}" → "${gap.widened}"`);
    await write(gap.dependent, "minor", `Accepts \`${gap.peer}\` ${gap.version} (peer range \`${gap.widened}\`).`);
  }
  if (written.length === 0) console.log("every changed package already has the changeset it needs");
  else console.log("edit each summary for the package's CHANGELOG, then commit the files with the change");
  return written;
}
