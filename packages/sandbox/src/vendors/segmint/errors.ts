// Segmint documents no error body, only "the standard response from the API is JSON": the spec's
// open `Error` (`{ error, message }`), with the problems listed for a 400.
import { statusText } from "../../reply.ts";
import type { VendorErrors } from "../module.ts";

export const errors: VendorErrors = {
  badRequest: (problems) => ({ status: 400, body: { error: statusText(400), message: problems.join("; "), errors: [...problems] } }),
  unauthorized: (reason) => ({ status: 401, body: { error: statusText(401), message: reason } }),
  notFound: (reason) => ({ status: 404, body: { error: statusText(404), message: reason } }),
  status: (status, reason) => ({ status, body: { error: statusText(status), message: reason } }),
};
