// A server that echoes the client's secrets back, in every place a response has: a request-id
// header, the status text, a JSON error body (values and keys), a huge body, on every retry. None of
// it may reach an error's surfaces or a log line; messages stay short, the redacted body stays whole.
import { SegApiError, unwrap } from "@seg/core";
import { startTestServer, type RecordedRequest, type Reply, type TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { keepingLogger, rejection, surfaces } from "./surfaces.ts";
import { SLOTS, type Slot } from "./vendors.ts";

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

/** A server answering the slot's request with `hostile(secrets)`, everything else as the vendor would. */
async function echoing(slot: Slot, hostile: (request: RecordedRequest) => Reply): Promise<TestServer> {
  const server = await startTestServer((request) => (slot.carries(request) && !request.path.endsWith("/auth/v1/token") ? hostile(request) : slot.ok(request)));
  servers.push(server);
  return server;
}

/** The slot's request carries a credential the exchange issued only for Segmint's token slot; echo on its API call instead. */
const apiSlots = SLOTS.filter((slot) => slot.slot !== "Basic credentials (token exchange)");

describe.each(apiSlots.map((slot) => [`${slot.vendor}: ${slot.slot}`, slot] as const))("%s", (_name, slot) => {
  const everything = slot.secrets.join(" ");

  it("a secret echoed in the request id, the status text and the error body is masked everywhere", async () => {
    const server = await echoing(slot, (request) => ({
      status: 400,
      headers: { "x-request-id": `req-${everything}`, "content-type": "application/json" },
      body: JSON.stringify({ message: `rejected ${everything}`, echo: request.body, [slot.secrets[0] ?? "k"]: "as a key", headers: request.headers }),
    }));
    const result = await slot.call(server.url, { retry: false })();
    const error = await rejection(async () => unwrap(result as never));
    expect(error).toBeInstanceOf(SegApiError);
    expect((error as SegApiError).requestId).toMatch(/^req-/);
    for (const secret of slot.secrets) expect(surfaces(error)).not.toContain(secret);
    expect(server.requests.length).toBeGreaterThan(0);
  });

  it("every retry's log line and onRetry error is masked too", async () => {
    const logger = keepingLogger();
    const retried: unknown[] = [];
    const server = await echoing(slot, () => ({ status: 503, headers: { "x-request-id": everything, "retry-after": "0" }, json: { error: everything } }));
    await slot.call(server.url, {
      logger,
      logLevel: "debug",
      retry: { maxRetries: 2, baseDelayMs: 1, onRetry: ({ error }) => retried.push(error) },
    })();
    // Every slot's call is safe to repeat: three attempts, two retries.
    expect(retried).toHaveLength(2);
    expect(server.requests.filter((request) => slot.carries(request))).toHaveLength(3);
    const seen = [...logger.lines, ...retried.map(surfaces)].join("\n");
    for (const secret of slot.secrets) expect(seen).not.toContain(secret);
  });

  it("a huge error body makes a short message, while .body keeps all of it, redacted", async () => {
    const filler = "x".repeat(1024 * 1024);
    const server = await echoing(slot, () => ({ status: 422, json: { detail: filler, tail: everything } }));
    const error = (await rejection(async () => unwrap((await slot.call(server.url, { retry: false })()) as never))) as SegApiError<{ detail: string; tail: string }>;
    expect(error.message.length).toBeLessThan(600);
    expect(error.body.detail).toHaveLength(filler.length);
    expect(error.body.tail).not.toContain(slot.secrets[0]);
    expect(error.body.tail).toContain("[REDACTED]");
  });
});
