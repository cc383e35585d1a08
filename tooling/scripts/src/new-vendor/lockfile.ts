// A new vendor package's entries in pnpm-lock.yaml, derived from what is already locked, so that
// `pnpm install` links it without asking a registry for anything (offline, behind a registry that
// is down, in CI's scratch copy). A vendor package asks for the same dependencies as its siblings:
// the same catalog versions and the same workspace links (siblings share a folder), so its importer
// is a copy of a sibling's whose package.json asks for exactly what it does; each importer that
// now depends on the vendor (the facade, the sandbox, …) gains its workspace link. Edited through
// yaml's Document, which writes every untouched byte as it read it; pnpm writes the same file.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { isMap, parseDocument, Scalar, type Document, type YAMLMap } from "yaml";

const FIELDS = ["dependencies", "devDependencies", "optionalDependencies"] as const;
type Manifest = Partial<Record<(typeof FIELDS)[number], Record<string, string>>>;

/** What an importer asks for, in a form two importers can be compared by. */
const asked = (manifest: Manifest): string =>
  JSON.stringify(FIELDS.map((field) => Object.entries(manifest[field] ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))));

/** What the lockfile records an importer as asking for (its specifiers). */
const locked = (importer: YAMLMap): string =>
  asked(
    Object.fromEntries(
      FIELDS.map((field) => {
        const deps = importer.get(field);
        const entries = isMap(deps) ? deps.items.map((pair) => [String((pair.key as Scalar).value), String((pair.value as YAMLMap).get("specifier"))]) : [];
        return [field, Object.fromEntries(entries)];
      }),
    ),
  );

const readManifest = async (root: string, importer: string): Promise<Manifest> =>
  JSON.parse(await readFile(path.join(root, importer, "package.json"), "utf8")) as Manifest;

const byKey = (a: { key: unknown }, b: { key: unknown }): number => {
  const [x, y] = [String((a.key as Scalar).value), String((b.key as Scalar).value)];
  return x < y ? -1 : x > y ? 1 : 0;
};

/** A key written the way pnpm writes it: quoted when it starts with `@`, after a blank line for an importer. */
function keyOf(name: string, { blankLineBefore = false } = {}): Scalar {
  const key = new Scalar(name);
  if (name.startsWith("@")) key.type = Scalar.QUOTE_SINGLE;
  key.spaceBefore = blankLineBefore;
  return key;
}

export interface LockedVendor {
  /** The sibling importer whose entry the vendor's is a copy of. */
  like: string;
  /** The importers that gained a workspace link to the vendor. */
  linked: string[];
}

/**
 * Adds `packages/<vendor>` and the links to it to `pnpm-lock.yaml`. Returns `undefined`, and
 * writes nothing, when the lockfile has the package already, when no sibling asks for the same
 * dependencies, or when a dependent asks for it other than through the workspace: then
 * `pnpm install` resolves what it must from the registry, as it would anyway.
 */
export async function lockNewVendor(root: string, vendor: string): Promise<LockedVendor | undefined> {
  const file = path.join(root, "pnpm-lock.yaml");
  const doc = parseDocument(await readFile(file, "utf8"));
  const importers = doc.get("importers");
  if (!isMap(importers)) return undefined;
  const own = `packages/${vendor}`;
  const wanted = asked(await readManifest(root, own));

  let like: { name: string; importer: YAMLMap } | undefined;
  const links: { importer: YAMLMap; field: string; specifier: string; version: string; name: string }[] = [];
  for (const pair of importers.items) {
    const name = String((pair.key as Scalar).value);
    const importer = pair.value;
    if (name === own || !isMap(importer)) return undefined; // already locked, or not a lockfile we know
    const manifest = await readManifest(root, name);
    // Only a sibling whose lockfile entry is fresh for its package.json is copied.
    if (like === undefined && path.posix.dirname(name) === "packages" && asked(manifest) === wanted && locked(importer) === wanted) like = { name, importer };
    for (const field of FIELDS) {
      const specifier = manifest[field]?.[`@seg/${vendor}`];
      if (specifier === undefined) continue;
      if (!specifier.startsWith("workspace:") || !isMap(importer.get(field))) return undefined;
      links.push({ importer, field, specifier, version: `link:${path.posix.relative(name, own)}`, name });
    }
  }
  if (like === undefined) return undefined;

  importers.items.push(doc.createPair(keyOf(own, { blankLineBefore: true }), like.importer.clone()));
  importers.items.sort(byKey);
  for (const { importer, field, specifier, version } of links) {
    const deps = importer.get(field) as YAMLMap;
    deps.items.push(doc.createPair(keyOf(`@seg/${vendor}`), doc.createNode({ specifier, version })));
    deps.items.sort(byKey);
  }
  await writeFile(file, render(doc));
  return { like: like.name, linked: links.map((link) => link.name) };
}

const render = (doc: Document): string => doc.toString({ lineWidth: 0, flowCollectionPadding: false });
