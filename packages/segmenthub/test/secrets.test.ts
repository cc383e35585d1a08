// An event sent with `withToken` carries the token in its body, where the spec binds none: the
// token still never shows up in what a caller or a log sees, whatever the server echoes. Every
// operation the spec binds the token to, and every other failure: conformance.test.ts.
import type { RecordedRequest, Reply, TestServer } from "@seg/test-server";
import { caught, errorSurfaces, keepingLogger, leaksIn } from "@seg/test-server/conformance";
import { REDACTED } from "@seg/core";
import { afterEach, describe, expect, it } from "vitest";
import { SegApiError, unwrap } from "../src/index.ts";
import { clientWithServer, FAST_RETRY, TOKEN } from "./harness.ts";

/** Every form the token could leak in. */
const FORMS = [TOKEN, encodeURIComponent(TOKEN), btoa(TOKEN), "DO_NOT_LEAK_5678"];

const failures: [string, (request: RecordedRequest) => Reply][] = [
  [
    "a 401 echoing the token in its message, a token field and the raw body",
    (request) => ({ status: 401, json: { status: 401, message: `The API token provided was invalid: ${TOKEN}`, token: TOKEN, received: request.body } }),
  ],
  ["an HTML 500 page echoing the body", (request) => ({ status: 500, headers: { "content-type": "text/html" }, body: `<pre>${request.body}</pre>` })],
];

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the token of an event sent withToken", () => {
  it.each(failures)("never leaks on %s", async (_failure, reply) => {
    const { lines, logger } = keepingLogger();
    const started = await clientWithServer(reply, { retry: FAST_RETRY, logger, logLevel: "debug" });
    server = started.server;

    const error = await caught(async () => unwrap(await started.client.fireEvent({ event: "pageView", visitorId: "v1", platform: "p" }, { withToken: true })));

    expect(server.requests.map((request) => (request.json() as { token?: unknown }).token)).toEqual([TOKEN]);
    expect(error).toBeInstanceOf(SegApiError);
    expect(lines.length).toBeGreaterThan(0);
    expect(leaksIn({ ...errorSurfaces(error), logs: lines.join("\n") }, FORMS)).toEqual([]);
    expect(errorSurfaces(error).body).toContain(REDACTED);
  });
});
