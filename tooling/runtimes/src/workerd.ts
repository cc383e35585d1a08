// Cloudflare's runtime: the bundled worker served by the workerd binary (driven directly: miniflare
// and wrangler need Node 22), called once; the worker runs the scenario and answers the results.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { bundle } from "./bundle.ts";
import type { CheckResult, SandboxEnv, TargetResult } from "./target.ts";

const require = createRequire(import.meta.url);
const PACKAGE = "@cloudflare/workerd-linux-64";
const packageDir = path.dirname(require.resolve(`${PACKAGE}/package.json`));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => {
        resolve(port);
      });
    });
    server.on("error", reject);
  });
}

// The worker reaches the sandbox on 127.0.0.1, which workerd's default outbound ("public") refuses.
const config = (bundleFile: string, env: SandboxEnv): string => `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const worker :Workerd.Worker = (
  modules = [(name = "worker", esModule = embed "${path.basename(bundleFile)}")],
  compatibilityDate = "2026-11-01",
  bindings = [(name = "SEG_RUNTIME_ENV", text = ${JSON.stringify(JSON.stringify(env))})],
  globalOutbound = "internet",
);
`;

export async function runWorkerd(project: string, env: SandboxEnv): Promise<TargetResult> {
  const version = (JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as { version: string }).version;
  const bundleFile = await bundle(project, "worker.js", ["workerd", "worker"]);
  const configFile = path.join(project, "workerd.capnp");
  writeFileSync(configFile, config(bundleFile, env));
  const port = await freePort();
  const child = spawn(path.join(packageDir, "bin/workerd"), ["serve", configFile, `--socket-addr=http=127.0.0.1:${port}`], { cwd: project, stdio: ["ignore", "ignore", "pipe"] });
  let err = "";
  child.stderr.on("data", (chunk: Buffer) => (err += chunk.toString()));
  try {
    for (let tries = 0; ; tries++) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/`);
        const { results } = (await response.json()) as { results: CheckResult[] };
        return { runtime: `workerd ${version}`, variant: "bundle", results };
      } catch (error) {
        if (child.exitCode !== null || tries > 100) throw new Error(`workerd did not answer:\n${err}`, { cause: error });
        await sleep(200);
      }
    }
  } finally {
    child.kill();
  }
}
