// What core's telemetry.ts assumes of @opentelemetry/api without importing it, pinned against the
// real API and SDK: if a release moves the global registry or renames what it holds, this fails.
import { ROOT_CONTEXT, SpanKind, SpanStatusCode, context, metrics, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { MeterProvider } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider } from "@opentelemetry/sdk-trace-base";
import { startTestServer } from "@seg/test-server";
import { describe, expect, it } from "vitest";
import { acmeClient } from "./fixtures/acme.ts";

const registry = (): Record<string, unknown> | undefined => (globalThis as Record<symbol, Record<string, unknown> | undefined>)[Symbol.for("opentelemetry.js.api.1")];

describe("the @opentelemetry/api global registry", () => {
  // First, while nothing is registered: importing the API registers nothing (the "API installed,
  // no provider" case costs core one property read).
  it("holds no provider until the application registers one, and then core emits nothing", async () => {
    expect(registry()?.trace).toBeUndefined();
    expect(registry()?.metrics).toBeUndefined();
    await using server = await startTestServer(() => ({ status: 200, json: { id: "1", name: "W" } }));
    await acmeClient(server, { propagateTraceContext: true }).GET("/things/{id}", { params: { path: { id: "1" } } });
    expect(server.requests[0]!.headers.traceparent).toBeUndefined();
  });

  it("is Symbol.for('opentelemetry.js.api.1'), holding exactly what the API's getters return", () => {
    trace.setGlobalTracerProvider(new BasicTracerProvider());
    metrics.setGlobalMeterProvider(new MeterProvider());
    context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
    const held = registry();
    expect(held?.trace).toBe(trace.getTracerProvider());
    expect(held?.metrics).toBe(metrics.getMeterProvider());
    expect((held?.context as { active(): unknown }).active()).toBe(context.active());
    // No propagator registered: core then writes traceparent itself.
    expect(held?.propagation).toBeUndefined();
    expect(propagation.fields()).toEqual([]);
  });

  it("keys the active span by Symbol.for('OpenTelemetry Context Key SPAN'), and numbers kinds and codes as core does", () => {
    const span = trace.getTracer("t").startSpan("s");
    expect(trace.getSpan(ROOT_CONTEXT.setValue(Symbol.for("OpenTelemetry Context Key SPAN"), span))).toBe(span);
    expect(SpanKind.CLIENT).toBe(2);
    expect(SpanStatusCode.ERROR).toBe(2);
    span.end();
  });
});
