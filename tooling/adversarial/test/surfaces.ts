// Everything a human or a log pipeline can see of a failure, to assert no secret is in any of it.
import { inspect } from "node:util";

/** An error's message, String, stack, JSON, inspect and cause chain, as one text. */
export function surfaces(error: unknown): string {
  const parts: string[] = [];
  for (let at: unknown = error, depth = 0; at !== undefined && depth < 5; depth++) {
    const json: unknown = JSON.stringify(at); // undefined for some values, whatever its type says
    parts.push(Object.prototype.toString.call(at), inspect(at, { depth: 10 }), typeof json === "string" ? json : "");
    if (typeof at === "string") parts.push(at);
    if (at instanceof Error) parts.push(at.message, at.stack ?? "");
    at = at instanceof Error ? at.cause : undefined;
  }
  return parts.join("\n");
}

/** What `run` rejected with; fails the test if it resolved. */
export async function rejection(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to reject");
}

/** A logger that keeps every line, fields included, as text. */
export function keepingLogger(): { lines: string[]; debug: Log; info: Log; warn: Log; error: Log } {
  const lines: string[] = [];
  const at = (level: string): Log => (message, fields) => {
    lines.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
  };
  return { lines, debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

type Log = (message: string, fields?: Record<string, unknown>) => void;
