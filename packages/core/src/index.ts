// @seg/core: the runtime every seg vendor package shares. Explicit exports only, and ./public.ts
// whole: what users of the vendor packages need (errors, unwrap, option and result types).
export * from "./public.ts";
export { createVendorClient } from "./client.ts";
export type { VendorClient, VendorClientOptions } from "./client.ts";
export type { CallInit, CallMethod, ClientMethod, OperationAt, ParseAs, PathOf, PathsByMethod, ResultOf, ResultsByPath } from "./call-method.ts";
export type { StatusClass } from "./status.ts";
export type { CommaList, JoinedList } from "./comma-list.ts";
export type { OperationMeta, OperationTable, ServerTable } from "./operations.ts";
export type { Bound, BoundPaths } from "./bound-paths.ts";
export { paginate } from "./paginate.ts";
export type { PaginateOptions } from "./paginate.ts";
export { apiErrorKind } from "./errors.ts";
export { checkBaseUrl } from "./config-checks.ts";
export { environmentBaseUrls } from "./environments.ts";
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
