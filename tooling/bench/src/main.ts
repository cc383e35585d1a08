// `pnpm bench`: what a @seg/segmetrics call costs over bare openapi-fetch (same generated types),
// raw fetch and undici.request, against a local keep-alive server in a child process. The machine
// is shared and noisy, so variants run interleaved, several times, and every figure is a median of
// the same run; ratios compare variants measured side by side.
import { fork } from "node:child_process";
import { parseArgs } from "node:util";
import { variants, type Call, type Shape, type Variant } from "./variants.ts";

const { values } = parseArgs({
  // `pnpm bench -- --runs 3` passes a literal "--" through.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    requests: { type: "string", default: "1000" },
    runs: { type: "string", default: "5" },
    concurrency: { type: "string", default: "1,8,64" },
  },
});
const REQUESTS = Number(values.requests);
const RUNS = Number(values.runs);
const LEVELS = values.concurrency.split(",").map(Number);

const server = fork(new URL("./server.ts", import.meta.url), { execArgv: ["--import", "tsx"] });
const port = await new Promise<number>((resolve) => server.once("message", resolve));
const table = variants(`http://127.0.0.1:${port}`);

/** Runs `requests` calls with `concurrency` in flight; returns µs per request (wall clock / count). */
async function measure(call: Call, requests: number, concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) await call();
    }),
  );
  return ((performance.now() - started) * 1000) / requests;
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const rows: string[] = [];
const ratio = (a: number, b: number): string => (a / b).toFixed(3);
console.log(`${REQUESTS} requests × ${RUNS} runs per cell, medians; µs per request (wall clock ÷ requests)`);
console.log("| shape | in flight | undici.request | raw fetch | bare openapi-fetch | @seg/segmetrics | seg × bare | seg × raw fetch | bare × raw fetch |");
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const [shape, calls] of Object.entries(table) as [Shape, Record<Variant, Call>][]) {
  const names = Object.keys(calls) as Variant[];
  for (const concurrency of LEVELS) {
    const samples = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<Variant, number[]>;
    for (const name of names) await measure(calls[name], 200, concurrency); // warm up JIT and sockets
    for (let run = 0; run < RUNS; run++) {
      // Rotate the order each run so no variant always goes first on a warm or cold machine.
      for (const name of names.map((_, i) => names[(i + run) % names.length] as Variant)) {
        samples[name].push(await measure(calls[name], REQUESTS, concurrency));
      }
    }
    const m = Object.fromEntries(names.map((n) => [n, median(samples[n])])) as Record<Variant, number>;
    const row = `| ${shape} | ${concurrency} | ${names.map((n) => m[n].toFixed(1)).join(" | ")} | **${ratio(m["@seg/segmetrics"], m["bare openapi-fetch"])}** | ${ratio(m["@seg/segmetrics"], m["raw fetch"])} | ${ratio(m["bare openapi-fetch"], m["raw fetch"])} |`;
    rows.push(row);
    console.log(row);
  }
}
server.send("close");
