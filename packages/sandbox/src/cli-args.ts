// `seg-sandbox`'s arguments, read with node's own util.parseArgs (no dependency; strict: unknown
// flags are errors).
import { parseArgs } from "node:util";
import type { SandboxOptions } from "./sandbox.ts";

export const USAGE = `usage: seg-sandbox [options]

Serves SegMetrics, Segmint, Segmenter and SegmentHub on one port of 127.0.0.1:
  /segmetrics/import/api/v1/{account_id}/{integration_id}   /segmetrics/track   /segmetrics/reporting/{account_id}
  /segmint   /segmenter   /segmenthub            control API: /__sandbox

options:
  --port N                 port (default 4010; 0 picks a free one)
  --host ADDR              interface (default 127.0.0.1)
  --seed N                 seed of the fault PRNG (default 0)
  --fault SPEC             a fault rule, repeatable: vendor:operationId:key=value:…
                           keys: rate=0..1 status=4xx|5xx retry-after=S latency=MS times=N, flags: reset hang
                           e.g. segmetrics:upsertContact:rate=0.5:status=503   *:*:latency=200   segmint:*:status=429:retry-after=2
  --state FILE             keep the state in FILE (read at start if present, written after every change)
  --token-ttl SECONDS      lifetime of Segmint tokens (default 3600)
  --segmetrics-key KEY     SegMetrics API key (default sandbox-key)
  --segmint-user USER      Segmint username (default sandbox-user)
  --segmint-password PASS  Segmint password (default sandbox-password)
  --segmenter-key KEY      Segmenter x-api-key (default sandbox-key)
  --segmenthub-token TOKEN SegmentHub body token (default sandbox-token)
  --check-responses        check every reply against its spec (a mismatch becomes a 500 naming it)
  --quiet                  do not print one line per request
  --help                   this text`;

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

export function parseCli(argv: readonly string[]): CliOptions {
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
      "segmetrics-key": { type: "string" },
      "segmint-user": { type: "string" },
      "segmint-password": { type: "string" },
      "segmenter-key": { type: "string" },
      "segmenthub-token": { type: "string" },
      "check-responses": { type: "boolean", default: false },
      quiet: { type: "boolean", default: false },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const seed = values.seed === undefined ? undefined : Number(values.seed);
  if (seed !== undefined && !Number.isInteger(seed)) throw new Error(`--seed must be an integer, got "${values.seed ?? ""}"`);
  return {
    help: values.help,
    quiet: values.quiet,
    sandbox: {
      port: integer("port", values.port, 0) ?? 4010,
      host: values.host,
      seed,
      faults: values.fault ?? [],
      statePath: values.state,
      tokenTtlSeconds: integer("token-ttl", values["token-ttl"], 1),
      checkResponses: values["check-responses"],
      credentials: {
        segmetrics: { apiKey: values["segmetrics-key"] },
        segmint: { username: values["segmint-user"], password: values["segmint-password"] },
        segmenter: { apiKey: values["segmenter-key"] },
        segmenthub: { token: values["segmenthub-token"] },
      },
    },
  };
}
