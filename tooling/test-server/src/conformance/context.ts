// What every conformance suite shares: the vendor, its client factory and how a failure is caught.
import { startHarness, type CreateClient, type Harness, type HarnessOptions } from "./harness.ts";
import type { Result } from "./calls.ts";
import type { ConformanceVendor } from "./vendor.ts";

export interface SuiteContext {
  spec: ConformanceVendor;
  createClient: CreateClient;
  options: Record<string, unknown>;
  /** The vendor package's `unwrap`. */
  unwrap: (result: Result) => unknown;
}

export const start = (context: SuiteContext, options?: HarnessOptions): Promise<Harness> =>
  startHarness(context.spec, context.createClient, context.options, options);

/** What `run` threw or rejected with; fails the test if it did neither. */
export async function caught(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure, and there was none");
}

/** The error a call ends in: what it rejected with, or what `unwrap` throws for its result. */
export async function failureOf(context: SuiteContext, call: () => Promise<Result>): Promise<unknown> {
  let result: Result;
  try {
    result = await call();
  } catch (error) {
    return error;
  }
  try {
    context.unwrap(result);
  } catch (error) {
    return error;
  }
  throw new Error(`expected the call to fail, it answered HTTP ${result.response.status}`);
}

/** The error is of @seg/core's class `name` (checked by name: core's classes are not importable here). */
export const isSegError = (error: unknown, name: string): boolean => error instanceof Error && error.name === name;
