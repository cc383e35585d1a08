// The credentials each vendor accepts (its spec's credential options, defaults from
// `optionDefault`), and the ready-made client options and base URLs pointing at a sandbox.
import type { ResolvedCredentials } from "./generated/vendors.ts";
import { vendorCatalog, type VendorInfo } from "./vendors/catalog.ts";
import { defaultCredentials, optionDefault } from "./vendors/generic/credentials.ts";
import type { ServedVendor } from "./vendors/registry.ts";

export type Credentials = Record<string, Record<string, unknown>>;

/** The credentials of the embedded specs' vendors when none are given. */
export const DEFAULT_CREDENTIALS: ResolvedCredentials = Object.fromEntries(
  vendorCatalog().map(({ vendor, shape }) => [vendor, defaultCredentials(shape)]),
) as unknown as ResolvedCredentials;

/** The given values over the defaults; an `undefined` value keeps the default. */
export function resolveCredentials(vendors: readonly VendorInfo[], given: Readonly<Record<string, object | undefined>> = {}): Credentials {
  const unknown = Object.keys(given).filter((name) => !vendors.some(({ vendor }) => vendor === name));
  if (unknown.length > 0) throw new Error(`credentials for ${unknown.join(", ")}: the sandbox serves ${vendors.map(({ vendor }) => vendor).join(", ")}`);
  return Object.fromEntries(
    vendors.map(({ vendor, shape }) => {
      const values = Object.entries(given[vendor] ?? {}).filter(([, value]) => value !== undefined);
      return [vendor, { ...defaultCredentials(shape), ...Object.fromEntries(values) }];
    }),
  );
}

/** A vendor's base URL, or one per host (with the prefix's `{variables}`, which the client fills in). */
export function vendorUrls({ shape, mounts }: VendorInfo, origin: string): string | Record<string, string> {
  if (!shape.multiHost) return `${origin}${mounts[0]?.template ?? ""}`;
  return Object.fromEntries(mounts.map((mount) => [mount.host ?? "", `${origin}${mount.template}`]));
}

/** Options for the vendor's client: every option its spec gives it, and its base URL(s). */
export function vendorClientOptions(vendor: ServedVendor, urls: string | Record<string, string>, credentials: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const options: Record<string, unknown> = Object.fromEntries(
    vendor.shape.options.map(({ name, secret }) => [name, secret ? credentials[name] : (vendor.module.optionDefaults?.[name] ?? optionDefault(name))]),
  );
  options[vendor.shape.multiHost ? "baseUrls" : "baseUrl"] = urls;
  return vendor.module.clientOptions ? vendor.module.clientOptions(options, credentials) : options;
}
