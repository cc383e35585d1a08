// @seg/core: the runtime every seg vendor package shares. Explicit exports only.
export { createVendorClient } from "./client.ts";
export type {
  CallOptions,
  TransportOptions,
  UndocumentedInit,
  UndocumentedResult,
  VendorClient,
  VendorClientOptions,
} from "./client.ts";
export type { CallInit, CallMethod, ClientMethod, OperationAt, ParseAs, PathOf, PathsByMethod, ResultOf, ResultsByPath } from "./call-method.ts";
export type { CallResult, UndocumentedStatus } from "./result.ts";
export type { HttpStatus, StatusClass } from "./status.ts";
export type { CommaList, JoinedList } from "./comma-list.ts";
export type { OperationMeta, OperationTable, ServerTable } from "./operations.ts";
export type { Bound, BoundPaths } from "./bound-paths.ts";
export { unwrap } from "./unwrap.ts";
export type { SuccessData } from "./unwrap.ts";
export { paginate } from "./paginate.ts";
export { createRateLimiter } from "./rate-limit.ts";
export type { RateLimiter } from "./rate-limit.ts";
export type { PaginateOptions } from "./paginate.ts";
export {
  SegApiError,
  SegConfigError,
  SegConnectionError,
  SegError,
  SegRedirectError,
  SegResponseError,
  SegTimeoutError,
  apiErrorKind,
} from "./errors.ts";
export { checkBaseUrl } from "./config-checks.ts";
export { environmentBaseUrls } from "./environments.ts";
export type { CallContext, SegApiErrorKind } from "./errors.ts";
export type { RetryEvent, RetryOptions } from "./retry.ts";
export type { TimeoutOptions } from "./transport.ts";
export type { Logger, LoggerStyle, LogLevel } from "./logger.ts";
export type { AuthStrategy } from "./auth/strategy.ts";
export { noAuth } from "./auth/strategy.ts";
export { basicAuth } from "./auth/basic.ts";
export { headerKeyAuth } from "./auth/header-key.ts";
export { bodyTokenAuth } from "./auth/body-token.ts";
export { tokenExchangeAuth } from "./auth/token-exchange.ts";
export { readTokenResponse } from "./auth/token-response.ts";
export type { ExchangedToken, TokenExchangeOptions } from "./auth/token-exchange.ts";
export { optionalCredential, requireCredential } from "./credentials.ts";
export { REDACTED, createRedactor } from "./redact.ts";
export type { Redactor } from "./redact.ts";
export { userAgent } from "./user-agent.ts";
export { checkPersonKey, isSkip, personKeyValue } from "./adapter.ts";
export type { Person, PersonKey, PersonRef, Purchase, PurchaseItem, Skip, UnifiedOperation, VendorAdapter } from "./adapter.ts";
