import { parseArgs } from "node:util";
import { apiReport } from "./api-report.ts";
import { checkChangesets } from "./check-changesets.ts";
import { checkGenerated } from "./check-generated.ts";
import { buildDocs } from "./docs.ts";
import { writeGenerated } from "./generate.ts";
import { writeReference } from "./reference.ts";
import { RegistryConfigError } from "./registry-guard.ts";
import { release, ReleaseRefused } from "./release.ts";
import { suggestChangesets } from "./suggest-changesets.ts";
import { CommandError } from "./run.ts";

const usage = `usage: seg-scripts <command>

  generate <vendor>        regenerate packages/<vendor>/src/generated/ from specs/<vendor>.yaml
  reference                regenerate every vendor's API.md and its README coverage table from specs/
  docs                     build the HTML reference into docs/ (Redoc for each spec, TypeDoc for the packages)
  check-generated          fail when any committed generated file differs from its spec
  check-changesets         fail when a published package changed since its last release without a changeset
  changeset-suggest        write .changeset/*.md for each package whose changes need more than its changesets give
  api-report [--check]     write each published package's API report (api/*.api.md) from its built types;
                           --check fails instead when a committed report differs
  release [--skip-checks]  build, check, and publish new versions to SEG_REGISTRY_URL (token: SEG_REGISTRY_TOKEN);
                           --skip-checks builds but skips the checks (only for a commit whose checks already passed)`;

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { "skip-checks": { type: "boolean", default: false }, check: { type: "boolean", default: false } },
});
const [command, ...rest] = positionals;

switch (command) {
  case "generate": {
    const [vendor] = rest;
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
  case "changeset-suggest":
    await suggestChangesets();
    break;
  case "api-report":
    process.exitCode = (await apiReport({ check: values.check })) ? 0 : 1;
    break;
  case "release":
    try {
      await release({ skipChecks: values["skip-checks"] });
    } catch (error) {
      // A refusal or a failed step is reported as its message alone; anything else is a bug.
      if (!(error instanceof RegistryConfigError || error instanceof ReleaseRefused || error instanceof CommandError)) throw error;
      console.error(`release: ${error.message}`);
      process.exitCode = 1;
    }
    break;
  default:
    console.error(usage);
    process.exitCode = 2;
}
