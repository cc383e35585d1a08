import { SegApiError } from "./errors.ts";
import { apiErrorOf } from "./transport.ts";

/** The `data` of the success branch of an openapi-fetch result. */
// Only the success branch has a required `data`. (An operation with no documented error response
// still has an error branch, `{ data?: never; error: never }`, which must not add `undefined`.)
export type SuccessData<Result> = Result extends { data: infer Data; error?: never } ? Data : never;

/**
 * The throwing form: returns `data`, or throws the `SegApiError` for an error response (with vendor,
 * operation, status, parsed body, request id and attempt count).
 *
 *     const contact = unwrap(await segmetrics.GET("/contact/{contact_id_or_email}", { … }));
 */
export function unwrap<Result extends { data?: unknown; error?: unknown; response: Response }>(
  result: Result,
): SuccessData<Result> {
  if (result.error === undefined && result.response.ok) return result.data as SuccessData<Result>;
  throw (
    apiErrorOf(result, result.error) ??
    new SegApiError({
      vendor: "unknown",
      operation: "unknown",
      method: "unknown",
      url: "unknown",
      attempts: 1,
      status: result.response.status,
      statusText: result.response.statusText,
      body: result.error,
    })
  );
}
