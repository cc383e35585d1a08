// A real HTTP server for tests, bound to 127.0.0.1 on a free port. It records every request as it
// reached the wire and answers with whatever the test scripts, including the faults real vendors
// produce: resets mid-request, hangs and bodies that stall. Built on node:http so nothing stands
// between the client under test and the socket.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path without the query string, still percent-encoded as sent. */
  path: string;
  /** The raw query string without `?`, as sent. */
  rawQuery: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** The body parsed as JSON (throws if it is not JSON). */
  json(): unknown;
}

export type Reply =
  | {
      status?: number;
      headers?: Record<string, string>;
      json?: unknown;
      body?: string;
      delayMs?: number;
      /**
       * Send the status line, the headers (with the full `content-length`) and the first half of
       * the body, then stall: the response never ends (a server that dies mid-body).
       */
      stallBody?: boolean;
    }
  /** Destroy the connection without answering (a connection reset). */
  | "reset"
  /** Never answer; the connection stays open until the client gives up or the server closes. */
  | "hang";

export type Handler = (request: RecordedRequest, index: number) => Reply | Promise<Reply>;

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  url: string;
  requests: RecordedRequest[];
  close(): Promise<void>;
  [Symbol.asyncDispose](): Promise<void>;
}

/** Replies in order, repeating the last one once the list runs out. */
export const sequence =
  (...replies: Reply[]): Handler =>
  (_request, index) =>
    replies[Math.min(index, replies.length - 1)] ?? { status: 500 };

export async function startTestServer(handler: Handler = () => ({ status: 200, json: {} })): Promise<TestServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const [path = "", rawQuery = ""] = (req.url ?? "").split(/\?(.*)/s);
      const body = Buffer.concat(chunks).toString("utf8");
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        path,
        rawQuery,
        query: new URLSearchParams(rawQuery),
        headers: req.headers,
        body,
        json: () => JSON.parse(body) as unknown,
      };
      const index = requests.push(recorded) - 1;
      void Promise.resolve(handler(recorded, index)).then(
        (reply) => {
          answer(reply, res, req.socket);
        },
        (error: unknown) => {
          res.writeHead(599).end(String(error));
        },
      );
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  // A forgotten server must not keep the test process alive.
  server.unref();
  const { port } = server.address() as AddressInfo;
  const close = async (): Promise<void> => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => { resolve(); }));
  };
  return { url: `http://127.0.0.1:${port}`, requests, close, [Symbol.asyncDispose]: close };
}

function answer(reply: Reply, res: ServerResponse, socket: Socket): void {
  if (reply === "hang") return;
  if (reply === "reset") {
    socket.resetAndDestroy();
    return;
  }
  const send = (): void => {
    const headers = { ...reply.headers };
    let body = reply.body ?? "";
    if (reply.json !== undefined) {
      body = JSON.stringify(reply.json);
      headers["content-type"] ??= "application/json";
    }
    if (reply.stallBody) {
      headers["content-length"] = String(Buffer.byteLength(body));
      res.writeHead(reply.status ?? 200, headers).flushHeaders();
      res.write(body.slice(0, Math.floor(body.length / 2)));
      return;
    }
    res.writeHead(reply.status ?? 200, headers).end(body);
  };
  if (reply.delayMs) setTimeout(send, reply.delayMs);
  else send();
}
