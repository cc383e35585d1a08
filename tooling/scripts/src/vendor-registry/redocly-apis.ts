// redocly.yaml's `apis`: one entry per vendor spec, so `pnpm lint:specs` gates every spec. A
// vendor's own rules (its documented errors) stay as written; a new vendor gets its `root`.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { isMap, parseDocument } from "yaml";
import type { VendorPackage } from "../reference/vendors.ts";

export async function redoclyApis(root: string, vendors: readonly VendorPackage[]): Promise<string> {
  const document = parseDocument(await readFile(path.join(root, "redocly.yaml"), "utf8"));
  const apis = document.get("apis");
  if (!isMap(apis)) throw new Error("redocly.yaml: no `apis` map");
  const names = new Set(vendors.map((vendor) => vendor.vendor));
  for (const item of [...apis.items]) {
    const key = String((item.key as { value?: unknown } | null)?.value ?? item.key);
    if (!names.has(key)) apis.delete(key);
  }
  for (const vendor of vendors) {
    if (!apis.has(vendor.vendor)) apis.set(vendor.vendor, document.createNode({ root: vendor.spec }));
    else document.setIn(["apis", vendor.vendor, "root"], vendor.spec);
  }
  // These options reproduce the file byte for byte when nothing changed.
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}
