// CORS as a vendor whose API web pages call would serve it: any origin may call, a preflight is
// answered with the methods the vendor's spec has and only the request headers the vendor reads
// (Content-Type, and the header its credentials go in), and the headers a client needs from a
// response (request id, Retry-After) are exposed. A request header outside that list fails the
// preflight in the browser, as it would against the vendor.
import { credentialOf } from "@seg/spec/document";
import type { FastifyInstance } from "fastify";
import { matchMount, type Mount } from "./vendors/mounts.ts";
import type { ServedVendor } from "./vendors/registry.ts";

interface Policy {
  methods: string;
  headers: string;
}

const EXPOSED = "x-request-id, retry-after";
const CONTROL: Policy = { methods: "GET, POST, PUT, DELETE", headers: "content-type" };

/** The header a vendor's credentials go in (`x-api-key`; `authorization` for http schemes), if any. */
function credentialHeaders(vendor: ServedVendor): string[] {
  const credential = credentialOf(vendor.document);
  if (credential.kind === "header") return [credential.header.toLowerCase()];
  return credential.kind === "bearer" || credential.kind === "basic" || credential.kind === "exchange" ? ["authorization"] : [];
}

function policies(vendors: readonly ServedVendor[]): Map<string, Policy> {
  return new Map(
    vendors.map((vendor) => [
      vendor.vendor,
      {
        methods: [...new Set(vendor.spec.operations.map((op) => op.method))].join(", "),
        headers: [...new Set(["content-type", ...credentialHeaders(vendor)])].join(", "),
      },
    ]),
  );
}

export function registerCors(app: FastifyInstance, vendors: readonly ServedVendor[], mounts: readonly Mount[]): void {
  const byVendor = policies(vendors);
  const policyFor = (url: string): Policy => {
    const path = url.split("?")[0] ?? "/";
    const vendor = matchMount(mounts, path)?.mount.vendor;
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
