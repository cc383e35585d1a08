#!/usr/bin/env node
// seg-sandbox: start the sandbox from a shell, print where each vendor is served, log each request,
// stop cleanly (writing the state file) on Ctrl-C.
import { parseCli, USAGE } from "./cli-args.ts";
import { toFaultRule } from "./faults.ts";
import { startSandbox } from "./sandbox.ts";

async function main(argv: readonly string[]): Promise<void> {
  let cli;
  try {
    cli = parseCli(argv);
    // Check the fault rules before anything listens, so a typo is a usage error.
    cli.sandbox.faults?.forEach(toFaultRule);
  } catch (error) {
    console.error(`seg-sandbox: ${(error as Error).message}\n\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  if (cli.help) {
    console.log(USAGE);
    return;
  }
  const sandbox = await startSandbox({
    ...cli.sandbox,
    onRequest: cli.quiet
      ? undefined
      : (entry) => {
          const what = entry.operationId ? `${entry.vendor ?? ""} ${entry.operationId}` : "-";
          console.log(`${entry.method} ${entry.path} -> ${entry.result}  (${what}${entry.fault ? `; fault: ${entry.fault}` : ""})`);
        },
  });
  const { urls, credentials } = sandbox;
  console.log(`seg-sandbox listening on ${sandbox.url} (seed ${sandbox.seed}, ${sandbox.faults.length} fault rule(s))
  segmetrics  import    ${urls.segmetrics.import}
              track     ${urls.segmetrics.track}
              reporting ${urls.segmetrics.reporting}    Authorization: ${credentials.segmetrics.apiKey}
  segmint     ${urls.segmint}    Basic ${credentials.segmint.username}:${credentials.segmint.password}
  segmenter   ${urls.segmenter}    x-api-key: ${credentials.segmenter.apiKey}
  segmenthub  ${urls.segmenthub}    token: ${credentials.segmenthub.token}
  control     ${sandbox.url}/__sandbox  (state, reset, faults, log, time)`);
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

// `pnpm start -- --port 0` passes the `--` along: it separates nothing here.
const args = process.argv.slice(2);
await main(args[0] === "--" ? args.slice(1) : args);
