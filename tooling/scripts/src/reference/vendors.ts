// The vendor packages the reference covers: every spec in specs/ whose package exists, never a list.
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { readJson } from "../workspace.ts";

export interface VendorPackage {
  /** `segmetrics`: the spec's file name, the package's directory, the examples' client variable. */
  vendor: string;
  /** `packages/segmetrics` */
  dir: string;
  /** `@seg/segmetrics` */
  name: string;
  /** `createSegmetricsClient`, read from the package's entry point. */
  factory: string;
  /** `specs/segmetrics.yaml` */
  spec: string;
}

export async function vendorPackages(root: string): Promise<VendorPackage[]> {
  const specs = (await readdir(path.join(root, "specs"))).filter((file) => file.endsWith(".yaml")).sort();
  const found: VendorPackage[] = [];
  for (const file of specs) {
    const vendor = file.replace(/\.yaml$/, "");
    const dir = `packages/${vendor}`;
    if (!existsSync(path.join(root, dir, "package.json"))) continue;
    const { name } = await readJson<{ name: string }>(path.join(root, dir, "package.json"));
    const entry = await readFile(path.join(root, dir, "src", "index.ts"), "utf8");
    const factories = [...entry.matchAll(/export\s*\{[^}]*\b(create\w+Client)\b[^}]*\}/g)].map((match) => match[1]);
    if (factories.length !== 1 || factories[0] === undefined) {
      throw new Error(`${dir}/src/index.ts: expected exactly one exported create…Client factory, found ${factories.length}`);
    }
    found.push({ vendor, dir, name, factory: factories[0], spec: `specs/${file}` });
  }
  return found;
}
