// SegMetrics' error body: `{ status: "error", errors: [...] }` (its documented 400) for every error.
import type { VendorErrors } from "../module.ts";

export const errors: VendorErrors = {
  badRequest: (problems) => ({ status: 400, body: { status: "error", errors: [...problems] } }),
  // Decision: SegMetrics documents no 401. A missing or wrong API key gets 401 (what the core's
  // error kinds expect for bad credentials) with the documented error envelope.
  unauthorized: (reason) => ({ status: 401, body: { status: "error", errors: [reason] } }),
  notFound: (reason) => ({ status: 404, body: { status: "error", errors: [reason] } }),
  status: (status, reason) => ({ status, body: { status: "error", errors: [reason] } }),
};
