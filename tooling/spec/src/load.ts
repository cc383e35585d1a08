// Where the specs are and how they are read: every `specs/<vendor>.yaml` is a vendor, no list.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type { Json } from "./walk.ts";

/** The repository root (this package lives in tooling/spec). */
export const repoRoot: string = fileURLToPath(new URL("../../../", import.meta.url));

export const specFile = (vendor: string, root: string = repoRoot): string => path.join(root, "specs", `${vendor}.yaml`);

/** Every vendor: the file names of `specs/*.yaml`, sorted. */
export function specVendors(root: string = repoRoot): string[] {
  return readdirSync(path.join(root, "specs"))
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => file.slice(0, -".yaml".length))
    .sort();
}

/** A spec as plain JSON data (YAML merge keys applied; anchors become copies). */
export function readSpec(vendor: string, root: string = repoRoot): Json {
  return JSON.parse(JSON.stringify(parse(readFileSync(specFile(vendor, root), "utf8"), { merge: true }))) as Json;
}
