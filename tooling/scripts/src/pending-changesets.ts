// The changesets waiting in .changeset/ for the next `changeset version`, and the packages they name.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "yaml";
import { readJson } from "./workspace.ts";

export interface PendingChangeset {
  /** Path relative to the repository root (`.changeset/brave-cats-sing.md`). */
  file: string;
  /** Package name → bump type, from the front matter. */
  releases: Record<string, string>;
}

/** The front matter of a changeset: `"@seg/segmetrics": minor` lines between `---` fences. */
export function parseChangeset(text: string, file: string): Record<string, string> {
  const match = /^---\r?\n([\s\S]*?)\r?\n?---/.exec(text.trimStart());
  if (!match) throw new Error(`${file}: no front matter; a changeset starts with ---, package: bump lines, ---`);
  const releases: unknown = parse(match[1] ?? "") ?? {};
  if (typeof releases !== "object" || Array.isArray(releases)) throw new Error(`${file}: front matter is not a package: bump map`);
  return Object.fromEntries(Object.entries(releases as Record<string, unknown>).map(([name, bump]) => [name, String(bump)]));
}

export async function pendingChangesets(root: string): Promise<PendingChangeset[]> {
  const dir = path.join(root, ".changeset");
  // In pre mode, consumed changesets stay on disk and are listed in pre.json: they are not pending.
  const pre = existsSync(path.join(dir, "pre.json")) ? await readJson<{ changesets?: string[] }>(path.join(dir, "pre.json")) : {};
  const consumed = new Set(pre.changesets ?? []);
  const names = (await readdir(dir).catch(() => [] as string[]))
    .filter((name) => name.endsWith(".md") && name.toLowerCase() !== "readme.md" && !consumed.has(name.slice(0, -3)))
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const file = `.changeset/${name}`;
      return { file, releases: parseChangeset(await readFile(path.join(dir, name), "utf8"), file) };
    }),
  );
}
