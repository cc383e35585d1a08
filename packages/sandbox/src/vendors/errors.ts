// Each vendor's error bodies, as its docs (and its spec) show them. Every error the sandbox sends —
// a request that violates the spec, bad credentials, an unknown path, an injected fault — goes
// through here, so a client sees the shape it would see from the vendor.
import { statusText, type Reply } from "../reply.ts";
import type { Vendor } from "../vendors.ts";

export interface VendorErrors {
  /** 400 naming each problem. */
  badRequest(problems: readonly string[]): Reply;
  /** 401. */
  unauthorized(reason: string): Reply;
  /** 404: no such path (or method) here, or no such resource. */
  notFound(reason: string): Reply;
  /** Any other error status (faults: 429, 500, 503 …). */
  status(status: number, reason: string): Reply;
}

/** SegMetrics: `{ status: "error", errors: [...] }` (its documented 400 body) for every error. */
const segmetrics: VendorErrors = {
  badRequest: (problems) => ({ status: 400, body: { status: "error", errors: [...problems] } }),
  // Decision: SegMetrics documents no 401. A missing or wrong API key gets 401 (what the core's
  // error kinds expect for bad credentials) with the documented error envelope.
  unauthorized: (reason) => ({ status: 401, body: { status: "error", errors: [reason] } }),
  notFound: (reason) => ({ status: 404, body: { status: "error", errors: [reason] } }),
  status: (status, reason) => ({ status, body: { status: "error", errors: [reason] } }),
};

/** Segmint documents no error body, only "the standard response from the API is JSON". */
const segmint: VendorErrors = {
  badRequest: (problems) => ({ status: 400, body: { error: statusText(400), message: problems.join("; "), errors: [...problems] } }),
  unauthorized: (reason) => ({ status: 401, body: { error: statusText(401), message: reason } }),
  notFound: (reason) => ({ status: 404, body: { error: statusText(404), message: reason } }),
  status: (status, reason) => ({ status, body: { error: statusText(status), message: reason } }),
};

/** Segmenter: `{ statusCode, message, error }`; its 401 is `{ statusCode: 401, message: "Unauthorized" }`. */
const segmenter: VendorErrors = {
  badRequest: (problems) => ({ status: 400, body: { statusCode: 400, message: problems.join("; "), error: statusText(400) } }),
  unauthorized: () => ({ status: 401, body: { statusCode: 401, message: "Unauthorized" } }),
  notFound: (reason) => ({ status: 404, body: { statusCode: 404, message: reason, error: statusText(404) } }),
  // The update document's "unsuccessful" body for server errors; the others as the 400 shape.
  status: (status, reason) =>
    status >= 500
      ? { status, body: { success: false, message: statusText(status), error: statusText(status) } }
      : { status, body: { statusCode: status, message: reason, error: statusText(status) } },
};

/** SegmentHub: `{ status, message, errors }`, the fields its success bodies share. */
const segmenthub: VendorErrors = {
  badRequest: (problems) => ({ status: 400, body: { status: 400, message: "The request was malformed or missing required parameters.", errors: [...problems] } }),
  unauthorized: (reason) => ({ status: 401, body: { status: 401, message: reason, errors: [] } }),
  notFound: (reason) => ({ status: 404, body: { status: 404, message: reason, errors: [] } }),
  status: (status, reason) => ({ status, body: { status, message: reason, errors: [] } }),
};

export const vendorErrors: Readonly<Record<Vendor, VendorErrors>> = { segmetrics, segmint, segmenter, segmenthub };
