import { parseArgs } from "node:util";
import { checkGenerated } from "./check-generated.ts";
import { writeGenerated } from "./generate.ts";

const usage = `usage: seg-scripts <command>

  generate <vendor>   regenerate packages/<vendor>/src/generated/ from specs/<vendor>.yaml
  check-generated     fail when any committed generated file differs from its spec`;

const { positionals } = parseArgs({ allowPositionals: true });
const [command, ...rest] = positionals;

switch (command) {
  case "generate": {
    const [vendor] = rest;
    if (!vendor) throw new Error(`generate needs a vendor name\n${usage}`);
    await writeGenerated(vendor);
    break;
  }
  case "check-generated":
    process.exitCode = (await checkGenerated()) ? 0 : 1;
    break;
  default:
    console.error(usage);
    process.exitCode = 2;
}
