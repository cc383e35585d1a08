// `pnpm test:runtimes`: packs every published package, installs the tarballs in a scratch project,
// and runs the smoke scenario (scenario/scenario.js) on every target against its own sandbox (the
// packed @seg/sandbox, in this process). Prints `<runtime> <version>: N passed, 0 failed` per
// runtime and exits 1 if any check of any target failed.
//
// Which Node runs this orchestrator does not matter (the node-20/22/24 packages each link a `node`
// into this package's node_modules/.bin, so package scripts here get one of them); each target is
// started with its own pinned binary by path.
import { rmSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { launchChromium, runChromium } from "./chromium.ts";
import { PROCESS_TARGETS, runProcess } from "./processes.ts";
import { OUTPUT, runReferenceSite } from "./reference-site.ts";
import { scratchProject } from "./scratch.ts";
import { specFacts } from "./spec-calls.ts";
import type { SandboxEnv, TargetResult } from "./target.ts";
import { runWorkerd } from "./workerd.ts";

type StartSandbox = (options?: object) => Promise<{ url: string; clientOptions: unknown; close(): Promise<void> }>;

const started = Date.now();
const project = scratchProject();
const { startSandbox } = (await import(pathToFileURL(path.join(project, "node_modules/@seg/sandbox/dist/index.js")).href)) as { startSandbox: StartSandbox };

/** Runs `run` against a fresh sandbox of its own, so targets can run side by side. */
async function withSandbox(run: (env: SandboxEnv) => Promise<TargetResult>): Promise<TargetResult> {
  const sandbox = await startSandbox();
  try {
    return await run({ origin: sandbox.url, options: sandbox.clientOptions, ...(await specFacts(sandbox.url)) });
  } finally {
    await sandbox.close();
  }
}

const browser = await launchChromium();
const jobs: Array<() => Promise<TargetResult>> = [
  ...PROCESS_TARGETS.map((target) => () => withSandbox((env) => runProcess(target, project, env))),
  () => withSandbox((env) => runWorkerd(project, env)),
  () => withSandbox((env) => runChromium(browser, project, env)),
  () => runReferenceSite(browser),
];

// Two at a time: the machine has two cores, and most of each target's time is spent waiting.
const outcomes: TargetResult[] = [];
const failures: string[] = [];
let next = 0;
await Promise.all(
  [0, 1].map(async () => {
    for (let job = jobs[next++]; job; job = jobs[next++]) {
      try {
        const began = Date.now();
        const outcome = await job();
        console.error(`  (${outcome.runtime} ${outcome.variant}: ${((Date.now() - began) / 1000).toFixed(1)} s)`);
        outcomes.push(outcome);
      } catch (error) {
        failures.push(String(error instanceof Error ? error.stack : error));
      }
    }
  }),
);
await browser.close();

const byRuntime = new Map<string, TargetResult[]>();
for (const outcome of outcomes) byRuntime.set(outcome.runtime, [...(byRuntime.get(outcome.runtime) ?? []), outcome]);
let failed = failures.length;
for (const [runtime, targets] of [...byRuntime].sort(([a], [b]) => a.localeCompare(b, undefined, { numeric: true }))) {
  const checks = targets.flatMap((target) => target.results.map((result) => ({ ...result, variant: target.variant })));
  const bad = checks.filter((check) => !check.ok);
  failed += bad.length;
  console.log(`${runtime}: ${checks.length - bad.length} passed, ${bad.length} failed`);
  for (const check of bad) console.error(`  ✗ [${check.variant}] ${check.name}\n    ${check.error?.split("\n").join("\n    ")}`);
}
for (const failure of failures) console.error(`a target did not run:\n${failure}`);
rmSync(project, { recursive: true, force: true });
console.error(`test:runtimes: ${((Date.now() - started) / 1000).toFixed(1)} s; the reference site's screenshots are in ${OUTPUT}`);
process.exit(failed === 0 ? 0 : 1);
