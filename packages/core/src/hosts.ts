// Where each of a vendor's hosts is reached: the spec's server URL, or an override from options
// (`baseUrls`) or the environment (`<VENDOR>_BASE_URL`, or `<VENDOR>_<HOST>_BASE_URL` for a vendor
// with several hosts). Overriding some hosts but not others is refused: the rest would silently
// reach the vendor's production hosts from what was meant to be a sandbox or a proxy.
import { checkBaseUrl } from "./config-checks.ts";
import { readEnv } from "./credentials.ts";
import { SegConfigError } from "./errors.ts";
import type { OperationTable, ServerTable } from "./operations.ts";

interface HostOptions {
  vendor: string;
  servers: ServerTable;
  operations: OperationTable;
  baseUrls?: Readonly<Record<string, string | undefined>> | undefined;
}

const envName = (vendor: string, host: string | undefined): string =>
  [vendor, host, "BASE_URL"].filter(Boolean).join("_").toUpperCase().replace(/[^A-Z0-9_]/g, "_");

/** Each host's base URL, variables filled in; every problem a SegConfigError at construction. */
export function resolveHosts(options: HostOptions, defaultHost: string, variables: Readonly<Record<string, string | undefined>>): Map<string, string> {
  const { vendor, servers, baseUrls = {} } = options;
  for (const host in baseUrls) {
    if (baseUrls[host] !== undefined && !Object.hasOwn(servers, host)) {
      throw new SegConfigError(`baseUrls.${host}`, `is not a host of ${vendor}; its hosts are ${Object.keys(servers).join(", ")}`);
    }
  }
  const used = [...new Set([defaultHost, ...Object.values(options.operations).map((op) => op.host)])].filter((host) => Object.hasOwn(servers, host));
  const single = used.length === 1;
  const overrides = new Map<string, { value: string; field: string }>();
  for (const host of used) {
    const env = envName(vendor, single ? undefined : host);
    const given = baseUrls[host];
    const value = given ?? readEnv(env);
    if (value !== undefined && value !== "") overrides.set(host, { value, field: given === undefined ? env : `baseUrls.${host}` });
  }
  const missing = used.filter((host) => !overrides.has(host));
  if (overrides.size && missing.length) {
    throw new SegConfigError(
      "baseUrls",
      `overrides ${[...overrides.keys()].join(", ")} but not ${missing.join(", ")}: give every host (or none), so no call reaches a ${vendor} host you did not choose`,
    );
  }
  return new Map(
    Object.entries(servers).map(([host, template]) => {
      const override = overrides.get(host);
      return [host, resolveServerUrl(override ? checkBaseUrl(override.value, override.field) : template, variables, host)];
    }),
  );
}

/** Fills `{name}` placeholders of a server URL, percent-encoding each value. */
export function resolveServerUrl(template: string, variables: Readonly<Record<string, string | undefined>>, host: string): string {
  return template.replace(/\{([^{}]+)\}/g, (_, name: string) => {
    const value = variables[name];
    if (value === undefined || value === "") {
      throw new SegConfigError(name, `is required to reach the ${host} host (${template})`);
    }
    return encodeURIComponent(value);
  });
}
