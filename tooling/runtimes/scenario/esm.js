// Node (ESM), Bun and Deno: the packages imported by their ESM entry points.
import { libs } from "./libs.js";
import { report } from "./report.js";
import { serverScenario } from "./scenario.js";

const env = JSON.parse(globalThis.process.env.SEG_RUNTIME_ENV);
report(await serverScenario(libs, env));
