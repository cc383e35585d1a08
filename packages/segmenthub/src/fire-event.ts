// The typed form of POST /campaigns/query. One path takes several documented event shapes plus any
// event name created in the panel; openapi-typescript cannot say "a purchase needs orderId while any
// other name is free" (the spec's `not` is dropped), so the body is narrowed here, by event name.
import { SegConfigError, type CallOptions, type CallResult, type OperationAt, type VendorClient } from "@seg/core";
import type { SegmentHubPaths } from "./paths.ts";
import type { components } from "./generated/schema.ts";

type Schemas = components["schemas"];

/** The event shapes the docs document, each with its own required fields. */
export type DocumentedEvent = Schemas["PageViewEvent"] | Schemas["ProductViewEvent"] | Schemas["PurchaseEvent"];

/** `pageView`, `productView` and `purchase`. */
export type DocumentedEventName = DocumentedEvent["event"];

/**
 * A body as the caller writes it: `account` is filled in by the client (pass it to override), and
 * `token` is left out (see `FireEventOptions.withToken`). Distributes over unions.
 */
type CallerBody<Body> = Body extends unknown ? Flat<Omit<Body, "account" | "token"> & { account?: string }> : never;

/** One object type instead of an intersection, so editors show the fields plainly. */
type Flat<T> = { [K in keyof T]: T[K] } & {};

/**
 * The body of an event named `E`: the documented shape for `pageView`, `productView` and `purchase`
 * (so a purchase needs `orderId` and a product view needs `sku`), the common properties for any
 * other (panel-defined) name, and the spec's union when the name is only known as `string`.
 */
export type EventBody<E extends string> = string extends E
  ? CallerBody<Schemas["FireEventRequest"]>
  : E extends DocumentedEventName
    ? CallerBody<Extract<DocumentedEvent, { event: E }>>
    : Flat<Omit<CallerBody<Schemas["CustomEvent"]>, "event"> & { event: E }>;

/** Per-call options of `fireEvent`, next to core's `retry`, `timeoutMs` and `deadlineMs`. */
export interface FireEventOptions extends CallOptions {
  /**
   * Send the client's configured token in the body too. Events need none, but the docs say some
   * calls return more when authenticated. Without a configured token this rejects with
   * `SegConfigError` (field `token`) before anything is sent. Default `false`.
   */
  withToken?: boolean;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** What `fireEvent` resolves to: the result of POST /campaigns/query, narrowed by `status`. */
export type FireEventResult = CallResult<OperationAt<SegmentHubPaths, "/campaigns/query", "post">>;

/**
 * Fires an event and returns the eligible campaigns. Never retried automatically: each call records
 * an event and may trigger campaigns (pass `retry: true` to opt in).
 *
 *     await segmenthub.fireEvent({ event: "purchase", visitorId, platform: "www.example.com", orderId: "A-1" });
 */
export type FireEvent = <const E extends string>(body: EventBody<E> & { event: E }, options?: FireEventOptions) => Promise<FireEventResult>;

type RawBody = SegmentHubPaths["/campaigns/query"]["post"]["requestBody"]["content"]["application/json"];

export function fireEvent(client: VendorClient<SegmentHubPaths>, token: string | undefined): FireEvent {
  return async (body, options = {}) => {
    const { withToken = false, ...init } = options;
    if (withToken && token === undefined) {
      throw new SegConfigError("token", "is required by `withToken`: pass `token` or set the SEGMENTHUB_TOKEN environment variable");
    }
    const sent = (withToken ? { ...body, token } : body) as RawBody;
    return await client.POST("/campaigns/query", { ...init, body: sent });
  };
}
