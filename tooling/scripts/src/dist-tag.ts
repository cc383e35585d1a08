// The npm dist-tag a release publishes under: `latest`; in changesets' pre mode the pre mode's tag
// (`changeset pre enter next` → `next`); or the one given (`pnpm release --tag next`, for snapshots).
// A prerelease never becomes `latest`, which is what `npm install @seg/x` installs.
import { existsSync } from "node:fs";
import path from "node:path";
import { readJson, type WorkspacePackage } from "./workspace.ts";

export class DistTagError extends Error {
  override name = "DistTagError";
}

interface PreState {
  mode: "pre" | "exit";
  tag: string;
}

const isPrerelease = (version: string): boolean => /^\d+\.\d+\.\d+-/.test(version);

export async function chooseDistTag(root: string, requested: string | undefined, packages: readonly WorkspacePackage[]): Promise<string> {
  const preFile = path.join(root, ".changeset", "pre.json");
  const pre = existsSync(preFile) ? await readJson<PreState>(preFile) : undefined;
  let tag = requested ?? "latest";
  if (pre?.mode === "pre") {
    if (requested !== undefined && requested !== pre.tag) {
      throw new DistTagError(`changesets is in pre mode for the "${pre.tag}" tag (.changeset/pre.json): --tag ${requested} would contradict it. Leave --tag out, or \`pnpm changeset pre exit\` first.`);
    }
    tag = pre.tag;
  }
  // npm refuses a tag that is a valid version range ("1", "v2", "1.x"): it could not tell them apart.
  if (!/^[a-z][a-z0-9._-]*$/i.test(tag) || /^v?\d/.test(tag) || /^x$/i.test(tag)) {
    throw new DistTagError(`"${tag}" cannot be a dist-tag: use a name such as next, beta or canary.`);
  }
  if (tag === "latest") {
    const prereleases = packages.filter((p) => isPrerelease(p.manifest.version)).map((p) => `${p.manifest.name}@${p.manifest.version}`);
    if (prereleases.length > 0) {
      throw new DistTagError(
        `${prereleases.join(", ")} ${prereleases.length === 1 ? "is a prerelease" : "are prereleases"}: publishing under "latest" would make every plain install get it. ` +
          "Publish snapshots with `pnpm release --tag next`, or version prereleases in pre mode (`pnpm changeset pre enter next`).",
      );
    }
  }
  return tag;
}
