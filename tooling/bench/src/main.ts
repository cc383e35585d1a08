// `pnpm bench`: what a @seg/segmetrics call costs over bare openapi-fetch (same generated types),
// raw fetch and undici.request, against a local keep-alive server in a child process. The machine
// is shared and noisy, so variants run interleaved, several times, and every figure is a median of
// the same run; ratios compare variants measured side by side.
import { fork } from "node:child_process";
import { parseArgs } from "node:util";
import { enter } from "./telemetry-modes.ts";
import { MODE, variants, type Call, type Shape, type Variant } from "./variants.ts";

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

interface Sample {
  /** Wall clock ÷ requests, µs. */
  wall: number;
  /** This process's CPU time (user + system) ÷ requests, µs: the client's own cost, which a busy
   * machine disturbs far less than the wall clock (the server runs in another process). */
  cpu: number;
}

/** Runs `requests` calls with `concurrency` in flight. */
async function measure(call: Call, requests: number, concurrency: number): Promise<Sample> {
  let next = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) await call();
    }),
  );
  const used = process.cpuUsage(cpu);
  return { wall: ((performance.now() - started) * 1000) / requests, cpu: (used.user + used.system) / requests };
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const ratio = (a: number, b: number): string => (a / b).toFixed(3);
console.log(`${REQUESTS} requests × ${RUNS} runs per cell, medians. µs per request: wall clock ÷ requests, and the client process's CPU time ÷ requests.`);
console.log("`@seg/segmetrics` runs with @opentelemetry/api absent; the two rows after it, with the API loaded and no provider, and with an SDK tracer provider registered (batch processor, discarding exporter).");
console.log(
  "| shape | in flight | undici.request | raw fetch | bare openapi-fetch | @seg/segmetrics | seg, API no provider | seg, tracing on | seg × bare (wall) | seg × raw fetch (wall) | seg × bare (CPU) | seg × raw fetch (CPU) | no provider × absent (CPU) | tracing on × absent (CPU) |",
);
console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
for (const [shape, calls] of Object.entries(table) as [Shape, Record<Variant, Call>][]) {
  const names = Object.keys(calls) as Variant[];
  for (const concurrency of LEVELS) {
    const samples = Object.fromEntries(names.map((n) => [n, [] as Sample[]])) as Record<Variant, Sample[]>;
    const timed = (name: Variant, requests: number): Promise<Sample> => {
      enter(MODE[name]);
      return measure(calls[name], requests, concurrency);
    };
    for (const name of names) await timed(name, 200); // warm up JIT and sockets
    for (let run = 0; run < RUNS; run++) {
      // Rotate the order each run so no variant always goes first on a warm or cold machine.
      for (const name of names.map((_, i) => names[(i + run) % names.length] as Variant)) {
        samples[name].push(await timed(name, REQUESTS));
      }
    }
    const wall = Object.fromEntries(names.map((n) => [n, median(samples[n].map((x) => x.wall))])) as Record<Variant, number>;
    const cpu = Object.fromEntries(names.map((n) => [n, median(samples[n].map((x) => x.cpu))])) as Record<Variant, number>;
    const seg = "@seg/segmetrics";
    console.log(
      `| ${shape} | ${concurrency} | ${names.map((n) => `${wall[n].toFixed(1)} (${cpu[n].toFixed(1)})`).join(" | ")} | **${ratio(wall[seg], wall["bare openapi-fetch"])}** | ${ratio(wall[seg], wall["raw fetch"])} | **${ratio(cpu[seg], cpu["bare openapi-fetch"])}** | ${ratio(cpu[seg], cpu["raw fetch"])} | **${ratio(cpu["@seg/segmetrics (API, no provider)"], cpu[seg])}** | **${ratio(cpu["@seg/segmetrics (tracing on)"], cpu[seg])}** |`,
    );
  }
}
server.send("close");
