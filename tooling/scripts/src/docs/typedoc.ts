// The hand-written TypeScript API of every published package, rendered by TypeDoc: each package is
// converted from its own entry points (its package.json `exports`, mapped to src/) with its own
// tsconfig, then the projects are merged into one site, one module per import path.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Application, normalizePath, OptionDefaults, type ProjectReflection, type TypeDocOptions } from "typedoc";
import type { WorkspacePackage } from "../workspace.ts";

type Exports = Record<string, string | { import?: string | { default?: string }; default?: string }>;

/** Each import path of a package and the source file behind it: `./dist/adapter.js` → `src/adapter.ts`. */
export function sourceEntryPoints(root: string, pkg: WorkspacePackage): { specifier: string; file: string }[] {
  const exports = (pkg.manifest as { exports?: Exports }).exports ?? {};
  return Object.entries(exports)
    .filter(([subpath]) => subpath !== "./package.json")
    .map(([subpath, target]) => {
      const built = typeof target === "string" ? target : typeof target.import === "string" ? target.import : (target.import?.default ?? target.default);
      const match = /^\.\/dist\/(.+)\.c?js$/.exec(built ?? "");
      const file = match ? path.join(pkg.dir, "src", `${match[1]}.ts`) : undefined;
      if (!file || !existsSync(path.join(root, file))) throw new Error(`${pkg.dir}/package.json: exports["${subpath}"] has no source file under src/`);
      return { specifier: subpath === "." ? pkg.manifest.name : `${pkg.manifest.name}${subpath.slice(1)}`, file };
    });
}

const shared: Partial<TypeDocOptions> = {
  readme: "none",
  logLevel: "Warn",
  treatWarningsAsErrors: true,
  // openapi-typescript writes these into the generated types.
  blockTags: [...OptionDefaults.blockTags, "@description", "@constant"],
  // A page without an icon makes the browser ask the server for /favicon.ico.
  favicon: fileURLToPath(new URL("favicon.svg", import.meta.url)),
};

/**
 * TypeDoc links each declaration to its source through the `origin` remote, and warns (an error
 * here) when there is none: a checkout from a tarball or a fresh `git init`. Then there are no links.
 */
function sourceLinks(root: string): Partial<TypeDocOptions> {
  try {
    execFileSync("git", ["remote", "get-url", "origin"], { cwd: root, stdio: "ignore" });
    return {};
  } catch {
    return { disableSources: true };
  }
}

async function convert(options: Partial<TypeDocOptions>, root: string): Promise<{ app: Application; project: ProjectReflection }> {
  const app = await Application.bootstrap({ ...shared, ...sourceLinks(root), ...options });
  const project = await app.convert();
  if (!project || app.logger.hasErrors() || app.logger.hasWarnings()) throw new Error(`TypeDoc could not convert ${String(options.name)} (see above)`);
  return { app, project };
}

/** Renders the packages' API into `out`; returns each import path's page, relative to `out`. */
export async function renderApi(root: string, packages: readonly WorkspacePackage[], out: string): Promise<Record<string, string>> {
  const scratch = await mkdtemp(path.join(tmpdir(), "seg-typedoc-"));
  try {
    const projects: string[] = [];
    for (const pkg of packages) {
      const entries = sourceEntryPoints(root, pkg);
      const { app, project } = await convert({
        name: pkg.manifest.name,
        entryPoints: entries.map((entry) => path.join(root, entry.file)),
        tsconfig: path.join(root, pkg.dir, "tsconfig.lib.json"),
        // The build and `pnpm typecheck` check types; TypeDoc only reads them.
        skipErrorChecking: true,
      }, root);
      // A package with several entry points gets one module per import path, named by it.
      for (const module of project.children ?? []) {
        const entry = entries.find((e) => path.basename(e.file, ".ts") === module.name);
        if (entry) module.name = entry.specifier;
      }
      const file = path.join(scratch, `${projects.length}.json`);
      await writeFile(file, JSON.stringify(app.serializer.projectToObject(project, normalizePath(root))));
      projects.push(file);
    }
    const { app, project } = await convert({ name: "seg", entryPointStrategy: "merge", entryPoints: projects }, root);
    await app.generateDocs(project, out);
    if (app.logger.hasErrors() || app.logger.hasWarnings()) throw new Error("TypeDoc could not render the API (see above)");
    await inlineIconReferences(out);
    const router = app.renderer.router;
    return Object.fromEntries((project.children ?? []).map((module) => [module.name, router ? router.getFullUrl(module) : "index.html"]));
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * TypeDoc's pages point their icons at `assets/icons.svg#icon-…`, which a page opened from file://
 * may not load (Chromium refuses it, logging an error); its icons.js then inlines the sprite and
 * switches to `#icon-…` on file:// — after that first attempt. Writing `#icon-…` from the start
 * works everywhere: icons.js adds the sprite to every page.
 */
async function inlineIconReferences(out: string): Promise<void> {
  const reference = /href="(?:\.\.\/)*assets\/icons\.svg#/g;
  let pages = 0;
  for (const entry of await readdir(out, { recursive: true })) {
    if (!entry.endsWith(".html")) continue;
    const file = path.join(out, entry);
    const html = await readFile(file, "utf8");
    if (html.search(reference) === -1) continue;
    await writeFile(file, html.replace(reference, 'href="#'));
    pages++;
  }
  if (pages === 0) throw new Error("TypeDoc's pages no longer reference assets/icons.svg: check how this TypeDoc version loads its icons");
}
