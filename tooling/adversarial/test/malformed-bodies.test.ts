// A 2xx whose body is not what the operation promises (a proxy's HTML page, JSON cut short), for every
// operation of every spec. Where JSON is promised the call rejects with a SegResponseError naming the
// vendor, the operation and the status, with a short redacted excerpt; where the spec promises no
// JSON the text comes back as it is. Every page carries the client's secrets, and none may show.
import { SegError, SegResponseError } from "@seg/core";
import { startTestServer, type RecordedRequest, type Reply, type TestServer } from "@seg/test-server";
import { afterAll, describe, expect, it } from "vitest";
import { apiRequests, CALLABLE, callOp, clientOf, label, OPERATIONS, okOf, secretsOf, type SpecOperation } from "./operations.ts";
import { rejection, surfaces } from "./surfaces.ts";
import type { Transport } from "./vendors.ts";

// One server per vendor for the file, answering through `answer` (set per test); tests run one at a
// time, each from an empty request log.
let answer: (request: RecordedRequest) => Reply = () => ({ status: 500 });
const servers = new Map<string, Promise<TestServer>>();
afterAll(async () => {
  await Promise.all([...servers.values()].map(async (server) => (await server).close()));
});

async function serverAnswering(vendor: string, handler: (request: RecordedRequest) => Reply): Promise<TestServer> {
  let server = servers.get(vendor);
  if (!server) servers.set(vendor, (server = startTestServer((request) => answer(request))));
  const started = await server;
  started.requests.splice(0);
  answer = handler;
  return started;
}

/** An HTML error page with the secrets at its start, across the 200-character excerpt cut, and at its end. */
function htmlPage(secrets: readonly string[]): string {
  const head = `<!doctype html><html><head><title>502 ${secrets.join(" ")}</title></head><body><h1>Bad Gateway</h1><p>`;
  const filler = "x".repeat(Math.max(0, 195 - head.length));
  return `${head}${filler}${secrets.join(" ")}</p>${"<p>upstream error</p>".repeat(30)}<!-- ${secrets.join(",")} --></body></html>`;
}

interface BadBody {
  name: string;
  reply: (secrets: readonly string[]) => Reply;
  /** A secret lies within the excerpt's first 200 characters: it must show as [REDACTED]. */
  redacted: boolean;
}

const BAD_BODIES: readonly BadBody[] = [
  { name: "an HTML page (text/html)", reply: (secrets) => ({ status: 200, headers: { "content-type": "text/html", "x-request-id": "req-42" }, body: htmlPage(secrets) }), redacted: true },
  { name: "an HTML page labelled application/json", reply: (secrets) => ({ status: 200, headers: { "content-type": "application/json" }, body: htmlPage(secrets) }), redacted: true },
  { name: 'truncated JSON {"a":', reply: () => ({ status: 200, headers: { "content-type": "application/json" }, body: '{"a":' }), redacted: false },
  {
    name: "JSON cut short after a secret",
    reply: (secrets) => ({ status: 200, headers: { "content-type": "application/json" }, body: `{"token":"${secrets.join('","')}","rest":[1,2` }),
    redacted: true,
  },
  { name: "an HTML page with a secret in x-request-id", reply: (secrets) => ({ status: 200, headers: { "content-type": "text/html", "x-request-id": `req-${secrets[0] ?? ""}` }, body: htmlPage(secrets) }),
    redacted: true,
  },
];

/** With middleware the success body is buffered and re-offered (transport's `rebuffer`): both paths are checked. */
const PATHS: readonly (readonly [string, Transport])[] = [
  ["direct", { retry: false }],
  ["with middleware", { retry: false, middleware: [{ onRequest: () => undefined }] }],
];

/** A server answering `op`'s requests with `bad`, everything else (a token exchange) with the vendor's success answer. */
async function answering(op: SpecOperation, bad: Reply): Promise<TestServer> {
  const ok = okOf(op.vendor);
  return serverAnswering(op.vendor, (request) => (apiRequests([request], op.vendor).length ? bad : ok(request)));
}

const noSecret = (error: unknown, secrets: readonly string[]): void => {
  const shown = surfaces(error);
  for (const secret of secrets) {
    expect(shown).not.toContain(secret);
    // Not even the start of one: a secret cut in half by the excerpt would still leak its prefix.
    expect(shown).not.toContain(secret.slice(0, 8));
  }
};

describe.each(CALLABLE.map((op) => [label(op), op] as const))("%s answers 200 with a malformed body", (_name, op) => {
  const secrets = secretsOf(op.vendor);
  it("the vendor's client holds secrets to plant", () => {
    expect(secrets.length).toBeGreaterThan(0);
  });

  describe.each(PATHS)("%s", (_path, transport) => {
    it.each(BAD_BODIES.map((bad) => [bad.name, bad] as const))(
      op.jsonSuccess ? "%s: SegResponseError with vendor, operation, status, a short excerpt, no secret" : "%s: the text is returned as it is",
      async (_what, bad) => {
        const reply = bad.reply(secrets);
        const server = await answering(op, reply);
        const client = clientOf(op.vendor, server.url, transport);
        if (!op.jsonSuccess) {
          const result = await callOp(client, op);
          expect(result.response.status).toBe(200);
          expect(result.data).toBe(typeof reply === "object" ? reply.body : undefined);
          expect(apiRequests(server.requests, op.vendor)).toHaveLength(1);
          return;
        }
        const error = await rejection(() => callOp(client, op));
        expect(error).toBeInstanceOf(SegResponseError);
        const failure = error as SegResponseError;
        expect(failure).toMatchObject({ vendor: op.vendor, operation: op.operationId, method: op.method, status: 200, attempts: 1 });
        expect(failure.excerpt.length).toBeGreaterThan(0);
        expect(failure.excerpt.length).toBeLessThanOrEqual(201);
        expect(failure.message).toContain(op.operationId);
        if (bad.redacted) expect(failure.excerpt).toContain("[REDACTED]");
        else expect(failure.excerpt).toBe(typeof reply === "object" ? reply.body : undefined);
        if (typeof reply === "object" && reply.headers?.["x-request-id"]) expect(failure.requestId).toMatch(/^req-/);
        noSecret(error, secrets);
        // The request reached the server once: a 200 is not retried, whatever its body.
        expect(apiRequests(server.requests, op.vendor)).toHaveLength(1);
      },
    );
  });

  if (op.jsonSuccess) it("a request id the server gives is on the error", async () => {
    const server = await answering(op, { status: 200, headers: { "content-type": "text/html", "x-request-id": "req-42" }, body: "<html></html>" });
    const error = await rejection(() => callOp(clientOf(op.vendor, server.url), op));
    expect(error).toMatchObject({ requestId: "req-42", excerpt: "<html></html>" });
  });
});

/** A credential exchange (Segmint's token request) answering a malformed 200, under a call of another operation. */
const EXCHANGES = OPERATIONS.filter((op) => op.exchange).flatMap((exchange) => {
  const call = CALLABLE.find((op) => op.vendor === exchange.vendor);
  return call ? [[`${label(exchange)} under ${call.operationId}`, exchange, call] as const] : [];
});

describe.each(EXCHANGES)("%s answers 200 with a malformed body", (_name, exchange, call) => {
  const secrets = secretsOf(exchange.vendor);
  it.each(BAD_BODIES.map((bad) => [bad.name, bad] as const))("%s: a typed SegError, no secret, the API call never sent", async (_what, bad) => {
    const ok = okOf(exchange.vendor);
    const server = await serverAnswering(exchange.vendor, (request) => (request.path.endsWith(exchange.path) ? bad.reply(secrets) : ok(request)));
    const error = await rejection(() => callOp(clientOf(exchange.vendor, server.url, { retry: false }), call));
    expect(error).toBeInstanceOf(SegError);
    expect(error).toMatchObject({ message: expect.stringContaining(exchange.operationId) as unknown });
    noSecret(error, secrets);
    expect(server.requests.map((request) => request.path)).toEqual([expect.stringMatching(`${exchange.path}$`)]);
    expect(apiRequests(server.requests, exchange.vendor)).toHaveLength(0);
  });
});
