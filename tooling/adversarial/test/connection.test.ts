// A request that never gets an HTTP answer is a SegConnectionError carrying the platform's error code,
// for every vendor: a closed port, a reset, a server that hangs up without answering or mid-body, a
// host that does not resolve. Observed on Node 20 (undici): ECONNREFUSED for the closed port,
// ECONNRESET for an RST (the test server's "reset"), UND_ERR_SOCKET ("other side closed") for a FIN
// before or during the response, ENOTFOUND for `.invalid`.
import { createServer, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { SegConnectionError } from "@seg/core";
import { startTestServer, type TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { CALLABLE, callOp, clientOf, label, secretsOf, specOf, type SpecOperation } from "./operations.ts";
import { rejection, surfaces } from "./surfaces.ts";

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function testServer(handler: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const server = await startTestServer(handler);
  closers.push(() => server.close());
  return server;
}

/**
 * A raw TCP server for what node:http cannot script: it reads the request's first bytes, then does
 * `act` to the socket (ends it, writes half a response). Counts the connections it saw.
 */
async function rawServer(act: (socket: Socket) => void): Promise<{ url: string; connections: () => number }> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.once("data", () => {
      act(socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => { resolve(); }));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, connections: () => connections };
}

/** The first documented operation of each vendor, and the first one retried automatically. */
const FIRST = [...new Set(CALLABLE.map((op) => op.vendor))].map((vendor) => CALLABLE.find((op) => op.vendor === vendor) as SpecOperation);
const IDEMPOTENT = FIRST.map((first) => CALLABLE.find((op) => op.vendor === first.vendor && op.idempotent)).filter((op): op is SpecOperation => op !== undefined);

/** Checks the common shape of a connection error of `op`'s vendor and returns its code. */
function connectionError(error: unknown, op: SpecOperation, attempts = 1): string | undefined {
  expect(error).toBeInstanceOf(SegConnectionError);
  const failure = error as SegConnectionError;
  // The call's own operation, or the credential exchange it needed first (Segmint's token request).
  expect(specOf(op.vendor).operations.map((candidate) => candidate.operationId)).toContain(failure.operation);
  expect(failure).toMatchObject({ vendor: op.vendor, attempts });
  for (const secret of secretsOf(op.vendor)) expect(surfaces(error)).not.toContain(secret);
  return failure.code;
}

describe.each(FIRST.map((op) => [label(op), op] as const))("%s", (_name, op) => {
  it("a closed port: code ECONNREFUSED", async () => {
    const server = await startTestServer();
    const { url } = server;
    await server.close();
    const error = await rejection(() => callOp(clientOf(op.vendor, url, { retry: false }), op));
    expect(connectionError(error, op)).toBe("ECONNREFUSED");
  });

  it("a server that resets the connection (RST): a code, ECONNRESET", async () => {
    const server = await testServer(() => "reset");
    const error = await rejection(() => callOp(clientOf(op.vendor, server.url, { retry: false }), op));
    const code = connectionError(error, op);
    expect(typeof code === "string" && code.length > 0).toBe(true);
    expect(code).toBe("ECONNRESET");
    expect(server.requests).toHaveLength(1);
  });

  it("a server that hangs up (FIN) before answering: a code (undici's UND_ERR_SOCKET)", async () => {
    const server = await rawServer((socket) => socket.end());
    const error = await rejection(() => callOp(clientOf(op.vendor, server.url, { retry: false }), op));
    const code = connectionError(error, op);
    expect(code).toEqual(expect.any(String));
    expect(code).not.toBe("");
    expect(server.connections()).toBe(1);
  });

  it("a server that hangs up mid-body, after a 200 and half its content-length: a code", async () => {
    const server = await rawServer((socket) => socket.end('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"access_token":'));
    const error = await rejection(() => callOp(clientOf(op.vendor, server.url, { retry: false }), op));
    expect(connectionError(error, op)).toEqual(expect.any(String));
    expect(server.connections()).toBe(1);
  });

  it("a host that does not resolve: code ENOTFOUND", async () => {
    const error = await rejection(() => callOp(clientOf(op.vendor, "http://nonexistent.invalid", { retry: false }), op));
    expect(connectionError(error, op)).toBe("ENOTFOUND");
  });
});

describe.each(IDEMPOTENT.map((op) => [label(op), op] as const))("%s, retried", (_name, op) => {
  it("keeps the code after its retries: three resets, three attempts, ECONNRESET", async () => {
    const server = await testServer(() => "reset");
    const client = clientOf(op.vendor, server.url, { retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 5 } });
    const error = await rejection(() => callOp(client, op, (init) => ({ ...init, retry: undefined })));
    expect(connectionError(error, op, 3)).toBe("ECONNRESET");
    expect(server.requests).toHaveLength(3);
  });
});
