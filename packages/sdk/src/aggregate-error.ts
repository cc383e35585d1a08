import { SegError } from "@seg/core";
import type { Outcome } from "./outcome.ts";

/** Thrown in strict mode when any vendor failed; `outcomes` still holds every vendor's result. */
export class SegAggregateError extends SegError {
  static override readonly kind: string = "SegAggregateError";
  readonly operation: string;
  readonly outcomes: Readonly<Record<string, Outcome>>;

  constructor(operation: string, outcomes: Readonly<Record<string, Outcome>>) {
    const failed = Object.entries(outcomes).filter(([, o]) => o.status === "failed");
    super(
      `${operation} failed for ${failed.length} vendor${failed.length === 1 ? "" : "s"}: ` +
        failed.map(([key, o]) => `${key} (${o.status === "failed" ? o.error.message : ""})`).join("; "),
    );
    this.operation = operation;
    this.outcomes = outcomes;
  }

  protected override details(): Record<string, unknown> {
    const outcomes = Object.fromEntries(
      Object.entries(this.outcomes).map(([key, o]) => [key, o.status === "failed" ? { ...o, error: jsonOf(o.error) } : o]),
    );
    return { operation: this.operation, outcomes };
  }
}

const jsonOf = (error: Error): unknown =>
  error instanceof SegError ? error.toJSON() : { name: error.name, message: error.message };
