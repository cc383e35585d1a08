// The logger option takes console, pino and winston as they are: each gets its own argument order,
// no `undefined` is ever printed, and every line carries vendor, operation and attempt (and the
// status where there is one), like the spans. SEG_LOG sets the level from the environment.
import { Console } from "node:console";
import { Writable } from "node:stream";
import { sequence, startTestServer } from "@seg/test-server";
import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import winston from "winston";
import { SegConfigError, type Logger, type LogLevel } from "../src/index.ts";
import { acmeClient } from "./fixtures/acme.ts";

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A stream that keeps what is written to it. */
function sink(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

/** A retried call (503, then 200) through `logger`: request and response lines at debug, a retry at warn. */
async function retriedCall(logger: Logger, options: { logLevel?: LogLevel } = { logLevel: "debug" }): Promise<void> {
  await using server = await startTestServer(sequence({ status: 503, json: {} }, { status: 200, json: { id: "1", name: "W" } }));
  await acmeClient(server, { logger, ...options }).GET("/things/{id}", { params: { path: { id: "1" } } });
}

const jsonLines = (text: string): Record<string, unknown>[] =>
  text
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe("logger", () => {
  it("console: the message, then the fields, never undefined", async () => {
    const out = sink();
    await retriedCall(new Console({ stdout: out.stream, stderr: out.stream, inspectOptions: { breakLength: Infinity } }));
    const lines = out.text().trim().split("\n");
    expect(lines).toHaveLength(5);
    expect(out.text()).not.toContain("undefined");
    expect(lines[0]).toMatch(/^acme getThing: GET http:\/\/127\.0\.0\.1:\d+\/v1\/acct_1\/things\/1 \{ vendor: 'acme', operation: 'getThing', attempt: 1 \}$/);
    expect(lines[1]).toMatch(/^acme getThing: 503 in \d+ ms \{\s*vendor: 'acme',\s*operation: 'getThing',\s*attempt: 1,\s*status: 503,\s*durationMs: \d+\s*\}$/);
    expect(lines[2]).toMatch(/^acme getThing: attempt 1 failed \(.*\); retrying in \d+ ms \{.*status: 503, delayMs: \d+/);
  });

  it("pino, detected: the fields object first, the message as msg", async () => {
    const out = sink();
    await retriedCall(pino({ level: "debug", base: undefined, timestamp: false }, out.stream));
    const lines = jsonLines(out.text());
    expect(out.text()).not.toContain("undefined");
    expect(lines.map(({ level, attempt, status }) => [level, attempt, status])).toEqual([
      [20, 1, undefined],
      [20, 1, 503],
      [40, 1, 503],
      [20, 2, undefined],
      [20, 2, 200],
    ]);
    expect(lines[2]).toMatchObject({ vendor: "acme", operation: "getThing" });
    expect(lines[2]!.msg).toMatch(/^acme getThing: attempt 1 failed/);
    expect(lines[2]!.delayMs).toEqual(expect.any(Number));
  });

  it("winston: the message, then the fields as metadata", async () => {
    const out = sink();
    // winston declares its transports as instances of an interface, not of the class TransportStream.
    // eslint-disable-next-line @typescript-eslint/no-unsafe-class-instance-assignment
    const transport: winston.transport = new winston.transports.Stream({ stream: out.stream });
    await retriedCall(winston.createLogger({ level: "debug", format: winston.format.json(), transports: [transport] }));
    const lines = jsonLines(out.text());
    expect(lines.map(({ level, attempt, status }) => [level, attempt, status])).toEqual([
      ["debug", 1, undefined],
      ["debug", 1, 503],
      ["warn", 1, 503],
      ["debug", 2, undefined],
      ["debug", 2, 200],
    ]);
    expect(lines[4]).toMatchObject({ vendor: "acme", operation: "getThing" });
    expect(lines[4]!.message).toMatch(/^acme getThing: 200 in \d+ ms$/);
  });

  it("loggerStyle says the order for a logger core cannot recognise (bunyan's is fields-first)", async () => {
    const calls: unknown[][] = [];
    const record = (...args: unknown[]): void => void calls.push(args);
    const logger = { debug: record, info: record, warn: record, error: record };
    await using server = await startTestServer(() => ({ status: 200, json: { id: "1", name: "W" } }));
    await acmeClient(server, { logger, logLevel: "debug", loggerStyle: "fields-first" }).GET("/things/{id}", { params: { path: { id: "1" } } });
    expect(calls[0]).toEqual([{ vendor: "acme", operation: "getThing", attempt: 1 }, expect.stringMatching(/^acme getThing: GET /)]);
  });

  it.each([
    ["SEG_LOG=debug turns debug lines on", { SEG_LOG: "debug" }, {}, 5],
    ["SEG_LOG=WARN (any case) keeps only the retry", { SEG_LOG: "WARN" }, {}, 1],
    ["without SEG_LOG, info: only the retry", {}, {}, 1],
    ["the logLevel option wins over SEG_LOG", { SEG_LOG: "debug" }, { logLevel: "error" as const }, 0],
  ])("%s", async (_name, env, options, lines) => {
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    const out = sink();
    await retriedCall(pino({ level: "debug" }, out.stream), options);
    expect(out.text() === "" ? 0 : out.text().trim().split("\n").length).toBe(lines);
  });

  it("a SEG_LOG that is not a level is refused when the client is created, naming SEG_LOG", async () => {
    vi.stubEnv("SEG_LOG", "verbose");
    await using server = await startTestServer();
    expect(() => acmeClient(server, { logger: console })).toThrow(SegConfigError);
    expect(() => acmeClient(server, { logger: console })).toThrow(expect.objectContaining({ field: "SEG_LOG" }));
  });
});
