// The packages that take every vendor package: the facade peers on each (optional, so a team
// installs only its vendors) and tests against it; the sandbox's and the adversarial suite's tests
// create each vendor's client. Their vendor entries follow the vendor packages, never a hand list.
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { VendorPackage } from "../reference/vendors.ts";

type Manifest = Record<string, unknown> & Partial<Record<"devDependencies" | "peerDependencies" | "peerDependenciesMeta", Record<string, unknown>>>;

/** A first release and every one before a breaking change: the range a new peer starts with. */
const FIRST_PEER_RANGE = "0.x";

interface Dependent {
  dir: string;
  /** The facade: an optional peer on each vendor, besides the devDependency its tests use. */
  peers: boolean;
}

export const DEPENDENTS: readonly Dependent[] = [
  { dir: "packages/sdk", peers: true },
  { dir: "packages/sandbox", peers: false },
  { dir: "tooling/adversarial", peers: false },
];

const sorted = <T>(entries: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(entries).sort(([a], [b]) => a.localeCompare(b)));

/** `manifest` with one entry per vendor package (existing ranges kept); peers exactly the vendors. */
function withVendors(manifest: Manifest, vendors: readonly VendorPackage[], peers: boolean): Manifest {
  const names = vendors.map((vendor) => vendor.name);
  const devDependencies = { ...manifest.devDependencies };
  for (const name of names) devDependencies[name] ??= "workspace:^";
  const updated: Manifest = { ...manifest, devDependencies: sorted(devDependencies) };
  if (peers) {
    updated.peerDependencies = sorted(Object.fromEntries(names.map((name) => [name, manifest.peerDependencies?.[name] ?? FIRST_PEER_RANGE])));
    updated.peerDependenciesMeta = sorted(Object.fromEntries(names.map((name) => [name, { optional: true }])));
  }
  return updated;
}

export async function dependentManifests(root: string, vendors: readonly VendorPackage[]): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const { dir, peers } of DEPENDENTS) {
    const file = `${dir}/package.json`;
    if (!existsSync(path.join(root, file))) continue;
    const manifest = JSON.parse(await readFile(path.join(root, file), "utf8")) as Manifest;
    files[file] = `${JSON.stringify(withVendors(manifest, vendors, peers), null, 2)}\n`;
  }
  return files;
}
