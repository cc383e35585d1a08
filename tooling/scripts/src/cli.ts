import path from "node:path";
import { parseArgs } from "node:util";
import { apiReport } from "./api-report.ts";
import { checkChangesets } from "./check-changesets.ts";
import { checkDependencies } from "./check-dependencies.ts";
import { checkGenerated } from "./check-generated.ts";
import { CLI_OPTIONS } from "./cli-options.ts";
import { DistTagError } from "./dist-tag.ts";
import { buildDocs } from "./docs.ts";
import { writeGenerated, writeGeneratedFromSpec } from "./generate.ts";
import { newVendor } from "./new-vendor/command.ts";
import { NewVendorRefused } from "./new-vendor/refused.ts";
import { packLocal } from "./pack-local.ts";
import { repoRoot } from "./paths.ts";
import { writeReference } from "./reference.ts";
import { RegistryConfigError } from "./registry-guard.ts";
import { release, ReleaseRefused } from "./release.ts";
import { RepositoryConfigError } from "./repository.ts";
import { CommandError } from "./run.ts";
import { suggestChangesets } from "./suggest-changesets.ts";

const usage = `usage: seg-scripts <command>

  generate <vendor>        regenerate packages/<vendor>/src/generated/ from specs/<vendor>.yaml
  generate --spec <file> --out <dir>
                           the same files from any spec into any directory (core's test fixture)
  reference                regenerate every vendor's API.md and its README coverage table from specs/
  docs                     build the HTML reference into docs/ (Redoc for each spec, TypeDoc for the packages)
  check-generated          fail when any committed generated file differs from its spec
  check-changesets         fail when a published package changed since its last release without a changeset
  check-dependencies       fail when a dependency is not pinned exactly, or an @seg name could come from a registry
  changeset-suggest        write .changeset/*.md for each package whose changes need more than its changesets give
  api-report [--check]     write each published package's API report (api/*.api.md) from its built types;
                           --check fails instead when a committed report differs
  release [--skip-checks] [--tag <dist-tag>]
                           build, check, and publish new versions to SEG_REGISTRY_URL (credentials: SEG_REGISTRY_TOKEN,
                           SEG_REGISTRY_AUTH, or SEG_REGISTRY_USERNAME and SEG_REGISTRY_PASSWORD); --skip-checks builds
                           but skips the checks (only for a commit whose checks already passed); --tag publishes under
                           that dist-tag instead of "latest" (snapshots: --tag next)
  new-vendor <name> --spec <file> [--display-name <Name>]
                           scaffold a vendor from its OpenAPI 3.1 spec: specs/<name>.yaml, packages/<name>, its
                           registration in every vendor list, generated code, reference and first changeset;
                           refuses, saying what to fix, a name that exists or a spec that breaks specs/README.md
  pack <package>... [--out <dir>]
                           build and pack the packages, with the @seg packages they depend on, into <dir>
                           (default .cache/packs), to install without a registry`;

const { positionals, values } = parseArgs({ allowPositionals: true, options: CLI_OPTIONS });
const [command, ...rest] = positionals;

/** A refusal or a failed step is reported as its message alone; anything else is a bug. */
async function reported(name: string, action: () => Promise<void>): Promise<void> {
  try {
    await action();
  } catch (error) {
    const known = [RegistryConfigError, ReleaseRefused, RepositoryConfigError, DistTagError, CommandError, NewVendorRefused];
    if (!known.some((type) => error instanceof type)) throw error;
    console.error(`${name}: ${(error as Error).message}`);
    process.exitCode = 1;
  }
}

switch (command) {
  case "generate": {
    const [vendor] = rest;
    if (values.spec !== undefined || values.out !== undefined) {
      if (vendor || values.spec === undefined || values.out === undefined) throw new Error(`generate takes a vendor, or --spec <file> and --out <dir>\n${usage}`);
      await writeGeneratedFromSpec(path.resolve(values.spec), path.resolve(values.out));
      break;
    }
    if (!vendor) throw new Error(`generate needs a vendor name\n${usage}`);
    await writeGenerated(vendor);
    break;
  }
  case "reference":
    await writeReference();
    break;
  case "docs": {
    const started = performance.now();
    const built = await buildDocs();
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`docs/index.html: ${built.vendors} vendor specs and ${built.packages} packages' API, in ${seconds} s`);
    break;
  }
  case "check-generated":
    process.exitCode = (await checkGenerated()) ? 0 : 1;
    break;
  case "check-changesets":
    process.exitCode = (await checkChangesets()) ? 0 : 1;
    break;
  case "check-dependencies":
    process.exitCode = (await checkDependencies()) ? 0 : 1;
    break;
  case "changeset-suggest":
    await suggestChangesets();
    break;
  case "api-report":
    process.exitCode = (await apiReport({ check: values.check })) ? 0 : 1;
    break;
  case "release":
    await reported("release", async () => {
      await release({ skipChecks: values["skip-checks"], ...(values.tag === undefined ? {} : { tag: values.tag }) });
    });
    break;
  case "new-vendor": {
    const [vendor] = rest;
    if (!vendor || values.spec === undefined) {
      console.error(`new-vendor needs a name and --spec <file>\n${usage}`);
      process.exitCode = 2;
      break;
    }
    // pnpm runs the script from the repository root; a relative --spec is relative to where it was typed.
    const spec = path.resolve(process.env.INIT_CWD ?? process.cwd(), values.spec);
    await reported("new-vendor", () => newVendor({ root: repoRoot, vendor, spec, displayName: values["display-name"] }));
    break;
  }
  case "pack":
    if (rest.length === 0) throw new Error(`pack needs at least one package\n${usage}`);
    await reported("pack", async () => {
      const outDir = path.resolve(values.out ?? path.join(repoRoot, ".cache", "packs"));
      const tarballs = await packLocal({ root: repoRoot, requested: rest, outDir });
      console.log(`packed into ${outDir}. In the project that tries them:\n\n  npm install ${tarballs.join(" ")}\n`);
    });
    break;
  default:
    console.error(usage);
    process.exitCode = 2;
}
