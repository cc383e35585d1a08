import { SegConfigError } from "./errors.ts";
import { readEnv } from "./credentials.ts";

/**
 * Anything with these methods works, as it is: `console`, pino, winston, bunyan… Messages and
 * fields are already redacted. Fields are never `undefined` and never empty.
 */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

/**
 * Argument order of the logger's methods: `"message-first"` — `(message, fields)`, as console and
 * winston take them — or `"fields-first"` — `(fields, message)`, as pino and bunyan do.
 */
export type LoggerStyle = "message-first" | "fields-first";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** What every line carries, like the spans: `vendor`, `operation`, `attempt`, and `status`, … where known. */
export type LogFields = Record<string, string | number | undefined>;

/** A logger that also says whether a level is on, so callers skip building unused messages. */
export interface LeveledLogger {
  debug(message: string, fields: LogFields): void;
  info(message: string, fields: LogFields): void;
  warn(message: string, fields: LogFields): void;
  error(message: string, fields: LogFields): void;
  enabled(level: Exclude<LogLevel, "silent">): boolean;
}

/** pino's instances carry `levels: { values, labels }` (winston's `levels` is a flat map). */
const isPino = (logger: Logger): boolean => typeof (logger as { levels?: { values?: unknown } }).levels?.values === "object";

/**
 * Drops messages below `level` (else `SEG_LOG` from the environment, else `info`) and calls
 * `logger` the way it expects; with no logger, nothing is logged.
 */
export function leveled(logger: Logger | undefined, level?: LogLevel, style?: LoggerStyle): LeveledLogger {
  const threshold = levelOf(level);
  const fieldsFirst = logger && (style ? style === "fields-first" : isPino(logger));
  const enabled = (name: Exclude<LogLevel, "silent">): boolean => !!logger && ORDER[name] >= threshold;
  const at =
    (name: Exclude<LogLevel, "silent">) =>
    (message: string, fields: LogFields): void => {
      if (!logger || !enabled(name)) return;
      const shown: Record<string, unknown> = {};
      for (const key in fields) if (fields[key] !== undefined) shown[key] = fields[key];
      if (fieldsFirst) (logger[name] as unknown as (fields: object, message: string) => void).call(logger, shown, message);
      else logger[name](message, shown);
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), enabled };
}

function levelOf(level: LogLevel | undefined): number {
  const name = level ?? readEnv("SEG_LOG")?.trim().toLowerCase();
  if (name === undefined || name === "") return ORDER.info;
  if (Object.hasOwn(ORDER, name)) return ORDER[name as LogLevel];
  // The value is not quoted, like any configuration value that could be a secret.
  throw new SegConfigError(level === undefined ? "SEG_LOG" : "logLevel", `must be one of ${Object.keys(ORDER).join(", ")}`);
}
