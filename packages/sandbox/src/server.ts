// The HTTP server: fastify on one port, every body read as text (each vendor decides what a body it
// cannot take means), CORS, and a JSON answer even for what fastify itself rejects.
import Fastify, { type FastifyInstance } from "fastify";
import { registerCors } from "./cors.ts";
import { statusText } from "./reply.ts";
import type { Mount } from "./vendors/mounts.ts";
import type { ServedVendor } from "./vendors/registry.ts";

export function createServer(vendors: readonly ServedVendor[], mounts: readonly Mount[]): FastifyInstance {
  const app: FastifyInstance = Fastify({ logger: false, forceCloseConnections: true, bodyLimit: 10 * 1024 * 1024 });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", { parseAs: "string" }, (_request, body, done) => {
    done(null, body);
  });
  // A blank Content-Type is no Content-Type (fastify would answer its own 415 before the vendor's).
  app.addHook("onRequest", (request, _reply, done) => {
    if (request.headers["content-type"]?.trim() === "") delete request.headers["content-type"];
    done();
  });
  registerCors(app, vendors, mounts);
  // What fastify itself rejects (a body over the limit, a broken request) still gets a JSON answer.
  app.setErrorHandler(async (error: { statusCode?: number; message: string }, _request, reply) => {
    const status = error.statusCode ?? 500;
    await reply.code(status).type("application/json; charset=utf-8").send(JSON.stringify({ error: statusText(status), message: error.message }));
  });
  return app;
}

/** Listens, and returns the origin clients use (`http://127.0.0.1:<port>`, IPv6 hosts in brackets). */
export async function listen(app: FastifyInstance, port: number, host: string): Promise<{ origin: string; port: number }> {
  await app.listen({ port, host });
  const address = app.server.address();
  const bound = typeof address === "object" && address !== null ? address.port : port;
  return { origin: `http://${host.includes(":") ? `[${host}]` : host}:${bound}`, port: bound };
}
