// What every published tarball must hold, checked on the unpacked package: by `pnpm release` before
// it publishes anything, and by the release end-to-end test on what the registry serves.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isRelative, markdownLinks } from "./markdown-links.ts";
import type { SourceRepository } from "./repository.ts";
import { CHANGELOG_FILE, LICENSE_FILE, README_FILE } from "./stage.ts";
import { DEPENDENCY_FIELDS, readJson, type PackageJson } from "./workspace.ts";

export interface TarballExpectations {
  /** The package's directory in the repository (`packages/segmetrics`). */
  source: string;
  repository: SourceRepository;
  /** The repository's LICENSE text. */
  license: string;
}

/** Hosts that only ever stand for an example (RFC 2606 and 6761): never in published metadata. */
const PLACEHOLDER_HOST = /^(?:.*\.)?(?:example|invalid|test|localhost|example\.com|example\.org|example\.net)$/i;

/** The SPDX id a LICENSE file's first line names: "MIT License" → "MIT". */
const spdxOf = (license: string): string => (license.split("\n", 1)[0] ?? "").replace(/\s+License\s*$/i, "").trim();

function urlsIn(value: unknown): string[] {
  if (typeof value === "string") return /^(?:git\+)?https?:\/\//.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(urlsIn);
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap(urlsIn);
  return [];
}

async function markdownProblems(file: string, name: string, repository: SourceRepository): Promise<string[]> {
  const problems: string[] = [];
  for (const link of markdownLinks(await readFile(file, "utf8"))) {
    if (isRelative(link.url)) problems.push(`${name} line ${link.line}: relative link "${link.url}" is broken on a registry page`);
    else if (link.url.startsWith(`${repository.web}/`) && !link.url.includes(repository.commit)) {
      problems.push(`${name} line ${link.line}: "${link.url}" does not point at the released commit ${repository.commit.slice(0, 12)}`);
    }
  }
  return problems;
}

/** Everything wrong with an unpacked package (`<dir>/package.json`, …); empty when it is complete. */
export async function tarballProblems(dir: string, expected: TarballExpectations): Promise<string[]> {
  const problems: string[] = [];
  const manifest = await readJson<PackageJson>(path.join(dir, "package.json"));
  const file = (name: string): string => path.join(dir, name);

  if (!existsSync(file(LICENSE_FILE))) problems.push(`no ${LICENSE_FILE}`);
  else if ((await readFile(file(LICENSE_FILE), "utf8")) !== expected.license) problems.push(`${LICENSE_FILE} differs from the repository's`);
  if (manifest.license !== spdxOf(expected.license)) problems.push(`"license" is ${JSON.stringify(manifest.license)}, the LICENSE is ${spdxOf(expected.license)}`);

  if (!existsSync(file(CHANGELOG_FILE))) problems.push(`no ${CHANGELOG_FILE} (a release needs a changeset: \`pnpm changeset\`, then \`pnpm changeset version\`)`);
  else {
    const changelog = await readFile(file(CHANGELOG_FILE), "utf8");
    if (!changelog.split("\n").includes(`## ${manifest.version}`)) problems.push(`${CHANGELOG_FILE} has no "## ${manifest.version}" entry`);
    problems.push(...(await markdownProblems(file(CHANGELOG_FILE), CHANGELOG_FILE, expected.repository)));
  }
  if (!existsSync(file(README_FILE))) problems.push(`no ${README_FILE}`);
  else problems.push(...(await markdownProblems(file(README_FILE), README_FILE, expected.repository)));

  const repository = typeof manifest.repository === "object" ? manifest.repository : undefined;
  if (repository?.url !== expected.repository.url || repository.directory !== expected.source) {
    problems.push(`"repository" is ${JSON.stringify(manifest.repository)}, not { url: ${expected.repository.url}, directory: ${expected.source} }`);
  }
  for (const url of urlsIn(manifest)) {
    const host = URL.canParse(url.replace(/^git\+/, "")) ? new URL(url.replace(/^git\+/, "")).hostname : "";
    if (PLACEHOLDER_HOST.test(host)) problems.push(`package.json names a placeholder host: ${url}`);
  }
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (/^(?:workspace|catalog):/.test(range)) problems.push(`${field}.${name} is "${range}": pnpm pack did not resolve it`);
    }
  }
  return problems;
}
