// seg-sandbox: its arguments, and the real command started, answering, and stopped by SIGINT.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCli } from "../src/cli-args.ts";

describe("parseCli", () => {
  it("reads every option", () => {
    const cli = parseCli([
      "--port", "4011", "--seed", "42", "--fault", "segmetrics:upsertContact:rate=0.5:status=503", "--fault", "*:*:latency=5",
      "--state", "s.json", "--token-ttl", "5", "--segmetrics-key", "k1", "--segmint-user", "u", "--segmint-password", "p",
      "--segmenter-key", "k2", "--segmenthub-token", "t", "--check-responses", "--quiet",
    ]);
    expect(cli).toEqual({
      help: false,
      quiet: true,
      sandbox: {
        port: 4011,
        host: undefined,
        seed: 42,
        faults: ["segmetrics:upsertContact:rate=0.5:status=503", "*:*:latency=5"],
        statePath: "s.json",
        tokenTtlSeconds: 5,
        checkResponses: true,
        credentials: { segmetrics: { apiKey: "k1" }, segmint: { username: "u", password: "p" }, segmenter: { apiKey: "k2" }, segmenthub: { token: "t" } },
      },
    });
    expect(parseCli([]).sandbox.port).toBe(4010);
  });

  it.each([
    [["--port", "80.5"], '--port must be a whole number >= 0, got "80.5"'],
    [["--seed", "1.5"], '--seed must be an integer, got "1.5"'],
    [["--token-ttl", "0"], '--token-ttl must be a whole number >= 1, got "0"'],
    [["--bogus"], "Unknown option '--bogus'"],
  ])("rejects %j", (argv, problem) => {
    expect(() => parseCli(argv)).toThrow(problem);
  });
});

describe("seg-sandbox", () => {
  it("serves, logs each request, and writes its state file when stopped", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "seg-sandbox-cli-"));
    const statePath = path.join(dir, "state.json");
    const cli = fileURLToPath(new URL("../src/cli.ts", import.meta.url));
    const child = spawn(process.execPath, ["--import", "tsx", cli, "--port", "0", "--seed", "3", "--state", statePath], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      let output = "";
      child.stdout.setEncoding("utf8");
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on("data", (chunk: string) => {
          output += chunk;
          const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
          if (found) resolve(found);
        });
        child.once("exit", (code) => {
          reject(new Error(`exited ${String(code)}: ${output}`));
        });
      });
      expect(output).toContain("(seed 3, 0 fault rule(s))");
      const answer = await fetch(`${url}/segmenter/segments`, { method: "POST", headers: { "x-api-key": "sandbox-key", "content-type": "application/json" }, body: '{"name":"From CLI"}' });
      expect(answer.status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
      child.kill("SIGINT");
      expect(await exited).toBe(0);
      expect(output).toContain("POST /segmenter/segments -> 200  (segmenter createSegment)");
      expect(JSON.parse(readFileSync(statePath, "utf8"))).toMatchObject({ segmenter: { segments: { "sbx-segment-1": { name: "From CLI" } } } });
    } finally {
      child.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
