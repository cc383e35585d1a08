// CORS as a vendor whose API web pages call would serve it: any origin may call, a preflight is
// answered with the methods the vendor's spec has and only the request headers the vendor reads
// (Content-Type, and the header its credentials go in), and the headers a client needs from a
// response (request id, Retry-After) are exposed. A request header outside that list fails the
// preflight in the browser, as it would against the vendor.
import type { FastifyInstance } from "fastify";
import type { VendorSpec } from "./openapi/vendor-spec.ts";
import { matchMount, type Vendor } from "./vendors.ts";

interface Policy {
  methods: string;
  headers: string;
}

const EXPOSED = "x-request-id, retry-after";
const CONTROL: Policy = { methods: "GET, POST, PUT, DELETE", headers: "content-type" };

/** The headers a spec's security schemes put credentials in (`x-api-key`; `authorization` for http schemes). */
function credentialHeaders(spec: VendorSpec): string[] {
  const schemes = (spec.document as { components?: { securitySchemes?: Record<string, { type?: string; in?: string; name?: string }> } }).components
    ?.securitySchemes;
  return Object.values(schemes ?? {}).flatMap((scheme) => {
    if (scheme.type === "http") return ["authorization"];
    if (scheme.type === "apiKey" && scheme.in === "header" && scheme.name) return [scheme.name.toLowerCase()];
    return [];
  });
}

function policies(specs: ReadonlyMap<Vendor, VendorSpec>): Map<Vendor, Policy> {
  return new Map(
    [...specs].map(([vendor, spec]) => [
      vendor,
      {
        methods: [...new Set(spec.operations.map((op) => op.method))].join(", "),
        headers: [...new Set(["content-type", ...credentialHeaders(spec)])].join(", "),
      },
    ]),
  );
}

export function registerCors(app: FastifyInstance, specs: ReadonlyMap<Vendor, VendorSpec>): void {
  const byVendor = policies(specs);
  const policyFor = (url: string): Policy => {
    const path = url.split("?")[0] ?? "/";
    const vendor = matchMount(path)?.mount.vendor;
    return vendor === undefined ? CONTROL : (byVendor.get(vendor) ?? CONTROL);
  };
  app.addHook("onRequest", async (request, reply) => {
    const origin = request.headers.origin;
    if (origin === undefined) return;
    void reply.header("access-control-allow-origin", origin).header("vary", "Origin");
    if (request.method !== "OPTIONS" || request.headers["access-control-request-method"] === undefined) {
      void reply.header("access-control-expose-headers", EXPOSED);
      return;
    }
    const policy = policyFor(request.raw.url ?? "/");
    await reply
      .code(204)
      .header("access-control-allow-methods", policy.methods)
      .header("access-control-allow-headers", policy.headers)
      .header("access-control-max-age", "600")
      .send();
  });
}
