// The facade follows its vendors honestly: every published package's peer range on a workspace
// package must include the version that package has, or will have once the pending changesets are
// versioned. Otherwise `changeset version` would silently rewrite the range to the new version only
// (narrowing it) and give the facade a major release nobody reviewed; instead the range is widened
// in the same pull request, where the facade's own tests run against the new version.
import getReleasePlan from "@changesets/get-release-plan";
import semver from "semver";
import type { WorkspacePackage } from "../workspace.ts";

export interface PeerGap {
  /** The package whose peer range is too narrow (`@seg/sdk`). */
  dependent: string;
  dependentDir: string;
  /** The peer it names (`@seg/segmetrics`), its current range, and the version it must accept. */
  peer: string;
  range: string;
  version: string;
  /** The range that accepts both what it did and `version`. */
  widened: string;
}

/**
 * The versions compatible with `version` under this repo's policy, where a breaking change is
 * always a major (also while 0.x): its major line, `1.x`.
 */
export const compatibleRange = (version: string): string => `${semver.major(version)}.x`;

/** Each package's version after `changeset version`, from the changesets' own release plan. */
export async function nextVersions(root: string, packages: readonly WorkspacePackage[]): Promise<Map<string, string>> {
  const versions = new Map(packages.map((pkg) => [pkg.manifest.name, pkg.manifest.version]));
  const plan = await getReleasePlan(root);
  for (const release of plan.releases) if (release.type !== "none") versions.set(release.name, release.newVersion);
  return versions;
}

/**
 * Peer ranges that refuse a workspace package's current version (changesets then ignores the
 * dependency altogether) or the version its pending changesets release it at.
 */
export function peerGaps(packages: readonly WorkspacePackage[], next: ReadonlyMap<string, string>): PeerGap[] {
  const current = new Map(packages.map((pkg) => [pkg.manifest.name, pkg.manifest.version]));
  const gaps: PeerGap[] = [];
  for (const pkg of packages) {
    for (const [peer, range] of Object.entries(pkg.manifest.peerDependencies ?? {})) {
      if (range.startsWith("workspace:")) continue;
      const version = [current.get(peer), next.get(peer)].find((v) => v !== undefined && !semver.satisfies(v, range));
      if (version === undefined) continue;
      gaps.push({ dependent: pkg.manifest.name, dependentDir: pkg.dir, peer, range, version, widened: `${range} || ${compatibleRange(version)}` });
    }
  }
  return gaps;
}
