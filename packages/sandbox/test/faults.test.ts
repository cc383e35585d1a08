// Fault injection: error statuses with the vendor's error body, 429 with Retry-After, latency,
// resets and hangs, scoped per vendor and operation — and reproducible from a seed.
import { describe, expect, it } from "vitest";
import { parseFaultSpec, startSandbox, VENDORS, type FaultRule, type Sandbox } from "../src/index.ts";
import { at, call, SEGMENTER_AUTH, SEGMETRICS_AUTH, segmetricsPaths, useSandbox } from "./harness.ts";

const sandbox = await useSandbox();
const { importPath, reporting } = segmetricsPaths("acct-faults");
const upsert = (target: Sandbox = sandbox): ReturnType<typeof call> =>
  call(target, "POST", `${importPath}/contact`, { headers: SEGMETRICS_AUTH, body: { email: "f@example.com" } });
const report = (target: Sandbox = sandbox): ReturnType<typeof call> => call(target, "GET", `${reporting}/report/leads`, { headers: SEGMETRICS_AUTH });

async function statuses(target: Sandbox, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i++) out.push((await upsert(target)).status);
  return out;
}

describe("parseFaultSpec", () => {
  it.each<[string, FaultRule]>([
    ["segmetrics:upsertContact:rate=0.5:status=503", { vendor: "segmetrics", operation: "upsertContact", rate: 0.5, status: 503 }],
    ["segmint:*:status=429", { vendor: "segmint", operation: "*", status: 429, retryAfter: 1 }],
    ["*:*:status=429:retry-after=7", { vendor: "*", operation: "*", status: 429, retryAfter: 7 }],
    ["segmenter:createSegment:latency=250", { vendor: "segmenter", operation: "createSegment", latencyMs: 250 }],
    ["segmenthub:fireEvent:reset:times=2", { vendor: "segmenthub", operation: "fireEvent", reset: true, times: 2 }],
    ["segmetrics:getContact:hang:latency=10", { vendor: "segmetrics", operation: "getContact", hang: true, latencyMs: 10 }],
  ])("%s", (spec, want) => {
    expect(parseFaultSpec(spec)).toEqual(want);
  });

  it.each([
    ["segmetric:*:status=503", `vendor must be one of ${VENDORS.join(", ")} or *`],
    ["segmetrics:*:rate=2:status=503", "rate must be between 0 and 1"],
    ["segmetrics:*:status=200", "status must be an HTTP error status (400-599)"],
    ["segmetrics:*:status=503:reset", "give at most one of status, reset, hang"],
    ["segmetrics:*:rate=0.5", "give one of status, reset, hang or latency"],
    ["segmetrics:*:slow", 'unknown flag "slow"'],
    ["segmetrics:*:status=abc", "status must be a number"],
  ])("rejects %s", (spec, problem) => {
    expect(() => parseFaultSpec(spec)).toThrow(problem);
  });
});

describe("faults", () => {
  it("answer the chosen status with the vendor's error body, on the chosen operation only", async () => {
    sandbox.setFaults(["segmetrics:upsertContact:status=503", "segmenter:*:status=500"]);
    const failed = await upsert();
    expect(failed.status).toBe(503);
    expect(failed.body).toEqual({ status: "error", errors: ["Service Unavailable (fault injected by the sandbox)"] });
    expect((await report()).status).toBe(200);
    const segmenter = await call(sandbox, "POST", "/segmenter/segments", { headers: SEGMENTER_AUTH, body: { name: "x" } });
    expect(segmenter.body).toEqual({ success: false, message: "Internal Server Error", error: "Internal Server Error" });
    expect(sandbox.log.at(-1)).toMatchObject({ vendor: "segmenter", operationId: "createSegment", result: 500, fault: "status 500" });
  });

  it("429 carries Retry-After", async () => {
    sandbox.setFaults(["segmetrics:getReport:status=429:retry-after=3"]);
    const limited = await report();
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    expect(limited.body).toEqual({ status: "error", errors: ["Too Many Requests (fault injected by the sandbox)"] });
  });

  it("add latency, and still answer", async () => {
    sandbox.setFaults([{ vendor: "segmetrics", operation: "getReport", latencyMs: 150 }]);
    const started = performance.now();
    expect((await report()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("reset the connection", async () => {
    sandbox.setFaults([{ vendor: "segmetrics", reset: true }]);
    const error = await report().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect(String((error as TypeError).cause)).toMatch(/ECONNRESET|other side closed|socket/i);
    expect(sandbox.log.at(-1)).toMatchObject({ operationId: "getReport", result: "reset" });
  });

  it("hang until the client gives up", async () => {
    sandbox.setFaults(["segmetrics:getReport:hang"]);
    const error = await call(sandbox, "GET", `${reporting}/report/leads`, { headers: SEGMETRICS_AUTH, signal: AbortSignal.timeout(200) }).catch((e: unknown) => e);
    expect((error as Error).name).toBe("TimeoutError");
  });

  it("times=N fails the first N calls only", async () => {
    sandbox.setFaults(["segmetrics:upsertContact:status=502:times=2"]);
    expect(await statuses(sandbox, 4)).toEqual([502, 502, 200, 200]);
  });

  it("are set through the control API, with a seed", async () => {
    const set = await call(sandbox, "POST", "/__sandbox/faults", { body: { seed: 7, faults: ["segmetrics:upsertContact:status=503:times=1"] } });
    expect(set.body).toEqual({ seed: 7, faults: [{ vendor: "segmetrics", operation: "upsertContact", status: 503, times: 1 }] });
    expect(await statuses(sandbox, 2)).toEqual([503, 200]);
    const bad = await call(sandbox, "POST", "/__sandbox/faults", { body: { faults: ["segmetrics:*:rate=5:status=503"] } });
    expect(bad.status).toBe(400);
    expect(at(bad.body, "message")).toContain("rate must be between 0 and 1");
    expect((await call(sandbox, "DELETE", "/__sandbox/faults")).body).toEqual({ seed: 7, faults: [] });
  });
});

describe("a seeded fault run", () => {
  const rule = "segmetrics:upsertContact:rate=0.5:status=503";

  it("is reproducible: same seed, same request sequence, same faults — in another sandbox too", async () => {
    sandbox.setFaults([rule], 42);
    const first = await statuses(sandbox, 24);
    expect(first).toContain(503);
    expect(first).toContain(200);
    sandbox.setFaults([rule], 42);
    expect(await statuses(sandbox, 24)).toEqual(first);
    await using other = await startSandbox({ seed: 42, faults: [rule] });
    expect(await statuses(other, 24)).toEqual(first);
    // POST /__sandbox/reset restarts the streams as well.
    await call(sandbox, "POST", "/__sandbox/reset");
    expect(await statuses(sandbox, 24)).toEqual(first);
  });

  it("does not depend on calls to other operations in between", async () => {
    sandbox.setFaults([rule, "segmetrics:getReport:rate=0.5:status=500"], 42);
    const plain = await statuses(sandbox, 12);
    sandbox.setFaults([rule, "segmetrics:getReport:rate=0.5:status=500"], 42);
    const interleaved: number[] = [];
    for (let i = 0; i < 12; i++) {
      await report();
      interleaved.push((await upsert()).status);
    }
    expect(interleaved).toEqual(plain);
  });

  it("changes with the seed", async () => {
    sandbox.setFaults([rule], 1);
    const one = await statuses(sandbox, 24);
    sandbox.setFaults([rule], 2);
    expect(await statuses(sandbox, 24)).not.toEqual(one);
  });
});
