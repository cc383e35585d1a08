// Segmenter: `{ statusCode, message, error }`; its 401 is `{ statusCode: 401, message: "Unauthorized" }`.
import { statusText } from "../../reply.ts";
import type { VendorErrors } from "../module.ts";

export const errors: VendorErrors = {
  badRequest: (problems) => ({ status: 400, body: { statusCode: 400, message: problems.join("; "), error: statusText(400) } }),
  unauthorized: () => ({ status: 401, body: { statusCode: 401, message: "Unauthorized" } }),
  notFound: (reason) => ({ status: 404, body: { statusCode: 404, message: reason, error: statusText(404) } }),
  // The update document's "unsuccessful" body for server errors; the others as the 400 shape.
  status: (status, reason) =>
    status >= 500
      ? { status, body: { success: false, message: statusText(status), error: statusText(status) } }
      : { status, body: { statusCode: status, message: reason, error: statusText(status) } },
};
