import { createVendorClient, headerKeyAuth, requireCredential, userAgent, type ClientMethod, type TransportOptions, type VendorClient } from "@seg/core";
import { name, version } from "../package.json" with { type: "json" };
import { resolveBaseUrl } from "./base-url.ts";
import { operations, servers } from "./generated/operations.ts";
import type { GuardedPut, SegmenterPath, SegmenterPaths } from "./paths.ts";
import { guardReplace } from "./replace-guard.ts";
import { segmentMethods, type SegmentMethods } from "./segments.ts";

export interface SegmenterOptions extends TransportOptions {
  /** API key, sent as `x-api-key: <key>` on every request. Default: `SEGMENTER_API_KEY`. */
  apiKey?: string;
  /**
   * Base URL of your Segmenter API: scheme, host and any path prefix in front of `/segments`
   * (`https://segmenter.example.com/api/v1`). Required — Segmenter does not publish it, so there is
   * no default. Default: `SEGMENTER_BASE_URL`.
   */
  baseUrl?: string;
}

/**
 * Both documented Segmenter operations, typed from the spec: the raw openapi-fetch calls
 * (`POST("/segments")`, `PUT("/segments")`) and the named methods (`createSegment`,
 * `updateSegment`, `clearSegmentPersons`).
 */
export interface SegmenterClient
  extends Omit<VendorClient<SegmenterPaths, { [Method in ClientMethod]: SegmenterPath<Method> }>, "PUT">,
    SegmentMethods {
  /**
   * Update a segment: `PUT("/segments", { body: { id, persons, … } })`.
   *
   * **`persons` REPLACES the segment's stored persons**: anyone not in the array is removed.
   * `persons: []` does not compile; an update whose `persons` is empty or missing at run time is
   * refused with a `SegConfigError` (field `persons`) and nothing is sent. Call
   * `clearSegmentPersons` to remove everyone on purpose.
   */
  PUT: GuardedPut;
  /**
   * Calls a path the spec does not document, with the same auth, retries, timeouts and errors. A
   * `PUT` whose body carries an empty `persons` array is refused, as on `PUT("/segments")`.
   */
  undocumented: VendorClient<SegmenterPaths>["undocumented"];
}

/**
 * A configured Segmenter client. The API key goes into every request's `x-api-key` header; the
 * spec's paths are appended to `baseUrl`.
 *
 *     const segmenter = createSegmenterClient({ apiKey, baseUrl: "https://segmenter.example.com/api" });
 *     const { data } = unwrap(await segmenter.createSegment({ name: "VIP", persons: [{ externalId: "c-1" }] }));
 */
export function createSegmenterClient(options: SegmenterOptions = {}): SegmenterClient {
  const { apiKey: givenKey, baseUrl: givenUrl, ...transport } = options;
  const baseUrl = resolveBaseUrl(givenUrl);
  const apiKey = requireCredential(givenKey, "apiKey", "SEGMENTER_API_KEY");
  const raw = createVendorClient<SegmenterPaths>({
    ...transport,
    vendor: "segmenter",
    servers,
    operations,
    // A whole URL, so a host override rather than the spec's `{baseUrl}` variable (variable values
    // are percent-encoded, which would break a URL).
    baseUrls: { api: baseUrl },
    // The docs write `x-api-key: "API_TOKEN"`; the quotes are formatting, the value is the raw key.
    auth: headerKeyAuth({ header: "x-api-key", key: apiKey, field: "apiKey" }),
    userAgent: userAgent({ name, version }),
  });
  const guarded = { ...raw, ...guardReplace(raw) };
  return { ...guarded, ...segmentMethods(guarded, raw) };
}
