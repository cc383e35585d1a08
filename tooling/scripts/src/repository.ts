// The repository seg's packages come from, set once: the root package.json's `repository`. Every
// published package gets it (with its own `directory`), and the links in its README and CHANGELOG
// point into it at the commit being released, so they work on a registry page. URLs are parsed and
// rendered by hosted-git-info, the library npm itself uses for `repository` fields.
import hostedGitInfo from "hosted-git-info";

export class RepositoryConfigError extends Error {
  override name = "RepositoryConfigError";
}

export interface SourceRepository {
  /** The canonical form npm writes: `git+https://github.com/acme/seg.git`. */
  url: string;
  /** Its home page (`https://github.com/acme/seg`). */
  web: string;
  /** `github`, `gitlab`, `bitbucket` or `sourcehut`. */
  host: string;
  /** The account or organisation that owns it (`acme`; `acme/sub` for a GitLab subgroup). */
  owner: string;
  /** The commit the links point at. */
  commit: string;
  /** A page showing a file or directory of the repository at `commit`. */
  browse: (path: string, fragment?: string) => string;
  /** The raw content of a file at `commit` (for images). */
  raw: (path: string) => string;
}

const EXAMPLE = '"repository": { "type": "git", "url": "git+https://github.com/<your-org>/seg.git" }';

/** Reads and checks the root manifest's `repository`; links are made for `commit`. */
export function sourceRepository(rootManifest: { repository?: unknown }, commit: string): SourceRepository {
  const field = rootManifest.repository;
  const raw = typeof field === "string" ? field : typeof field === "object" && field !== null ? (field as { url?: unknown }).url : undefined;
  if (typeof raw !== "string" || raw.trim() === "") {
    throw new RepositoryConfigError(
      `the root package.json has no "repository": set it once, e.g. ${EXAMPLE}. ` +
        "Each published package's repository, and the links in its README on the registry, come from it.",
    );
  }
  const info = hostedGitInfo.fromUrl(raw.trim());
  if (!info) {
    throw new RepositoryConfigError(
      `the root package.json's repository URL (${raw}) is not a repository on GitHub, GitLab, Bitbucket or Sourcehut, ` +
        `so its packages' README links could not be made absolute. Fix: set it to your repository's URL, e.g. ${EXAMPLE}.`,
    );
  }
  if (info.auth) {
    throw new RepositoryConfigError("the root package.json's repository URL contains credentials: it is published with every package; remove them.");
  }
  if (!/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(commit)) throw new Error(`not a commit id: ${commit}`);
  const at = { committish: commit };
  return {
    url: info.https({ noCommittish: true }),
    web: info.browse(),
    host: info.type,
    owner: info.user,
    commit,
    browse: (path, fragment) => (fragment ? info.browse(path, fragment, at) : info.browse(path, at)),
    raw: (path) => info.file(path, at),
  };
}
