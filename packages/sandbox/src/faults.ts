// Fault injection: rules that make a vendor (or one of its operations) fail the way real vendors
// do — an error status, a 429 with Retry-After, added latency, a reset connection, a hang — some of
// the time, reproducibly.
//
// Reproducibility: every (rule, vendor, operation) has its own PRNG stream seeded from
// `seed:ruleIndex:vendor:operationId`, and each matching request draws once from it. The faults an
// operation sees therefore depend only on the seed and on how many times that operation was called —
// not on how calls to other operations interleave with it (concurrent tests stay repeatable).
import { hashSeed, mulberry32 } from "./prng.ts";
import { VENDORS, type Vendor } from "./generated/vendors.ts";

export interface FaultRule {
  /** A vendor, or `"*"` (default) for every vendor. */
  vendor?: Vendor | "*";
  /** An operationId from the vendor's spec, or `"*"` (default) for every operation. */
  operation?: string;
  /** Probability that a matching request gets the fault, 0–1. Default 1 (always). */
  rate?: number;
  /** Answer with this status and the vendor's error body for it. 429 also sends `Retry-After`. */
  status?: number;
  /** Seconds for the `Retry-After` header of a 429 (or any status given here). Default 1 for 429. */
  retryAfter?: number;
  /** Wait this long before answering (alone: a slow but successful call). */
  latencyMs?: number;
  /** Destroy the connection without an answer (the client sees a connection reset). */
  reset?: boolean;
  /** Never answer; the connection stays open until the client gives up or the sandbox closes. */
  hang?: boolean;
  /** Fire at most this many times, then never again (e.g. `times: 2`: the first two calls fail). */
  times?: number;
}

/** What happens to one request. */
export interface FaultDecision {
  latencyMs: number;
  outcome?: { kind: "status"; status: number; retryAfter?: number } | { kind: "reset" } | { kind: "hang" };
  /** Indexes of the rules that fired. */
  rules: number[];
}

/** A rule as the CLI and `POST /__sandbox/faults` accept it: the object, or `vendor:operation:key=value:…`. */
export type FaultInput = FaultRule | string;

const KEYS: Record<string, keyof FaultRule> = {
  rate: "rate",
  status: "status",
  "retry-after": "retryAfter",
  retryafter: "retryAfter",
  latency: "latencyMs",
  "latency-ms": "latencyMs",
  latencyms: "latencyMs",
  times: "times",
};

/**
 * `<vendor>:<operationId>:rate=0.5:status=503`, `*:*:latency=200`, `<vendor>:<operationId>:reset`,
 * `<vendor>:*:hang:times=1`, `<vendor>:*:status=429:retry-after=2`.
 */
export function parseFaultSpec(spec: string, vendors: readonly string[] = VENDORS): FaultRule {
  const [vendor = "", operation = "", ...options] = spec.split(":");
  const rule: FaultRule = { vendor: vendor as FaultRule["vendor"], operation };
  for (const option of options) {
    const [rawKey = "", value] = option.split("=", 2);
    const key = rawKey.trim().toLowerCase();
    if (value === undefined) {
      if (key === "reset") rule.reset = true;
      else if (key === "hang") rule.hang = true;
      else throw new Error(`fault "${spec}": unknown flag "${rawKey}" (expected reset, hang or key=value)`);
      continue;
    }
    const field = KEYS[key];
    if (!field) throw new Error(`fault "${spec}": unknown key "${rawKey}" (expected rate, status, retry-after, latency, times)`);
    const number = Number(value);
    if (value.trim() === "" || !Number.isFinite(number)) throw new Error(`fault "${spec}": ${rawKey} must be a number`);
    (rule as Record<string, number>)[field] = number;
  }
  return checkFaultRule(rule, spec, vendors);
}

/** Checks a rule (its vendor among `vendors`, the embedded specs' by default) and fills its defaults; throws naming the problem. */
export function checkFaultRule(input: FaultRule, label: string = JSON.stringify(input), vendors: readonly string[] = VENDORS): FaultRule {
  const rule: FaultRule = { ...input, vendor: input.vendor || "*", operation: input.operation || "*" };
  const fail = (problem: string): never => {
    throw new Error(`fault ${label}: ${problem}`);
  };
  if (rule.vendor !== "*" && !vendors.includes(rule.vendor ?? "")) fail(`vendor must be one of ${vendors.join(", ")} or *`);
  if (rule.rate !== undefined && !(rule.rate >= 0 && rule.rate <= 1)) fail("rate must be between 0 and 1");
  if (rule.status !== undefined && !(Number.isInteger(rule.status) && rule.status >= 400 && rule.status <= 599)) {
    fail("status must be an HTTP error status (400-599)");
  }
  if (rule.retryAfter !== undefined && !(rule.retryAfter >= 0)) fail("retry-after must be >= 0 seconds");
  if (rule.latencyMs !== undefined && !(rule.latencyMs >= 0)) fail("latency must be >= 0 ms");
  if (rule.times !== undefined && !(Number.isInteger(rule.times) && rule.times >= 1)) fail("times must be a whole number >= 1");
  const outcomes = [rule.status !== undefined, rule.reset === true, rule.hang === true].filter(Boolean).length;
  if (outcomes > 1) fail("give at most one of status, reset, hang");
  if (outcomes === 0 && rule.latencyMs === undefined) fail("give one of status, reset, hang or latency");
  if (rule.status === 429) rule.retryAfter ??= 1;
  return rule;
}

export function toFaultRule(input: FaultInput, vendors: readonly string[] = VENDORS): FaultRule {
  return typeof input === "string" ? parseFaultSpec(input, vendors) : checkFaultRule(input, JSON.stringify(input), vendors);
}

export class FaultPlan {
  #rules: FaultRule[] = [];
  #seed = 0;
  #streams = new Map<string, () => number>();
  #fired = new Map<number, number>();
  readonly #vendors: readonly string[];

  /** `vendors`: the names rules may use (the served vendors). */
  constructor(rules: readonly FaultInput[] = [], seed = 0, vendors: readonly string[] = VENDORS) {
    this.#vendors = vendors;
    this.set(rules, seed);
  }

  get rules(): readonly FaultRule[] {
    return this.#rules;
  }

  get seed(): number {
    return this.#seed;
  }

  /** Replaces the rules (and the seed, if given) and restarts every PRNG stream. */
  set(rules: readonly FaultInput[], seed: number = this.#seed): void {
    if (!Number.isInteger(seed)) throw new Error("seed must be an integer");
    this.#rules = rules.map((rule) => toFaultRule(rule, this.#vendors));
    this.#seed = seed;
    this.restart();
  }

  /** Restarts the PRNG streams and `times` counters: the next requests replay the same faults. */
  restart(): void {
    this.#streams.clear();
    this.#fired.clear();
  }

  /** What to do with one request to `vendor`'s `operationId`; undefined when no fault applies. */
  decide(vendor: string, operationId: string): FaultDecision | undefined {
    const decision: FaultDecision = { latencyMs: 0, rules: [] };
    for (const [index, rule] of this.#rules.entries()) {
      if (rule.vendor !== "*" && rule.vendor !== vendor) continue;
      if (rule.operation !== "*" && rule.operation !== operationId) continue;
      const streamKey = `${this.#seed}:${index}:${vendor}:${operationId}`;
      let stream = this.#streams.get(streamKey);
      if (!stream) {
        stream = mulberry32(hashSeed(streamKey));
        this.#streams.set(streamKey, stream);
      }
      // Always draw, so a rule's stream advances once per matching request whatever the outcome.
      const draw = stream();
      const fired = this.#fired.get(index) ?? 0;
      if (rule.times !== undefined && fired >= rule.times) continue;
      if (draw >= (rule.rate ?? 1)) continue;
      this.#fired.set(index, fired + 1);
      decision.rules.push(index);
      decision.latencyMs += rule.latencyMs ?? 0;
      if (rule.status !== undefined) decision.outcome = { kind: "status", status: rule.status, retryAfter: rule.retryAfter };
      else if (rule.reset) decision.outcome = { kind: "reset" };
      else if (rule.hang) decision.outcome = { kind: "hang" };
      if (decision.outcome) break;
    }
    return decision.rules.length > 0 ? decision : undefined;
  }
}
