// @seg/sdk: one entry point over the seg vendor clients a team has installed.
export { createSeg } from "./seg.ts";
export type {
  AdapterMap,
  Outcomes,
  PersonFor,
  PersonKeyedBy,
  PersonKeysOf,
  PersonRefFor,
  PurchaseFor,
  Seg,
  SegOptions,
  VendorClients,
} from "./seg.ts";
export type { Outcome } from "./outcome.ts";
export { SegAggregateError } from "./aggregate-error.ts";
export type { Person, PersonKey, PersonRef, Purchase, PurchaseItem, VendorAdapter } from "@seg/core";
