// Report dates: ISO-8601, and PHP's relative formats the docs mention.
import { describe, expect, it } from "vitest";
import { parseImportDate, parseReportDate } from "../src/vendors/segmetrics/dates.ts";

const NOW = Date.parse("2024-06-15T12:34:56Z"); // a Saturday
const day = (ms: number | undefined): string | undefined => (ms === undefined ? undefined : new Date(ms).toISOString().slice(0, 10));

describe("parseReportDate", () => {
  it.each([
    ["2020-01-01", "2020-01-01"],
    ["now", "2024-06-15"],
    ["today", "2024-06-15"],
    ["yesterday", "2024-06-14"],
    ["-30 day", "2024-05-16"],
    ["-30 days", "2024-05-16"],
    ["+1 week 2 days", "2024-06-24"],
    ["3 months ago", "2024-03-15"],
    ["last month", "2024-05-15"],
    ["first day of last month", "2024-05-01"],
    ["last day of last month", "2024-05-31"],
    ["first day of this year", "2024-01-01"],
    ["last day of next month", "2024-07-31"],
  ])("%s → %s", (text, want) => {
    expect(day(parseReportDate(text, NOW, "start"))).toBe(want);
  });

  it("covers whole days: start at 00:00, end at 23:59:59.999", () => {
    expect(new Date(parseReportDate("2024-06-01", NOW, "start") ?? 0).toISOString()).toBe("2024-06-01T00:00:00.000Z");
    expect(new Date(parseReportDate("2024-06-01", NOW, "end") ?? 0).toISOString()).toBe("2024-06-01T23:59:59.999Z");
  });

  it.each(["someday", "next tuesday-ish", "-3 parsecs", ""])("does not guess %j", (text) => {
    expect(parseReportDate(text, NOW, "start")).toBeUndefined();
  });
});

describe("parseImportDate", () => {
  it.each([
    ["2018-10-02 16:15:00", "2018-10-02T16:15:00.000Z"],
    ["2018-10-02", "2018-10-02T00:00:00.000Z"],
    ["2018-10-02T16:15:00+02:00", "2018-10-02T14:15:00.000Z"],
  ])("%s", (text, want) => {
    expect(new Date(parseImportDate(text) ?? 0).toISOString()).toBe(want);
  });

  it("rejects what is not a date", () => {
    expect(parseImportDate("2018-13-45 99:00:00")).toBeUndefined();
    expect(parseImportDate("soon")).toBeUndefined();
  });
});
