// What a user of any vendor package needs from @seg/core: every error a call can fail with, the
// helpers a caller uses (`unwrap`, `createRateLimiter`) and the types of the options and results.
// Each vendor package re-exports this module whole (`export * from "@seg/core/public"`), so the
// list is kept here, once, and a user never has to add @seg/core to catch an error.
export {
  SegApiError,
  SegConfigError,
  SegConnectionError,
  SegError,
  SegRedirectError,
  SegResponseError,
  SegTimeoutError,
} from "./errors.ts";
export type { CallContext, SegApiErrorKind } from "./errors.ts";
export { unwrap } from "./unwrap.ts";
export type { SuccessData } from "./unwrap.ts";
export { createRateLimiter } from "./rate-limit.ts";
export type { RateLimiter } from "./rate-limit.ts";
export type { CallOptions, TransportOptions, UndocumentedInit, UndocumentedResult } from "./client.ts";
export type { CallResult, UndocumentedStatus } from "./result.ts";
export type { HttpStatus } from "./status.ts";
export type { RetryEvent, RetryOptions } from "./retry.ts";
export type { TimeoutOptions } from "./transport.ts";
export type { Logger, LoggerStyle, LogLevel } from "./logger.ts";
// `TransportOptions.middleware` takes these; openapi-fetch is core's dependency, not the user's.
export type { Middleware } from "openapi-fetch";
