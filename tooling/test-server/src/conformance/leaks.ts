// Where a secret could show up once something failed, and servers that try hard to make it: each
// echoes everything it received (headers, query, body) and every canary back.
import { inspect } from "node:util";
import type { RecordedRequest, Reply } from "../index.ts";

/** The marker @seg/core writes where it removed a secret. */
export const REDACTED = "[REDACTED]";

/** `JSON.stringify`, which answers undefined for some values whatever its type says, as text. */
function jsonText(value: unknown): string {
  const text: unknown = JSON.stringify(value);
  return typeof text === "string" ? text : "";
}

/** Everything a human or a log pipeline can see of an error, by where it is seen. */
export function errorSurfaces(error: unknown): Record<string, string> {
  const thrown = error as Error & { body?: unknown };
  const causes: string[] = [];
  for (let at: unknown = thrown.cause, depth = 0; at !== undefined && depth < 5; depth++) {
    causes.push(inspect(at, { depth: 10 }), at instanceof Error ? `${at.message}\n${at.stack ?? ""}` : jsonText(at));
    at = at instanceof Error ? at.cause : undefined;
  }
  return {
    message: thrown.message,
    String: String(thrown),
    stack: thrown.stack ?? "",
    "JSON.stringify": jsonText(thrown),
    "util.inspect": inspect(thrown, { depth: 10 }),
    cause: causes.join("\n"),
    body: jsonText(thrown.body),
  };
}

/** `where: form` for every form of every secret found in the texts. */
export function leaksIn(texts: Record<string, string>, forms: readonly string[]): string[] {
  return Object.entries(texts).flatMap(([where, text]) => forms.filter((form) => text.includes(form)).map((form) => `${where}: ${form}`));
}

type Log = (message: string, fields?: Record<string, unknown>) => void;

/** A logger that keeps every line, fields included, as text. */
export function keepingLogger(): { lines: string[]; logger: Record<"debug" | "info" | "warn" | "error", Log> } {
  const lines: string[] = [];
  const at =
    (level: string): Log =>
    (message, fields) => {
      lines.push(`${level} ${message} ${fields ? inspect(fields, { depth: 10 }) : ""}`);
    };
  return { lines, logger: { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") } };
}

/** What the server saw of a request plus every canary: what a careless server echoes. */
const echoOf = (request: RecordedRequest, canaries: readonly string[]) => ({
  message: `rejected ${String(request.headers.authorization)} ${canaries.join(" ")} at ${request.path}?${request.rawQuery}`,
  received: { path: request.path, query: request.rawQuery, headers: request.headers, body: request.body },
  secrets: canaries,
});

export interface EchoCase {
  name: string;
  reply: (request: RecordedRequest, canaries: readonly string[]) => Reply;
  /** The failure is a `SegApiError` whose body holds the echo (so it must show a redaction). */
  apiError: boolean;
}

/** Failures whose error and logs must hold no secret. */
export const ECHOES: readonly EchoCase[] = [
  { name: "a 401 echoing the request and every secret as JSON", reply: (r, c) => ({ status: 401, json: echoOf(r, c) }), apiError: true },
  { name: "a 400 echoing them as text", reply: (r, c) => ({ status: 400, body: JSON.stringify(echoOf(r, c)), headers: { "content-type": "text/plain" } }), apiError: true },
  {
    name: "an HTML 503 page echoing them (retried where safe)",
    reply: (r, c) => ({ status: 503, body: `<pre>${JSON.stringify(echoOf(r, c))}</pre>`, headers: { "content-type": "text/html" } }),
    apiError: true,
  },
  { name: "a connection reset", reply: () => "reset", apiError: false },
];
