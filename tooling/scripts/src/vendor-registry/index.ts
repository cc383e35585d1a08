// Every file outside packages/<vendor> that names the vendors, as it must read for the vendor
// packages that exist (`vendorPackages`: each specs/<vendor>.yaml with its packages/<vendor>).
// `pnpm generate` (and `pnpm new-vendor`) write them; `pnpm check:generated` fails when one differs.
import { existsSync } from "node:fs";
import path from "node:path";
import { vendorPackages } from "../reference/vendors.ts";
import { dependentManifests } from "./manifests.ts";
import { readmeVendorTable } from "./readme-table.ts";
import { redoclyApis } from "./redocly-apis.ts";

/** Each registry file's expected text, by path relative to the repository root (those the workspace has). */
export async function registryFiles(root: string): Promise<Record<string, string>> {
  const vendors = await vendorPackages(root);
  const has = (file: string): boolean => existsSync(path.join(root, file));
  return {
    ...(await dependentManifests(root, vendors)),
    ...(has("redocly.yaml") ? { "redocly.yaml": await redoclyApis(root, vendors) } : {}),
    ...(has("README.md") ? { "README.md": await readmeVendorTable(root, vendors) } : {}),
  };
}
