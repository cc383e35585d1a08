// Chromium: bundled by esbuild for the browser and loaded by a page; the orchestrator reads the results.
import { libs } from "./libs.js";
import { browserScenario } from "./scenario.js";

globalThis.SEG_RESULTS = browserScenario(libs, globalThis.SEG_RUNTIME_ENV);
