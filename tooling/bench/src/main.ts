// `pnpm bench`: what a @seg/segmetrics call costs over bare openapi-fetch and raw fetch, measured
// against a local keep-alive server. The machine is shared and noisy, so the variants run
// interleaved, several times, and the report gives medians and ratios from the same run.
import { fork } from "node:child_process";
import { parseArgs } from "node:util";
import createClient from "openapi-fetch";
import { createSegmetricsClient, type paths } from "@seg/segmetrics";

const { values } = parseArgs({
  // `pnpm bench -- --runs 3` passes a literal "--" through.
  args: process.argv.slice(2).filter((arg) => arg !== "--"),
  options: {
    requests: { type: "string", default: "2000" },
    runs: { type: "string", default: "7" },
    concurrency: { type: "string", default: "8" },
  },
});
const REQUESTS = Number(values.requests);
const RUNS = Number(values.runs);
const CONCURRENCY = Number(values.concurrency);

const server = fork(new URL("./server.ts", import.meta.url), { execArgv: ["--import", "tsx"] });
const port = await new Promise<number>((resolve) => server.once("message", resolve));
const origin = `http://127.0.0.1:${port}`;
const body = { contact_id: 249, email: "joey@bloggs.com", first_name: "Joey", tags: [3, 45, 8] };

const seg = createSegmetricsClient({
  accountId: "acc",
  integrationId: "int",
  apiKey: "key",
  baseUrls: { import: `${origin}/api/v1/{account_id}/{integration_id}` },
});
const bare = createClient<paths>({ baseUrl: `${origin}/api/v1/acc/int`, headers: { Authorization: "key" } });

const variants: Record<string, () => Promise<unknown>> = {
  "raw fetch": async () => {
    const response = await fetch(`${origin}/api/v1/acc/int/contact`, {
      method: "POST",
      headers: { Authorization: "key", "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });
    return (await response.json()) as unknown;
  },
  "bare openapi-fetch": () => bare.POST("/contact", { body }),
  "@seg/segmetrics": () => seg.POST("/contact", { body }),
};

/** Runs `requests` calls with `concurrency` in flight; returns total ms. */
async function measure(call: () => Promise<unknown>, requests: number, concurrency: number): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < requests) await call();
    }),
  );
  return performance.now() - started;
}

const median = (xs: number[]): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const names = Object.keys(variants);
const sequential: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
const concurrent: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));

for (const call of Object.values(variants)) await measure(call, 300, CONCURRENCY); // warm up JIT and sockets
for (let run = 0; run < RUNS; run++) {
  // Rotate the order each run so no variant always goes first on a warm or cold machine.
  for (const name of names.map((_, i) => names[(i + run) % names.length] ?? "")) {
    const call = variants[name];
    if (!call) continue;
    sequential[name]?.push(((await measure(call, REQUESTS, 1)) * 1000) / REQUESTS);
    concurrent[name]?.push(REQUESTS / ((await measure(call, REQUESTS, CONCURRENCY)) / 1000));
  }
}
server.send("close");

const baseline = median(sequential["bare openapi-fetch"] ?? []);
const baselineRps = median(concurrent["bare openapi-fetch"] ?? []);
const raw = median(sequential["raw fetch"] ?? []);
console.log(`POST /contact against a local keep-alive server: ${REQUESTS} requests × ${RUNS} runs, medians`);
console.log(`variant               µs/request (sequential)   × bare openapi-fetch   × raw fetch   req/s (${CONCURRENCY} in flight)   × bare`);
for (const name of names) {
  const us = median(sequential[name] ?? []);
  const rps = median(concurrent[name] ?? []);
  console.log(
    `${name.padEnd(22)}${us.toFixed(1).padStart(12)}${(us / baseline).toFixed(3).padStart(26)}${(us / raw).toFixed(3).padStart(14)}${rps.toFixed(0).padStart(20)}${(rps / baselineRps).toFixed(3).padStart(17)}`,
  );
}
