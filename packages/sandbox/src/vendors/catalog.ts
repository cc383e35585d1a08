// What the sandbox knows of each vendor without compiling its spec: its name, its client's shape
// (`clientShape`: credential options, URL variables, bound values, hosts) and where it is served.
// Every vendor comes from a spec: the embedded `specs/*.yaml`, or the documents given to
// `startSandbox({ specs })`.
import { clientShape, displayName, specOperations, type ClientShape } from "@seg/spec/document";
import { specs as embedded } from "../generated/specs.ts";
import { mountsOf, type Mount } from "./mounts.ts";

export interface VendorInfo {
  vendor: string;
  /** The spec's title without "API" (`displayName`), for prose. */
  displayName: string;
  document: Record<string, unknown>;
  shape: ClientShape;
  /** Every server URL by `x-seg-host`. */
  servers: Readonly<Record<string, string>>;
  mounts: readonly Mount[];
}

/** The documents the sandbox serves: the embedded specs, or the ones given. */
export type SpecDocuments = Readonly<Record<string, Record<string, unknown>>>;

export function vendorCatalog(documents: SpecDocuments = embedded): VendorInfo[] {
  return Object.entries(documents)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([vendor, document]) => {
      if (!/^[a-z][a-z0-9-]*$/.test(vendor)) throw new Error(`vendor name ${JSON.stringify(vendor)}: use lower-case letters, digits and dashes`);
      const shape = clientShape(vendor, document);
      const { servers } = specOperations(document);
      return { vendor, displayName: displayName(document) ?? vendor, document, shape, servers, mounts: mountsOf(shape, servers) };
    });
}
