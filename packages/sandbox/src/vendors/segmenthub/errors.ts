// SegmentHub: `{ status, message, errors }`, the fields its success bodies share. Its 401 says what
// the docs say, whatever was wrong with the token.
import type { VendorErrors } from "../module.ts";

export const errors: VendorErrors = {
  badRequest: (problems) => ({ status: 400, body: { status: 400, message: "The request was malformed or missing required parameters.", errors: [...problems] } }),
  unauthorized: () => ({ status: 401, body: { status: 401, message: "Unauthorized: the API token provided was invalid or missing.", errors: [] } }),
  notFound: (reason) => ({ status: 404, body: { status: 404, message: reason, errors: [] } }),
  status: (status, reason) => ({ status, body: { status, message: reason, errors: [] } }),
};
