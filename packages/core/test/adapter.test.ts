import { describe, expect, it } from "vitest";
import { isSkip } from "../src/index.ts";

const skip = { skipped: "acme has no tags" };

describe("isSkip", () => {
  it.each([
    [skip, true],
    [{ skipped: "" }, true],
    [{ skipped: 1 }, false],
    [{ id: "1" }, false],
    [null, false],
    ["skipped", false],
    [Promise.resolve(skip), false],
  ])("isSkip(%o) is %s", (value, want) => {
    expect(isSkip(value)).toBe(want);
  });
});
