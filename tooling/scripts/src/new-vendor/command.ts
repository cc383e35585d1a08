// `pnpm new-vendor <name> --spec <file>`: checks the name and the spec (refusing with what to fix,
// before anything is written), then copies the spec to specs/<name>.yaml, writes packages/<name>
// and its first changeset, registers the vendor everywhere a vendor list lives (vendor-registry/),
// and runs the generators — so the new package builds, type-checks, lints and tests at once.
import { copyFile, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { apiReport } from "../api-report.ts";
import { writeGenerated } from "../generate.ts";
import { writeReference } from "../reference.ts";
import { run } from "../run.ts";
import { lockNewVendor } from "./lockfile.ts";
import { checkNewVendor } from "./refusals.ts";
import { vendorFiles } from "./files.ts";

export interface NewVendorOptions {
  root: string;
  vendor: string;
  /** The spec to copy, as given on the command line. */
  spec: string;
  /** The vendor's own capitalisation, when the spec's title does not give it. */
  displayName?: string | undefined;
}

export async function newVendor({ root, vendor, spec, displayName }: NewVendorOptions): Promise<void> {
  const facts = await checkNewVendor(root, vendor, path.resolve(spec), displayName);
  const step = (what: string): void => {
    console.log(`new-vendor: ${what}`);
  };
  const pnpm = async (...args: string[]): Promise<void> => {
    await run("pnpm", args, { cwd: root, env: process.env });
  };

  await copyFile(path.resolve(spec), path.join(root, "specs", `${vendor}.yaml`));
  const files = vendorFiles(facts);
  for (const [file, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), text);
  }
  step(`wrote specs/${vendor}.yaml and ${Object.keys(files).length} files:\n${Object.keys(files).map((file) => `  ${file}`).join("\n")}`);
  const registered = await writeReference(root);
  step(`registered ${vendor} (and wrote its reference):\n${registered.map((file) => `  ${file}`).join("\n")}`);

  // Links the new package. With its lockfile entries derived from a sibling's, pnpm asks no registry.
  const locked = await lockNewVendor(root, vendor);
  step(
    locked
      ? `locked @seg/${vendor} as ${locked.like} is locked, linked from ${locked.linked.join(", ")}: pnpm install needs no registry`
      : `no sibling of packages/${vendor} asks for the same dependencies: pnpm install resolves them from the registry`,
  );
  await pnpm("install", "--prefer-offline");
  await writeGenerated(vendor, root);
  await pnpm("--filter", "@seg/sandbox", "generate");
  // The API reports are made from the built types: the new package's, and the sandbox's (it serves the vendor).
  const reported = [`@seg/${vendor}`, "@seg/sandbox"];
  await pnpm("turbo", "run", "build", ...reported.map((name) => `--filter=${name}`), "--output-logs=errors-only");
  if (!(await apiReport({ check: false, root, only: reported }))) throw new Error("new-vendor: the API reports could not be written");
  step(
    `done. @seg/${vendor} builds, type-checks, lints and tests as it is:\n` +
      `  pnpm turbo run build typecheck lint test --filter=...@seg/${vendor}\n` +
      `Then write only what is ${facts.title}'s own (CONTRIBUTING.md, "Adding a vendor"): the adapter's mapping, quirks, the README's prose, the changeset's summary.`,
  );
}
