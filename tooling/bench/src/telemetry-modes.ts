// The three states an application can leave OpenTelemetry in, switched between measurements so
// they are compared in the same run: no API at all (core finds no registry), the API loaded with
// nothing registered, and tracing on as NodeSDK sets it up (a tracer provider with a batch
// processor and the AsyncLocalStorage context manager).
import { context, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { ExportResultCode } from "@opentelemetry/core";
import { BasicTracerProvider, BatchSpanProcessor, type ReadableSpan, type SpanExporter } from "@opentelemetry/sdk-trace-base";

export type TelemetryMode = "API absent" | "API, no provider" | "tracing on";

const REGISTRY = Symbol.for("opentelemetry.js.api.1");

/** Drops every span: the cost measured is the client's and the SDK's, not an exporter's I/O. */
const discard: SpanExporter = {
  export: (_spans: ReadableSpan[], done) => {
    done({ code: ExportResultCode.SUCCESS });
  },
  shutdown: () => Promise.resolve(),
};
const provider = new BasicTracerProvider({ spanProcessors: [new BatchSpanProcessor(discard)] });
const contextManager = new AsyncLocalStorageContextManager();

export function enter(mode: TelemetryMode): void {
  trace.disable();
  context.disable();
  contextManager.disable();
  if (mode === "API absent") {
    Reflect.deleteProperty(globalThis, REGISTRY);
  } else if (mode === "tracing on") {
    trace.setGlobalTracerProvider(provider);
    context.setGlobalContextManager(contextManager.enable());
  }
}
