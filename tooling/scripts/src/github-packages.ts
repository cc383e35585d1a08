// GitHub Packages' npm registry (npm.pkg.github.com) has a rule of its own: a package's scope must be
// the GitHub account or organisation that owns the repository it is published from (`@seg/core`
// from a repository of the `seg` organisation), and the package is linked to that repository through
// its `repository` field. Checked before building, so a release does not fail half-way with a 403.
import type { SourceRepository } from "./repository.ts";
import { SCOPE } from "./workspace.ts";

export const GITHUB_PACKAGES_HOST = "npm.pkg.github.com";

/** Why this registry would refuse these packages, or undefined when it would not (or is not GitHub's). */
export function githubPackagesProblem(registryUrl: string, repository: SourceRepository): string | undefined {
  if (new URL(registryUrl).hostname.toLowerCase() !== GITHUB_PACKAGES_HOST) return undefined;
  const owner = SCOPE.slice(1);
  if (repository.host !== "github") {
    return `GitHub Packages links each package to a repository on GitHub, but the root package.json's repository is on ${repository.host} (${repository.web}).`;
  }
  if (repository.owner.toLowerCase() !== owner.toLowerCase()) {
    return (
      `GitHub Packages accepts a package only when its scope is the owner of its repository: ${SCOPE}/* must come from a repository ` +
      `of the "${owner}" organisation, but ${repository.web} belongs to "${repository.owner}". Publish from a repository of "${owner}", or rename the scope to @${repository.owner}.`
    );
  }
  return undefined;
}
