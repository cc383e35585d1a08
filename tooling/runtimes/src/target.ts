// What every target reports: its runtime line and the result of each scenario check.
import type { SpecFacts } from "./spec-calls.ts";

export interface CheckResult {
  name: string;
  ok: boolean;
  error?: string;
}

export interface TargetResult {
  /** `node 22.23.3`, `chromium 150.0.7871.100` */
  runtime: string;
  /** `esm`, `cjs`, `bundle`, … when one runtime runs several variants. */
  variant: string;
  results: CheckResult[];
}

/** What a target needs to reach its own sandbox. */
export interface SandboxEnv extends SpecFacts {
  origin: string;
  options: unknown;
}
