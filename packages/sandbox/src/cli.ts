#!/usr/bin/env node
// seg-sandbox: start the sandbox from a shell, print where each vendor is served, log each request,
// stop cleanly (writing the state file) on Ctrl-C.
import { parseCli, USAGE } from "./cli-args.ts";
import { toFaultRule } from "./faults.ts";
import { startSandbox, type Sandbox } from "./sandbox.ts";
import { vendorCatalog, type VendorInfo } from "./vendors/catalog.ts";

/** How a vendor's credentials are sent, with the values this sandbox accepts. */
function credentialText({ shape: { credential } }: VendorInfo, values: Readonly<Record<string, unknown>>): string {
  const value = (name: string): string => (typeof values[name] === "string" ? values[name] : "");
  switch (credential.kind) {
    case "header":
      return `${credential.header}: ${value("apiKey")}`;
    case "bearer":
      return `Authorization: Bearer ${value("token")}`;
    case "basic":
    case "exchange":
      return `Basic ${value("username")}:${value("password")}`;
    case "body":
      return `${credential.bind}: ${value(credential.bind)}`;
    case "none":
      return "";
  }
}

function banner(sandbox: Sandbox, vendors: readonly VendorInfo[]): string {
  const urls = sandbox.urls as unknown as Record<string, string | Record<string, string>>;
  const credentials = sandbox.credentials as unknown as Record<string, Record<string, unknown>>;
  const width = Math.max(...vendors.map(({ vendor }) => vendor.length), "control".length) + 2;
  const hostWidth = Math.max(0, ...vendors.flatMap(({ mounts }) => mounts.map((mount) => (mount.host?.length ?? -1) + 1)));
  const lines = vendors.flatMap((vendor) => {
    const served = urls[vendor.vendor] ?? "";
    const entries: [string, string][] = typeof served === "string" ? [["", served]] : Object.entries(served);
    return entries.map(([host, url], i) => {
      const label = (i === 0 ? vendor.vendor : "").padEnd(width);
      const credential = i === entries.length - 1 ? `    ${credentialText(vendor, credentials[vendor.vendor] ?? {})}` : "";
      return `  ${label}${(host ? `${host} ` : "").padEnd(hostWidth)}${url}${credential}`.trimEnd();
    });
  });
  return [
    `seg-sandbox listening on ${sandbox.url} (seed ${sandbox.seed}, ${sandbox.faults.length} fault rule(s))`,
    ...lines,
    `  ${"control".padEnd(width)}${sandbox.url}/__sandbox  (state, reset, faults, log, time)`,
  ].join("\n");
}

async function main(argv: readonly string[]): Promise<void> {
  let cli;
  try {
    cli = parseCli(argv);
    // Check the fault rules before anything listens, so a typo is a usage error.
    for (const fault of cli.sandbox.faults ?? []) toFaultRule(fault);
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
  console.log(banner(sandbox, vendorCatalog()));
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

// `pnpm start -- --port 0` passes the `--` along: it separates nothing here.
const args = process.argv.slice(2);
await main(args[0] === "--" ? args.slice(1) : args);
