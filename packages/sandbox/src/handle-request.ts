// One vendor request through fastify: the plain call the dispatcher takes, and its outcome acted on
// (a reply, a reset socket, or a hang), with the log entry recorded.
import { isJsonMedia } from "@seg/spec";
import type { FastifyReply, FastifyRequest } from "fastify";
import { setTimeout as sleep } from "node:timers/promises";
import { dispatch, type DispatchEnvironment, type IncomingCall, type LogEntry } from "./dispatch.ts";
import type { Session } from "./session.ts";

function flatHeaders(request: FastifyRequest): Record<string, string> {
  return Object.fromEntries(
    Object.entries(request.headers).flatMap(([name, value]) =>
      value === undefined ? [] : [[name.toLowerCase(), Array.isArray(value) ? value.join(", ") : value]],
    ),
  );
}

export function requestHandler(env: DispatchEnvironment, session: Session, origin: () => string): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  let seq = 0;
  return async (request, reply) => {
    const path = (request.raw.url ?? "/").split("?")[0] ?? "/";
    const entry: LogEntry = { seq: ++seq, at: new Date(session.now()).toISOString(), method: request.method, path, result: 0 };
    const call: IncomingCall = {
      method: request.method,
      url: request.raw.url ?? "/",
      headers: flatHeaders(request),
      body: typeof request.body === "string" ? request.body : "",
      origin: origin(),
    };
    const outcome = dispatch(call, env, entry);
    if (outcome.delayMs > 0) await sleep(outcome.delayMs);
    if (outcome.kind !== "reply") {
      entry.result = outcome.kind;
      session.record(entry);
      reply.hijack();
      // A reset: the client sees ECONNRESET. A hang: nothing, until it gives up or the sandbox closes.
      if (outcome.kind === "reset") request.raw.socket.resetAndDestroy();
      return;
    }
    entry.result = outcome.reply.status;
    session.record(entry);
    if (request.raw.destroyed) return;
    void reply.code(outcome.reply.status).headers(outcome.reply.headers ?? {});
    const { body, headers } = outcome.reply;
    const type = headers?.["content-type"];
    if (body === undefined) await reply.send();
    // A reply of another media type (a CSV export) is sent as its text, with its own content type.
    else if (type !== undefined && !isJsonMedia(type) && typeof body === "string") await reply.send(body);
    else await reply.type("application/json; charset=utf-8").send(JSON.stringify(body));
  };
}
