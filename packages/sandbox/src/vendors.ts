// The four vendors and where each is served: one port, one path prefix per vendor (and per
// SegMetrics host). The prefixes are what the vendor clients take as their base URL overrides.

export const VENDORS = ["segmetrics", "segmint", "segmenter", "segmenthub"] as const;
export type Vendor = (typeof VENDORS)[number];

export interface Mount {
  vendor: Vendor;
  /** The `x-seg-host` of the operations served here, when the vendor has several hosts. */
  host?: string;
  /** The prefix, with `{variables}` that each take one path segment. */
  template: string;
}

export const MOUNTS: readonly Mount[] = [
  { vendor: "segmetrics", host: "import", template: "/segmetrics/import/api/v1/{account_id}/{integration_id}" },
  { vendor: "segmetrics", host: "track", template: "/segmetrics/track" },
  { vendor: "segmetrics", host: "reporting", template: "/segmetrics/reporting/{account_id}" },
  { vendor: "segmint", template: "/segmint" },
  { vendor: "segmenter", template: "/segmenter" },
  { vendor: "segmenthub", template: "/segmenthub" },
];

export interface MountMatch {
  mount: Mount;
  /** Values of the prefix's variables (`account_id`, `integration_id`), percent-decoded. */
  variables: Record<string, string>;
  /** The rest of the path, still percent-encoded, starting with `/`. */
  path: string;
}

/** Which vendor (and host) a raw request path belongs to. */
export function matchMount(rawPath: string): MountMatch | undefined {
  const segments = rawPath.split("/").slice(1);
  for (const mount of MOUNTS) {
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
