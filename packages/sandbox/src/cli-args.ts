// `seg-sandbox`'s arguments, read with node's own util.parseArgs (no dependency; strict: unknown
// flags are errors). The credential flags and the usage text come from the vendors' specs.
import { specOperations } from "@seg/spec/document";
import { parseArgs } from "node:util";
import type { SandboxOptions } from "./sandbox.ts";
import { vendorCatalog, type VendorInfo } from "./vendors/catalog.ts";
import { kebabCase, optionDefault } from "./vendors/generic/credentials.ts";

/** A flag that sets one credential of one vendor: `--<vendor>-key`, `--<vendor>-user` … */
export interface CredentialFlag {
  flag: string;
  vendor: string;
  option: string;
  metavar: string;
  description: string;
}

const SUFFIX: Readonly<Record<string, string>> = { apiKey: "key", username: "user" };
const METAVAR: Readonly<Record<string, string>> = { apiKey: "KEY", username: "USER", password: "PASS", token: "TOKEN" };

function describe({ displayName, shape: { credential } }: VendorInfo, option: string): string {
  switch (credential.kind) {
    case "header":
      return `${displayName} API key (${credential.header} header)`;
    case "bearer":
      return `${displayName} bearer token`;
    case "body":
      return `${displayName} body ${credential.bind}`;
    default:
      return `${displayName} ${option}`;
  }
}

/** `--<vendor>-key`, `--<vendor>-user`, `--<vendor>-password`, `--<vendor>-token`, else `--<vendor>-<kebab option>`. */
export function credentialFlags(vendors: readonly VendorInfo[]): CredentialFlag[] {
  return vendors.flatMap((vendor) =>
    vendor.shape.options
      .filter((option) => option.secret)
      .map(({ name }) => ({
        flag: `${vendor.vendor}-${SUFFIX[name] ?? kebabCase(name)}`,
        vendor: vendor.vendor,
        option: name,
        metavar: METAVAR[name] ?? kebabCase(name).toUpperCase(),
        description: `${describe(vendor, name)} (default ${optionDefault(name)})`,
      })),
  );
}

/** Words joined by `gap`, wrapped before `width` columns, each line indented. */
function wrap(words: readonly string[], indent: string, gap = "   ", width = 100): string {
  const lines: string[] = [];
  for (const word of words) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + gap.length + word.length <= width) lines[lines.length - 1] = `${last}${gap}${word}`;
    else lines.push(`${indent}${word}`);
  }
  return lines.join("\n");
}

export function usage(vendors: readonly VendorInfo[] = vendorCatalog()): string {
  const first = vendors[0];
  const firstOperation = first ? specOperations(first.document).operations[0]?.operationId : undefined;
  const example = first && firstOperation ? `${first.vendor}:${firstOperation}:rate=0.5:status=503   ` : "";
  const rows: [string, string][] = [
    ["--port N", "port (default 4010; 0 picks a free one)"],
    ["--host ADDR", "interface (default 127.0.0.1)"],
    ["--seed N", "seed of the fault PRNG (default 0)"],
    ["--fault SPEC", "a fault rule, repeatable: vendor:operationId:key=value:…"],
    ["", "keys: rate=0..1 status=4xx|5xx retry-after=S latency=MS times=N, flags: reset hang"],
    ["", `e.g. ${example}*:*:latency=200   ${first ? `${first.vendor}:*:status=429:retry-after=2` : ""}`.trimEnd()],
    ["--state FILE", "keep the state in FILE (read at start if present, written after every change)"],
    ["--token-ttl SECONDS", "lifetime of the tokens a token exchange issues (default 3600)"],
    ...credentialFlags(vendors).map(({ flag, metavar, description }): [string, string] => [`--${flag} ${metavar}`, description]),
    ["--check-responses", "check every reply against its spec (a mismatch becomes a 500 naming it)"],
    ["--quiet", "do not print one line per request"],
    ["--help", "this text"],
  ];
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  const names = vendors.map((vendor) => vendor.displayName);
  const served = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1) ?? ""}` : (names[0] ?? "nothing");
  return [
    "usage: seg-sandbox [options]",
    "",
    `Serves ${served} on one port of 127.0.0.1:`,
    wrap([...vendors.flatMap((vendor) => vendor.mounts.map((mount) => mount.template)), "control API: /__sandbox"], "  "),
    "",
    "options:",
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`),
  ].join("\n");
}

export const USAGE: string = usage();

export interface CliOptions {
  help: boolean;
  quiet: boolean;
  sandbox: SandboxOptions;
}

function integer(name: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isInteger(n) || n < min) throw new Error(`--${name} must be a whole number >= ${min}, got "${value}"`);
  return n;
}

export function parseCli(argv: readonly string[], vendors: readonly VendorInfo[] = vendorCatalog()): CliOptions {
  const flags = credentialFlags(vendors);
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      seed: { type: "string" },
      fault: { type: "string", multiple: true },
      state: { type: "string" },
      "token-ttl": { type: "string" },
      ...Object.fromEntries(flags.map(({ flag }) => [flag, { type: "string" as const }])),
      "check-responses": { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const text = (name: string): string | undefined => {
    const value = (values as Record<string, unknown>)[name];
    return typeof value === "string" ? value : undefined;
  };
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${text("seed") ?? ""}"`);
  // Only the flags given: every other credential keeps its default.
  const credentials: Record<string, Record<string, string>> = {};
  for (const { flag, vendor, option } of flags) {
    const value = text(flag);
    if (value !== undefined) (credentials[vendor] ??= {})[option] = value;
  }
  return {
    help: values.help,
    quiet: values.quiet,
    sandbox: {
      port: integer("port", text("port"), 0) ?? 4010,
      host: text("host"),
      seed,
      faults: values.fault ?? [],
      statePath: text("state"),
      tokenTtlSeconds: integer("token-ttl", text("token-ttl"), 1),
      checkResponses: values["check-responses"],
      credentials,
    },
  };
}
