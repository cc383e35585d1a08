// `pnpm run docs`: the HTML reference in docs/ (not committed). Every vendor spec rendered by Redoc,
// the TypeScript API of every published package by TypeDoc, and an index page linking them all.
// Vendors and packages come from specs/ and the workspace, never from a list.
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { indexPage, type SiteVendor } from "./docs/index-page.ts";
import { renderSpecPage } from "./docs/redoc.ts";
import { renderApi } from "./docs/typedoc.ts";
import { repoRoot } from "./paths.ts";
import { specFacts } from "./reference.ts";
import { vendorPackages } from "./reference/vendors.ts";
import { isObject } from "@seg/spec";
import { publishedPackages } from "./workspace.ts";

const API_DIR = "api";

/** Builds the site into `out` (emptied first); returns what it wrote. */
export async function buildDocs(root: string = repoRoot, out: string = path.join(root, "docs")): Promise<{ vendors: number; packages: number }> {
  await rm(out, { recursive: true, force: true });
  await mkdir(path.join(out, "specs"), { recursive: true });

  const vendors: SiteVendor[] = [];
  for (const pkg of await vendorPackages(root)) {
    const facts = await specFacts(root, pkg);
    const page = `specs/${pkg.vendor}.html`;
    const title = isObject(facts.doc.info) && typeof facts.doc.info.title === "string" ? facts.doc.info.title : pkg.vendor;
    await renderSpecPage(root, pkg.spec, path.join(out, page), `${title} — ${pkg.name}`);
    // The page carries the spec it renders: every operation must be in it.
    const html = await readFile(path.join(out, page), "utf8");
    const missing = facts.operations.filter((op) => !html.includes(`"operationId":"${op.operationId}"`));
    if (missing.length > 0) throw new Error(`${page} lacks ${missing.map((op) => op.operationId).join(", ")}`);
    vendors.push({ pkg, facts, page });
  }

  const packages = await publishedPackages(root);
  const apiPages = await renderApi(root, packages, path.join(out, API_DIR));
  await writeFile(path.join(out, "index.html"), indexPage(vendors, apiPages, API_DIR));
  return { vendors: vendors.length, packages: packages.length };
}
