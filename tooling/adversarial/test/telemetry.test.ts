// With the OpenTelemetry SDK registered, every vendor client's spans and metrics carry no secret:
// for each credential slot a server echoes every secret the client holds (request id, body, status
// text) on every attempt, and nothing an exporter would ship — span names, attributes, events,
// status messages, links, metric attributes — may contain one.
import { inspect } from "node:util";
import { context, metrics, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { MeterProvider, MetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { startTestServer, type TestServer } from "@seg/test-server";
import { afterEach, describe, expect, it } from "vitest";
import { SEGMINT_TOKEN, SLOTS } from "./vendors.ts";

class CollectingReader extends MetricReader {
  protected override onForceFlush(): Promise<void> {
    return Promise.resolve();
  }
  protected override onShutdown(): Promise<void> {
    return Promise.resolve();
  }
}

const spans = new InMemorySpanExporter();
const reader = new CollectingReader();
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }));
metrics.setGlobalMeterProvider(new MeterProvider({ readers: [reader] }));
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());

const servers: TestServer[] = [];
afterEach(async () => {
  spans.reset();
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

// Sequential: the exporter is shared, and each case reads what its own calls produced.
describe.each(SLOTS.map((slot) => [`${slot.vendor}: ${slot.slot}`, slot] as const))("%s", (_name, slot) => {
  const everything = slot.secrets.join(" ");
  // When the exchange itself fails no token is ever issued, so the echoed token string is no secret
  // the client holds (nor can know): as in echoes.test.ts, only what it holds must not show.
  const held = slot.slot === "Basic credentials (token exchange)" ? slot.secrets.filter((secret) => secret !== SEGMINT_TOKEN) : slot.secrets;

  it("spans and metrics of a failing, retried call hold no secret", async () => {
    const server = await startTestServer((request) =>
      slot.carries(request)
        ? { status: 503, headers: { "x-request-id": everything, "retry-after": "0" }, json: { error: everything, echo: request.headers } }
        : slot.ok(request),
    );
    servers.push(server);
    await slot
      .call(server.url, { retry: { maxRetries: 1, baseDelayMs: 1 }, propagateTraceContext: true })()
      .catch(() => undefined); // failing is the point; what it left behind is checked below

    const finished = spans.getFinishedSpans();
    const vendorSpans = finished.filter((span) => span.attributes["seg.vendor"] === slot.vendor);
    expect(vendorSpans.length).toBeGreaterThanOrEqual(2);
    expect(vendorSpans.some((span) => span.attributes["http.request.resend_count"] === 1)).toBe(true);
    const shipped = [
      ...finished.map((span) =>
        inspect({ name: span.name, attributes: span.attributes, events: span.events, status: span.status, links: span.links }, { depth: 10 }),
      ),
      JSON.stringify((await reader.collect()).resourceMetrics),
    ].join("\n");
    for (const secret of held) expect(shipped).not.toContain(secret);
  });
});
