// SegMetrics: the raw API key in `Authorization` on every call the spec secures.
import { vendorErrors } from "../errors.ts";
import type { VendorModule } from "../module.ts";
import { importHandlers } from "./import.ts";
import { reportingHandlers } from "./reporting.ts";
import { sameSecret } from "../secret.ts";

export const segmetrics: VendorModule = {
  authenticate: ({ operation, headers }, { credentials }) => {
    if (!operation.secured) return undefined;
    const key = headers.authorization;
    if (sameSecret(key, credentials.segmetrics.apiKey)) return undefined;
    return vendorErrors.segmetrics.unauthorized(
      key === undefined ? "missing API key: send it as the Authorization header" : "invalid API key in the Authorization header",
    );
  },
  handlers: { ...importHandlers, ...reportingHandlers },
};
