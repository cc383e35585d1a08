// OpenTelemetry spans and metrics for each attempt, without importing @opentelemetry/api: every copy
// of the API (1.x) keeps what the application registered — tracer and meter providers, context
// manager, propagator — on one global object under `Symbol.for("opentelemetry.js.api.1")`, which is
// how two copies of the API interoperate. Reading that object costs core nothing when it is absent
// (no dependency, no bundle bytes, one property read per call) and works in every runtime.
// test/otel-assumptions.test.ts pins that assumption against the real API and SDK.
import { version } from "../package.json" with { type: "json" };
import { SegError } from "./errors.ts";
import type { Redactor } from "./redact.ts";

const REGISTRY = Symbol.for("opentelemetry.js.api.1");
/** The API's context key for the active span (`trace.setSpan` uses the same `Symbol.for`). */
const SPAN_KEY = Symbol.for("OpenTelemetry Context Key SPAN");
const SPAN_KIND_CLIENT = 2;
const STATUS_ERROR = 2;
/** The HTTP semantic conventions' advice for `http.client.request.duration`, in seconds. */
const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

type Attributes = Record<string, string | number>;
interface Context {
  setValue(key: symbol, value: unknown): Context;
}
interface Span {
  spanContext(): { traceId: string; spanId: string; traceFlags: number };
  isRecording(): boolean;
  setAttributes(attributes: Attributes): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  end(): void;
}
interface Tracer {
  startSpan(name: string, options: { kind: number; attributes: Attributes }, context?: Context): Span;
}
interface Instrument {
  record?(value: number, attributes: Attributes): void;
  add?(value: number, attributes: Attributes): void;
}
interface Meter {
  createHistogram(name: string, options: object): Instrument;
  createCounter(name: string, options: object): Instrument;
}
interface Registry {
  trace?: { getTracer(name: string, version?: string): Tracer };
  metrics?: { getMeter(name: string, version?: string): Meter };
  context?: { active(): Context; with<T>(context: Context, fn: () => T): T };
  propagation?: { inject(context: Context, carrier: Headers, setter: { set(carrier: Headers, key: string, value: string): void }): void };
}

/** What telemetry needs to know of a call. */
export interface TracedCall {
  vendor: string;
  operation: string;
  /** The spec's path template (`/things/{id}`), for `url.template` and the span name. */
  route: string | undefined;
  /** Write the attempt's trace context (`traceparent`) into the request headers. */
  propagate: boolean;
}

/** The outcome of one attempt: a response's status, or what was thrown instead. */
export type AttemptOutcome = { status: number } | { error: unknown };

export interface AttemptTelemetry {
  /** Runs `fn` with the attempt's span active, so a token exchange inside it becomes its child. */
  run<T>(fn: () => Promise<T>): Promise<T>;
  end(outcome: AttemptOutcome): void;
}

export interface CallTelemetry {
  attempt(resends: number, headers: Headers): AttemptTelemetry;
  retried(outcome: AttemptOutcome): void;
}

let instruments: { provider: object; duration: Instrument; retries: Instrument } | undefined;
let tracing: { provider: object; tracer: Tracer } | undefined;

const setter = {
  set: (carrier: Headers, key: string, value: string): void => {
    carrier.set(key, value);
  },
};

/** Telemetry for one call, or `undefined` (nothing allocated) when no provider is registered. */
export function observe(call: TracedCall, method: string, url: string, redactor: Redactor): CallTelemetry | undefined {
  const registry = (globalThis as { [REGISTRY]?: Registry })[REGISTRY];
  if (!registry?.trace && !registry?.metrics) return undefined;
  const { trace, metrics } = registry;
  if (trace && tracing?.provider !== trace) tracing = { provider: trace, tracer: trace.getTracer("@seg/core", version) };
  if (metrics && instruments?.provider !== metrics) {
    const meter = metrics.getMeter("@seg/core", version);
    instruments = {
      provider: metrics,
      duration: meter.createHistogram("http.client.request.duration", { unit: "s", advice: { explicitBucketBoundaries: DURATION_BUCKETS } }),
      retries: meter.createCounter("seg.client.request.retries", { unit: "{retry}" }),
    };
  }
  const tracer = trace && tracing?.tracer;
  const meters = metrics && instruments;
  const { hostname, port, protocol } = new URL(url);
  const common: Attributes = {
    "http.request.method": method,
    "server.address": hostname,
    "server.port": Number(port) || (protocol === "https:" ? 443 : 80),
    "seg.vendor": call.vendor,
    "seg.operation": call.operation,
  };
  if (call.route) common["url.template"] = call.route;
  const name = call.route ? `${method} ${call.route}` : method;
  const shownUrl = redactor.url(url);
  const outcomeAttributes = (outcome: AttemptOutcome): Attributes =>
    "status" in outcome
      ? { ...common, "http.response.status_code": outcome.status, ...(outcome.status >= 400 ? { "error.type": String(outcome.status) } : {}) }
      : { ...common, "error.type": errorType(outcome.error) };

  return {
    attempt(resends, headers) {
      const started = performance.now();
      const attributes: Attributes = { ...common, "url.full": shownUrl };
      if (resends) attributes["http.request.resend_count"] = resends;
      const parent = registry.context?.active();
      const span = tracer?.startSpan(name, { kind: SPAN_KIND_CLIENT, attributes }, parent);
      const active = span && parent?.setValue(SPAN_KEY, span);
      if (span && call.propagate) inject(registry, active, span, headers);
      return {
        run: (fn) => (active && registry.context ? registry.context.with(active, fn) : fn()),
        end(outcome) {
          const final = outcomeAttributes(outcome);
          meters?.duration.record?.((performance.now() - started) / 1000, final);
          if (!span) return;
          if (span.isRecording()) {
            span.setAttributes(final);
            if ("error.type" in final) span.setStatus({ code: STATUS_ERROR, message: statusMessage(outcome, redactor) });
          }
          span.end();
        },
      };
    },
    retried(outcome) {
      meters?.retries.add?.(1, outcomeAttributes(outcome));
    },
  };
}

/** The registered propagator's headers where there is one, else a W3C `traceparent` of our own. */
function inject(registry: Registry, active: Context | undefined, span: Span, headers: Headers): void {
  if (active && registry.propagation) {
    registry.propagation.inject(active, headers, setter);
    return;
  }
  const { traceId, spanId, traceFlags } = span.spanContext();
  headers.set("traceparent", `00-${traceId}-${spanId}-0${traceFlags & 1}`);
}

/** Low-cardinality, per the semantic conventions: the status, else the error's class name. */
function errorType(error: unknown): string {
  return error instanceof Error && error.name ? error.name : "_OTHER";
}

function statusMessage(outcome: AttemptOutcome, redactor: Redactor): string {
  if ("status" in outcome) return `HTTP ${outcome.status}`;
  const { error } = outcome;
  // Only core's own messages are quoted (already redacted, and redacted again): anything else —
  // a caller's abort reason, an exchange's error — may say anything.
  return error instanceof SegError ? redactor.text(error.message) : errorType(error);
}
