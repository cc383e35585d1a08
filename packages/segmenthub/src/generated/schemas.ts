/**
 * This file was generated from specs/segmenthub.yaml by `pnpm generate`.
 * Do not make direct changes to the file.
 */

// Every schema of the spec, by its name.
export type {
  Account,
  Token,
  VisitorId,
  ProfileId,
  Platform,
  Device,
  EventPath,
  Referrer,
  EventToken,
  PageViewEvent,
  ProductViewEvent,
  PurchaseEvent,
  CustomEvent,
  FireEventRequest,
  FireEventResponse,
  ProfileQueryRequest,
  VisitorQueryRequest,
  AttributeUpdates,
  ProfileAttributesRequest,
  VisitorAttributesRequest,
  ProfileSegmentsRequest,
  VisitorSegmentsRequest,
  ErrorList,
  AttributeValue,
  QueryResponse,
  UpdateResponse,
  ErrorResponse,
} from "./schema.ts";
