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
  /**
   * The request body's media type where it is not `application/json`: a form (`application/x-www-form-urlencoded`,
   * sent form-encoded) or another JSON type (`application/merge-patch+json`, sent as JSON).
   */
  readonly contentType?: string;
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

/**
 * Writes bound values into the query and JSON body where the caller left them out. A value the
 * client is configured with cannot be replaced per call (an account id, a token): only where the
 * client has none does the caller's count.
 */
export function applyBindings(
  vendor: string,
  meta: OperationMeta,
  init: { params?: { query?: Record<string, unknown> }; body?: unknown },
  values: Readonly<Record<string, string | undefined>>,
): void {
  const { query, body } = meta.bind ?? {};
  const bound = (key: string, given: unknown, field: string): unknown => boundValue(vendor, values, key, given, field);
  if (query) {
    const given = init.params?.query ?? {};
    // Bound values go first, where the vendor docs put them (`account_id=…&seg_uid=…`).
    const filled = Object.fromEntries(Object.entries(query).map(([name, key]) => [name, bound(key, given[name], `params.query.${name}`)]));
    // A new params object: the caller's is never modified.
    init.params = { ...init.params, query: { ...filled, ...Object.fromEntries(Object.entries(given).filter(([name, value]) => value !== undefined && !(name in filled))) } };
  }
  if (body && typeof init.body === "object" && init.body !== null && !Array.isArray(init.body)) {
    const filled: Record<string, unknown> = { ...(init.body as Record<string, unknown>) };
    for (const [name, key] of Object.entries(body)) filled[name] = bound(key, filled[name], `body.${name}`);
    init.body = filled;
  }
}

/**
 * How a client is given the value bound to `key` (`account_id`, `accountId`, `token`): the option
 * named after it and its `<VENDOR>_<OPTION>` environment variable, as every vendor client names them.
 */
function bindingSource(vendor: string, key: string): string {
  const snake = key.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
  const option = snake.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
  return `\`${option}\` option or the ${`${vendor}_${snake}`.toUpperCase()} environment variable`;
}

function boundValue(vendor: string, values: Readonly<Record<string, string | undefined>>, key: string, given: unknown, field: string): unknown {
  const value = values[key];
  if (value === undefined) {
    if (given === undefined || given === null) throw new SegConfigError(field, `has no value: pass it per call, or give the client its ${bindingSource(vendor, key)}`);
    return given;
  }
  if (given !== undefined && given !== value) throw new SegConfigError(field, `is bound to the client's \`${key}\`; a call cannot replace it`);
  return value;
}
