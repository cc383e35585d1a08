/** Anything with these methods works: `console`, pino, winston, … Messages are already redacted. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

/** A logger that also says whether a level is on, so callers skip building unused messages. */
export interface LeveledLogger extends Logger {
  enabled(level: Exclude<LogLevel, "silent">): boolean;
}

/** Drops messages below `level`; with no logger, nothing is logged. */
export function leveled(logger: Logger | undefined, level: LogLevel = "info"): LeveledLogger {
  const enabled = (name: Exclude<LogLevel, "silent">): boolean => !!logger && ORDER[name] >= ORDER[level];
  const at =
    (name: Exclude<LogLevel, "silent">) =>
    (message: string, fields?: Record<string, unknown>): void => {
      if (enabled(name)) logger?.[name](message, fields);
    };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error"), enabled };
}
