import { SegConfigError } from "./errors.ts";

/** One row of a vendor's generated `operations` table (see tooling/scripts/src/operation-table.ts). */
export interface OperationMeta {
  readonly operationId: string;
  readonly host: string;
  readonly idempotent: boolean;
  /** The operation takes no credentials; none are sent. */
  readonly anonymous?: boolean;
  /** Read the success body as text: the spec does not promise JSON. */
  readonly parseAs?: "text";
  readonly bind?: {
    readonly query?: Readonly<Record<string, string>>;
    readonly body?: Readonly<Record<string, string>>;
  };
}

/** Keyed by `"METHOD /path/{template}"`, exactly as the spec writes the path. */
export type OperationTable = Readonly<Record<string, OperationMeta>>;

/** Host name → URL template, e.g. `{ import: "https://import.segmetrics.io/api/v1/{account_id}" }`. */
export type ServerTable = Readonly<Record<string, string>>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]);

/**
 * The operation behind a call. A path the spec does not know (the escape hatch for undocumented
 * endpoints) gets HTTP's own answer for retry safety and the given (or default) host.
 */
export function operationFor(table: OperationTable, method: string, path: string, defaultHost: string): OperationMeta {
  const known = table[`${method} ${path}`];
  if (known) return known;
  return { operationId: `${method} ${path}`, host: defaultHost, idempotent: SAFE_METHODS.has(method) };
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

/** Writes bound values into the query and JSON body where the caller left them out. */
export function applyBindings(
  meta: OperationMeta,
  init: { params?: { query?: Record<string, unknown> }; body?: unknown },
  values: Readonly<Record<string, string | undefined>>,
): void {
  const { query, body } = meta.bind ?? {};
  if (query) {
    const params = (init.params ??= {});
    const given = params.query ?? {};
    // Bound values go first, where the vendor docs put them (`account_id=…&seg_uid=…`).
    const bound = Object.entries(query).filter(([name]) => given[name] === undefined);
    const filled = Object.fromEntries(bound.map(([name, key]) => [name, required(values, key, name)]));
    params.query = { ...filled, ...Object.fromEntries(Object.entries(given).filter(([, value]) => value !== undefined)) };
  }
  if (body && typeof init.body === "object" && init.body !== null && !Array.isArray(init.body)) {
    const filled: Record<string, unknown> = { ...(init.body as Record<string, unknown>) };
    for (const [name, key] of Object.entries(body)) filled[name] ??= required(values, key, name);
    init.body = filled;
  }
}

function required(values: Readonly<Record<string, string | undefined>>, key: string, field: string): string {
  const value = values[key];
  if (value === undefined) throw new SegConfigError(field, `has no value: pass it per call or configure \`${key}\` on the client`);
  return value;
}
