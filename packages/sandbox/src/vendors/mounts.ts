// Where each vendor is served: one port, one path prefix per vendor (and per host, for a vendor
// with several), derived from its spec's servers. The prefixes are what the clients take as their
// base URL overrides: `/<vendor>` plus the server URL's path, `/<vendor>/<host>` plus it for a
// vendor with several hosts. URL variables (`{account_id}`) stay, each taking one path segment.
import type { ClientShape } from "@seg/spec/document";

export interface Mount {
  vendor: string;
  /** The `x-seg-host` of the operations served here, when the vendor has several hosts. */
  host?: string;
  /** The prefix, with `{variables}` that each take one path segment. */
  template: string;
}

/**
 * The path a server URL contributes: `https://import.x.io/api/v1/{account_id}` → `/api/v1/{account_id}`.
 * Variables in the host name (`https://{region}.x.io`) become leading segments, so the client
 * still fills them in; a URL that is one variable (`{baseUrl}`) contributes nothing.
 */
export function serverPath(url: string): string {
  if (/^\{[^}]+\}$/.test(url)) return "";
  const parts = /^[a-z][a-z0-9+.-]*:\/\/([^/]*)(.*)$/i.exec(url);
  const hostVariables = [...(parts?.[1] ?? "").matchAll(/\{[^}]+\}/g)].map((match) => `/${match[0]}`).join("");
  return `${hostVariables}${parts ? (parts[2] ?? "") : url}`.replace(/\/+$/, "");
}

export function mountsOf(shape: ClientShape, servers: Readonly<Record<string, string>>): Mount[] {
  return shape.hosts.map((host) => ({
    vendor: shape.vendor,
    ...(shape.multiHost ? { host } : {}),
    template: `/${shape.vendor}${shape.multiHost ? `/${host}` : ""}${serverPath(servers[host] ?? "")}`,
  }));
}

export interface MountMatch {
  mount: Mount;
  /** Values of the prefix's variables (`account_id`, `integration_id`), percent-decoded. */
  variables: Record<string, string>;
  /** The rest of the path, still percent-encoded, starting with `/`. */
  path: string;
}

/** Which vendor (and host) a raw request path belongs to. */
export function matchMount(mounts: readonly Mount[], rawPath: string): MountMatch | undefined {
  const segments = rawPath.split("/").slice(1);
  for (const mount of mounts) {
    const parts = mount.template.split("/").slice(1);
    if (segments.length < parts.length) continue;
    const variables: Record<string, string> = {};
    const ok = parts.every((part, i) => {
      const segment = segments[i] ?? "";
      const variable = /^\{(.+)\}$/.exec(part)?.[1];
      if (variable === undefined) return segment === part;
      if (segment === "") return false;
      variables[variable] = safeDecode(segment);
      return true;
    });
    if (ok) return { mount, variables, path: `/${segments.slice(parts.length).join("/")}` };
  }
  return undefined;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
