// A typed openapi-fetch client for one vendor, whose every call runs through the transport in
// transport.ts. Vendor packages pass their generated tables; nothing here knows a vendor by name.
import createClient, { type Middleware, type QuerySerializerOptions } from "openapi-fetch";
import type { HttpMethod } from "openapi-typescript-helpers";
import { noAuth, type AuthStrategy } from "./auth/strategy.ts";
import type { CallMethod, PathsByMethod } from "./call-method.ts";
import { leveled, type Logger, type LoggerStyle, type LogLevel } from "./logger.ts";
import { TIMED_OUT } from "./attempt.ts";
import { serializeBody, withContentType } from "./body.ts";
import { checkTransportNumbers } from "./config-checks.ts";
import { SegConfigError } from "./errors.ts";
import { checkHeaders } from "./header-values.ts";
import { resolveHosts } from "./hosts.ts";
import { applyBindings, operationFor, type OperationTable, type ServerTable } from "./operations.ts";
import { isBrowser } from "./platform.ts";
import { retryPolicy, type RetryOptions } from "./retry.ts";
import type { RateLimiter } from "./rate-limit.ts";
import { requestParts, type OutgoingRequest } from "./request-parts.ts";
import { API_ERROR, send, TIMEOUT_DEFAULTS, type Flight, type ParseAs, type TimeoutOptions } from "./transport.ts";
import { querySerializer, serializePath } from "./url-values.ts";

const noop = (): void => undefined;

/** Options every vendor client accepts for its transport. */
export interface TransportOptions extends TimeoutOptions {
  /** Retry policy for operations that are safe to repeat; `false` turns retries off. */
  retry?: RetryOptions | false;
  /** A `fetch` to use instead of the global one (tests, proxies, instrumentation). */
  fetch?: (request: Request) => Promise<Response>;
  /** Receives redacted log lines (`console`, pino, winston, … as they are). Nothing is logged without one. */
  logger?: Logger;
  /** Lowest level passed to `logger`. Default: `SEG_LOG` from the environment, else `"info"`. */
  logLevel?: LogLevel;
  /** How `logger` takes its arguments; default: `"fields-first"` for pino, else `"message-first"`. */
  loggerStyle?: LoggerStyle;
  /**
   * Send the W3C trace context (`traceparent`, through the registered propagator if any) of each
   * attempt's span, when an OpenTelemetry tracer provider is registered. Off by default: a vendor
   * may refuse unknown headers, and a browser would need CORS to allow it.
   */
  propagateTraceContext?: boolean;
  /** openapi-fetch middleware, run once per call (before retries). */
  middleware?: Middleware[];
  /** Space out requests (`createRateLimiter`); off by default. Every attempt counts. */
  rateLimit?: RateLimiter;
  /**
   * Let a client whose configuration holds a secret (an API key, a password, a token) be created in
   * a browser, where everyone who loads the page can read that secret. Off: such a client refuses
   * with a `SegConfigError`. Turn it on only for a page nobody else loads (an internal tool).
   */
  dangerouslyAllowBrowser?: boolean;
}

/** What a vendor package tells core about itself and its user's configuration. */
export interface VendorClientOptions extends TransportOptions {
  vendor: string;
  servers: ServerTable;
  operations: OperationTable;
  /** Host used for paths the spec does not know; default: the first server. */
  defaultHost?: string;
  /** URL templates that replace the spec's, by host name (sandbox, proxy, staging). */
  baseUrls?: Readonly<Record<string, string | undefined>>;
  /** Values for server URL variables and `x-seg-bind` inputs, by name. */
  variables?: Readonly<Record<string, string | undefined>>;
  auth: AuthStrategy;
  userAgent: string;
  /** How query parameters are written (openapi-fetch's option); vendor packages set their spec's style. */
  querySerializer?: QuerySerializerOptions;
}

/** Per-call options, accepted next to openapi-fetch's own (`params`, `body`, `signal`, …). */
export interface CallOptions {
  /**
   * `true` retries this call even if its operation is not safe to repeat; `false` never retries
   * it; an object also overrides the client's retry settings for this call.
   */
  retry?: boolean | RetryOptions;
  /** Per-attempt timeout for this call, in ms. */
  timeoutMs?: number;
  /** Overall deadline for this call across retries, in ms. */
  deadlineMs?: number;
}

/**
 * A typed client over a vendor's `paths`, as openapi-fetch users know it. `Named` gives each
 * method's paths the vendor's own name, which is what a wrong path is reported against.
 */
// `in out`: see CallMethod.
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- openapi-fetch's own constraint on Paths
export interface VendorClient<in out Paths extends {}, in out Named extends PathsByMethod<Paths> = PathsByMethod<Paths>> {
  GET: CallMethod<Paths, "get", Named["get"]>;
  PUT: CallMethod<Paths, "put", Named["put"]>;
  POST: CallMethod<Paths, "post", Named["post"]>;
  DELETE: CallMethod<Paths, "delete", Named["delete"]>;
  PATCH: CallMethod<Paths, "patch", Named["patch"]>;
  /**
   * Calls a path the spec does not document (the escape hatch for endpoints a vendor names but does
   * not describe), with the same auth, retries, timeouts and errors. Nothing about the body is
   * typed; retry safety follows the HTTP method (GET, HEAD, OPTIONS, PUT and DELETE are retried).
   */
  undocumented(method: Uppercase<HttpMethod>, path: string, init?: UndocumentedInit): Promise<UndocumentedResult>;
  /** Register openapi-fetch middleware. */
  use(...middleware: Middleware[]): void;
  /** Unregister openapi-fetch middleware. */
  eject(...middleware: Middleware[]): void;
}

/** Inputs of an `undocumented` call: openapi-fetch's, untyped. */
export interface UndocumentedInit extends CallOptions {
  params?: { query?: Record<string, unknown>; path?: Record<string, unknown>; header?: Record<string, string> };
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  parseAs?: "json" | "text" | "blob" | "arrayBuffer" | "stream";
}

/** The result of an `undocumented` call: openapi-fetch's shape and `status`, with nothing known about the bodies. */
export type UndocumentedResult =
  | { status: number; data: unknown; error?: never; response: Response }
  | { status: number; data?: never; error: unknown; response: Response };

type AnyInit = CallOptions & {
  params?: { query?: Record<string, unknown>; path?: Record<string, unknown>; header?: unknown };
  headers?: unknown;
  body?: unknown;
  parseAs?: ParseAs;
  [key: string]: unknown;
};

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- openapi-fetch's own constraint on Paths
export function createVendorClient<Paths extends {}>(
  options: VendorClientOptions,
): VendorClient<Paths> {
  checkTransportNumbers(options);
  const browser = isBrowser();
  if (browser && options.auth.secrets().length > 0 && options.dangerouslyAllowBrowser !== true) {
    throw new SegConfigError(
      "dangerouslyAllowBrowser",
      `this ${options.vendor} client is configured with a secret, and this is a browser: anyone who loads the page can read ` +
        "and use it. Call the vendor from your server; pass `dangerouslyAllowBrowser: true` only if nobody else loads this page.",
    );
  }
  const defaultHost = options.defaultHost ?? Object.keys(options.servers)[0] ?? "";
  const variables = { ...options.variables, ...options.auth.bodyFields };
  const hostUrls = resolveHosts(options, defaultHost, variables);
  const secrets = (): readonly string[] => options.auth.secrets();
  const reserved = options.auth.headerNames ?? [];
  const logger = leveled(options.logger, options.logLevel, options.loggerStyle);
  const propagate = options.propagateTraceContext === true;
  const fetchImpl = options.fetch;
  // Without middleware nobody needs a real Request before the transport: hand openapi-fetch the
  // light RequestParts instead (see request-parts.ts). Middleware gets real Requests.
  const middleware = [...(options.middleware ?? [])];
  const SegRequest = function (url: string, init: RequestInit & { headers: Headers }) {
    return middleware.length ? new Request(url, init) : requestParts(url, init);
  };
  // openapi-fetch also checks what middleware returns with `instanceof` this constructor.
  Object.defineProperty(SegRequest, Symbol.hasInstance, { value: (value: unknown) => value instanceof Request });
  const base = createClient<Paths>({
    // Every value reaches the URL and the body through core's checks (url-values.ts, body.ts).
    pathSerializer: serializePath,
    querySerializer: querySerializer(options.querySerializer?.array?.explode === false) as never,
    bodySerializer: serializeBody as never,
    Request: SegRequest as unknown as typeof Request,
  });
  if (middleware.length) base.use(...middleware);

  // async, so a bad input rejects like any other failure instead of throwing synchronously.
  const call =
    (method: Uppercase<HttpMethod>) =>
    async (path: string, init: AnyInit = {}): Promise<unknown> => {
      const meta = operationFor(options.operations, method, path, defaultHost);
      const { retry, timeoutMs, deadlineMs, parseAs = meta.parseAs ?? "json", ...rest } = init;
      if (timeoutMs !== undefined || deadlineMs !== undefined || typeof retry === "object") checkTransportNumbers({ timeoutMs, deadlineMs, retry });
      if (rest.headers) checkHeaders(rest.headers, "headers");
      if (rest.params?.header) checkHeaders(rest.params.header, "params.header");
      // openapi-fetch calls the path serializer only when path params are given: a path with
      // placeholders always goes through it, so a missing value is refused, not sent as `{name}`.
      // (The caller's own objects are never modified: copies only where something is added.)
      const params = path.includes("{") && !rest.params?.path ? { ...rest.params, path: {} } : rest.params;
      const fetchInit: AnyInit = { ...rest, params };
      if (meta.contentType !== undefined && rest.body !== undefined) fetchInit.headers = withContentType(rest.headers, meta.contentType);
      applyBindings(options.vendor, meta, fetchInit, variables);
      // Middleware may read the response: it gets one whose body can be read, parsed by openapi-fetch.
      const direct = !middleware.length;
      const flight: Flight = { fail: noop };
      const transport = {
        vendor: options.vendor,
        operation: meta.operationId,
        route: options.operations[`${method} ${path}`] ? path : undefined,
        propagate,
        retry: retryPolicy(retry, options.retry, meta.idempotent),
        timeouts: {
          timeoutMs: timeoutMs ?? options.timeoutMs ?? TIMEOUT_DEFAULTS.timeoutMs,
          deadlineMs: deadlineMs ?? options.deadlineMs ?? TIMEOUT_DEFAULTS.deadlineMs,
        },
        auth: meta.anonymous ? noAuth : options.auth,
        reserved,
        // A page's requests already carry the browser's own User-Agent; setting one would add a header
        // the vendor's CORS policy has to allow (and browsers ignore or refuse it anyway).
        userAgent: browser ? undefined : options.userAgent,
        fetch: fetchImpl,
        secrets,
        logger,
        rateLimit: options.rateLimit,
        parseAs,
        rebuffer: !direct,
        flight,
      };
      const pending = base.request(method.toLowerCase() as never, path as never, {
        ...fetchInit,
        // The transport reads the success body; openapi-fetch is told to leave it alone.
        parseAs: direct ? "stream" : parseAs,
        baseUrl: hostUrls.get(meta.host),
        fetch: (request: Request | OutgoingRequest) => send(request, transport),
      } as never) as Promise<{ data?: unknown; error?: unknown; response: Response }>;
      try {
        // An error body is read by openapi-fetch after the transport returned, still under the
        // attempt's limits: the transport ends this wait through `flight.fail`.
        const result = await new Promise<{ data?: unknown; error?: unknown; response: Response }>((resolve, reject) => {
          flight.fail = reject;
          pending.then(resolve, reject);
        });
        if (direct && result.response.ok && result.data !== undefined) result.data = flight.data;
        // Not enumerable: inspect and JSON show the result as openapi-fetch users know it.
        if (flight.error) Object.defineProperty(result, API_ERROR, { value: flight.error });
        // The status beside openapi-fetch's data/error/response, so results narrow on it (result.ts).
        (result as { status?: number }).status = result.response.status;
        return result;
      } catch (error) {
        throw error === TIMED_OUT && flight.timeout ? flight.timeout() : error;
      } finally {
        flight.end?.();
      }
    };

  return {
    GET: call("GET") as VendorClient<Paths>["GET"],
    PUT: call("PUT") as VendorClient<Paths>["PUT"],
    POST: call("POST") as VendorClient<Paths>["POST"],
    DELETE: call("DELETE") as VendorClient<Paths>["DELETE"],
    PATCH: call("PATCH") as VendorClient<Paths>["PATCH"],
    undocumented: (method, path, init) => call(method)(path, init as AnyInit) as Promise<UndocumentedResult>,
    use: (...added) => {
      middleware.push(...added);
      base.use(...added);
    },
    eject: (...removed) => {
      for (const m of removed) {
        const at = middleware.indexOf(m);
        if (at !== -1) middleware.splice(at, 1);
      }
      base.eject(...removed);
    },
  };
}
