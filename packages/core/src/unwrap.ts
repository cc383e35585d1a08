import { SegApiError } from "./errors.ts";
import { apiErrorOf } from "./transport.ts";

type Result<Data> = { data: Data; error?: never; response: Response } | { data?: never; error: unknown; response: Response };

/**
 * The throwing form: returns `data`, or throws the `SegApiError` for an error response (with vendor,
 * operation, status, parsed body, request id and attempt count).
 *
 *     const contact = unwrap(await segmetrics.GET("/contact/{contact_id_or_email}", { … }));
 */
export function unwrap<Data>(result: Result<Data>): Data {
  if (result.error === undefined && result.response.ok) return result.data as Data;
  throw (
    apiErrorOf(result.response) ??
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
