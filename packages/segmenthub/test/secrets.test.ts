// The token travels in JSON bodies only. Whatever goes wrong — a server echoing it back in an error
// body, an HTML error page, a reset, a timeout — it never shows up in what a caller or a log sees:
// error messages, String(), stacks, JSON.stringify, util.inspect, causes, or log lines at debug.
import { inspect } from "node:util";
import type { RecordedRequest, Reply } from "@seg/test-server";
import { REDACTED } from "@seg/core";
import { afterEach, describe, expect, it } from "vitest";
import { SegApiError, SegConnectionError, SegTimeoutError, unwrap, type SegmentHubClient, type SegmentHubOptions } from "../src/index.ts";
import { clientWithServer, FAST_RETRY, gcSafeFetch, TOKEN } from "./harness.ts";
import { tokenCases, type OperationCase } from "./operations.ts";
import type { TestServer } from "@seg/test-server";

/** Every form the token could leak in. */
const FORMS = [TOKEN, encodeURIComponent(TOKEN), btoa(TOKEN), "DO_NOT_LEAK_5678"];

/** Everything the server saw of a request, which a careless server echoes back. */
const seen = (request: RecordedRequest) => ({ url: `${request.path}?${request.rawQuery}`, headers: request.headers, body: request.body });

const failures: [string, (request: RecordedRequest) => Reply, SegmentHubOptions, abstract new (...args: never[]) => Error][] = [
  [
    "a 401 echoing the token in its message, a token field and the raw body",
    (request) => ({
      status: 401,
      json: { status: 401, message: `The API token provided was invalid: ${TOKEN}`, token: TOKEN, received: request.body },
    }),
    {},
    SegApiError,
  ],
  [
    "a 400 echoing the parsed request body",
    (request) => ({ status: 400, json: { status: 400, message: "missing parameters", errors: [request.json()] } }),
    {},
    SegApiError,
  ],
  [
    "an HTML 500 page echoing the whole request",
    (request) => ({ status: 500, headers: { "content-type": "text/html" }, body: `<pre>${JSON.stringify(seen(request))}</pre>` }),
    {},
    SegApiError,
  ],
  ["a connection reset", () => "reset", {}, SegConnectionError],
  ["an attempt timeout", () => "hang", { timeoutMs: 100, fetch: gcSafeFetch }, SegTimeoutError],
  [
    "a stalled body echoing the token",
    (request) => ({ status: 200, json: { message: `hello ${TOKEN}`, echo: request.body }, stallBody: true }),
    { timeoutMs: 100, fetch: gcSafeFetch },
    SegTimeoutError,
  ],
];

const withToken: [string, OperationCase["call"]] = [
  "Events with withToken",
  (c: SegmentHubClient) => c.fireEvent({ event: "pageView", visitorId: "v1", platform: "p" }, { withToken: true }),
];
const calls: [string, OperationCase["call"]][] = [...tokenCases.map(([name, c]) => [name, c.call] as [string, OperationCase["call"]]), withToken];

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A logger that keeps every line and its fields as text. */
function capturingLogger() {
  const lines: string[] = [];
  const log = (message: string, fields?: Record<string, unknown>): void => {
    lines.push(`${message} ${fields ? inspect(fields, { depth: 10 }) : ""}`);
  };
  return { lines, logger: { debug: log, info: log, warn: log, error: log } };
}

describe.each(calls)("the token of %s", (_name, call) => {
  it.each(failures)("never leaks on %s", async (_failure, reply, options, ErrorClass) => {
    const { lines, logger } = capturingLogger();
    const started = await clientWithServer(reply, { retry: FAST_RETRY, logger, logLevel: "debug", ...options });
    server = started.server;

    let error: unknown;
    try {
      unwrap(await call(started.client));
    } catch (caught) {
      error = caught;
    }

    // The token did reach the server, in the body only; the failure is the one this case is about.
    expect(server.requests.length).toBeGreaterThan(0);
    for (const request of server.requests) {
      expect(request.body).toContain(TOKEN);
      expect(JSON.stringify({ url: `${request.path}?${request.rawQuery}`, headers: request.headers })).not.toContain(TOKEN);
    }
    expect(error).toBeInstanceOf(ErrorClass);
    expect(lines.length).toBeGreaterThan(0);

    const thrown = error as Error;
    const surfaces = {
      message: thrown.message,
      string: String(thrown),
      stack: thrown.stack ?? "",
      json: JSON.stringify(thrown),
      inspect: inspect(thrown, { depth: 10 }),
      cause: inspect(thrown.cause, { depth: 10 }),
      body: JSON.stringify(thrown instanceof SegApiError ? thrown.body : null),
      logs: lines.join("\n"),
    };
    const leaks = Object.entries(surfaces).flatMap(([where, text]) => FORMS.filter((form) => text.includes(form)).map((form) => `${where}: ${form}`));
    expect(leaks).toEqual([]);
    // Where the server did echo the token, the typed error keeps the echo, masked.
    if (thrown instanceof SegApiError) expect(surfaces.body).toContain(REDACTED);
  });
});
