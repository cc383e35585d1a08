// The root README's table of vendor packages, between marker comments: one row per vendor
// package, its description from its package.json, its spec and its reference.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { VendorPackage } from "../reference/vendors.ts";

export const TABLE_START = "<!-- registry:vendors -->";
export const TABLE_END = "<!-- /registry:vendors -->";

export async function readmeVendorTable(root: string, vendors: readonly VendorPackage[]): Promise<string> {
  const readme = await readFile(path.join(root, "README.md"), "utf8");
  const start = readme.indexOf(TABLE_START);
  const end = readme.indexOf(TABLE_END);
  if (start === -1 || end < start) throw new Error(`README.md: no vendor table; put \`${TABLE_START}\` and \`${TABLE_END}\` on their own lines where it goes`);
  const rows: string[] = [];
  for (const vendor of vendors) {
    const { description } = JSON.parse(await readFile(path.join(root, vendor.dir, "package.json"), "utf8")) as { description?: string };
    rows.push(`| [\`${vendor.name}\`](${vendor.dir}) | ${description ?? ""} | [\`${vendor.spec}\`](${vendor.spec}) | [API.md](${vendor.dir}/API.md) |`);
  }
  const table = [
    "<!-- Generated from specs/ and packages/<vendor>/package.json by `pnpm generate`: edit those, not this table. -->",
    "| vendor package | what it is | spec | every operation |",
    "| --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
  return `${readme.slice(0, start + TABLE_START.length)}\n${table}\n${readme.slice(end)}`;
}
