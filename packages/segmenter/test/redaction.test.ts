// The API key never appears in errors (message, JSON.stringify, util.inspect) or log lines, even
// when the server echoes it back.
import type { TestServer } from "@seg/test-server";
import { inspect } from "node:util";
import { afterEach, describe, expect, it } from "vitest";
import { createSegmenterClient, SegApiError, SegConfigError, SegConnectionError, unwrap, type SegmentPerson } from "../src/index.ts";
import { API_KEY, clientWithServer } from "./harness.ts";

function expectNoSecret(value: unknown): void {
  expect(value instanceof Error ? value.message : "").not.toContain(API_KEY);
  expect(JSON.stringify(value)).not.toContain(API_KEY);
  expect(inspect(value, { depth: 10 })).not.toContain(API_KEY);
}

type Log = (...args: unknown[]) => void;

function recordingLogger(): { lines: string[]; logger: Record<"debug" | "info" | "warn" | "error", Log> } {
  const lines: string[] = [];
  const log: Log = (...args) => {
    lines.push(args.map((arg) => (typeof arg === "string" ? arg : inspect(arg, { depth: 10 }))).join(" "));
  };
  return { lines, logger: { debug: log, info: log, warn: log, error: log } };
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the API key never leaks", () => {
  it("is sent, exactly, in x-api-key (and nowhere else on the wire)", async () => {
    const started = await clientWithServer(() => ({ status: 200, json: {} }));
    server = started.server;
    await started.client.createSegment({ name: "A" });
    const [request] = server.requests;
    expect(request?.headers["x-api-key"]).toBe(API_KEY);
    expect(JSON.stringify({ ...request?.headers, "x-api-key": undefined })).not.toContain(API_KEY);
    expect(request?.body).not.toContain(API_KEY);
  });

  it("a 401 body echoing the key is redacted in the SegApiError and the logs", async () => {
    const { lines, logger } = recordingLogger();
    const started = await clientWithServer(
      () => ({ status: 401, json: { statusCode: 401, message: `Unauthorized: key ${API_KEY} is not valid`, "x-api-key": API_KEY } }),
      { logger, logLevel: "debug" },
    );
    server = started.server;
    // `result.error` is the server's own body, as sent; the error that describes it is redacted.
    const result = await started.client.updateSegment({ id: "s", persons: [{ externalId: "p" }] });
    let thrown: unknown;
    try {
      unwrap(result);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SegApiError);
    expectNoSecret(thrown);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toContain(API_KEY);
  });

  it("a retried 503 and a connection failure log and throw without the key", async () => {
    const { lines, logger } = recordingLogger();
    const started = await clientWithServer((_request, index) => (index === 0 ? { status: 503, json: { key: API_KEY } } : "reset"), {
      logger,
      logLevel: "debug",
      retry: { maxRetries: 1, baseDelayMs: 1 },
    });
    server = started.server;
    const error: unknown = await started.client.updateSegment({ id: "s", persons: [{ externalId: "p" }] }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SegConnectionError);
    expectNoSecret(error);
    expect(lines.some((line) => line.includes("retrying"))).toBe(true);
    expect(lines.join("\n")).not.toContain(API_KEY);
  });

  it("the replace guard's refusal does not carry the key", async () => {
    const started = await clientWithServer();
    server = started.server;
    const nobody: SegmentPerson[] = [];
    const error: unknown = await started.client.updateSegment({ id: "s", persons: nobody }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SegConfigError);
    expectNoSecret(error);
  });

  it("a key given as the base URL by mistake is not echoed by the config error", () => {
    const error: unknown = (() => {
      try {
        return createSegmenterClient({ apiKey: "https://segmenter.example.com", baseUrl: API_KEY });
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(SegConfigError);
    expect((error as SegConfigError).field).toBe("baseUrl");
    expectNoSecret(error);
  });
});
