import { isSkip, type Skip } from "@seg/core";

/** What one vendor did in a unified call. Nothing is ever dropped: every vendor gets one. */
export type Outcome =
  | { status: "ok"; vendor: string; value: unknown; durationMs: number }
  | { status: "skipped"; vendor: string; reason: string }
  | { status: "failed"; vendor: string; error: Error; durationMs: number };

/** Runs one vendor's part of a unified call and records how it went. */
export async function settle(vendor: string, start: () => Promise<unknown> | Skip): Promise<Outcome> {
  const started = performance.now();
  try {
    const pending = start();
    if (isSkip(pending)) return { status: "skipped", vendor, reason: pending.skipped };
    const value = await pending;
    return { status: "ok", vendor, value, durationMs: performance.now() - started };
  } catch (error) {
    return {
      status: "failed",
      vendor,
      error: error instanceof Error ? error : new Error(String(error)),
      durationMs: performance.now() - started,
    };
  }
}
