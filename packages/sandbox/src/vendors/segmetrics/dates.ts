// SegMetrics' dates: the import API's `2018-10-02 16:15:00` (no zone given: read as UTC), and the
// reporting API's `start`/`end`, an ISO-8601 date or a relative date-time in PHP's format
// (`-30 day`, `now`, `yesterday`, `first day of last month`). The sandbox understands the common
// part of PHP's grammar; anything else is a 400 naming the parameter.

const DAY = 86_400_000;

/** `2021-12-18T19:07:50+00:00`, the reporting API's date-time format. */
export function isoUtc(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "+00:00");
}

/** `YYYY-MM-DD` of an instant, in UTC. */
export function dayOf(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** An import date (`2018-10-02 16:15:00`, `2018-10-02`, or ISO 8601 with a zone) as epoch ms. */
export function parseImportDate(text: string): number | undefined {
  const trimmed = text.trim();
  const m = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?(Z|[+-]\d{2}:?\d{2})?$/.exec(trimmed);
  if (!m) return undefined;
  const [, date, time = "00:00:00", zone = "Z"] = m;
  const ms = Date.parse(`${date}T${time}${zone}`);
  return Number.isNaN(ms) ? undefined : ms;
}

const UNITS: Record<string, (date: Date, n: number) => void> = {
  sec: (d, n) => d.setUTCSeconds(d.getUTCSeconds() + n),
  second: (d, n) => d.setUTCSeconds(d.getUTCSeconds() + n),
  min: (d, n) => d.setUTCMinutes(d.getUTCMinutes() + n),
  minute: (d, n) => d.setUTCMinutes(d.getUTCMinutes() + n),
  hour: (d, n) => d.setUTCHours(d.getUTCHours() + n),
  day: (d, n) => d.setUTCDate(d.getUTCDate() + n),
  week: (d, n) => d.setUTCDate(d.getUTCDate() + 7 * n),
  fortnight: (d, n) => d.setUTCDate(d.getUTCDate() + 14 * n),
  month: (d, n) => d.setUTCMonth(d.getUTCMonth() + n),
  year: (d, n) => d.setUTCFullYear(d.getUTCFullYear() + n),
};

const startOfDay = (ms: number): number => Math.floor(ms / DAY) * DAY;

/**
 * A report's `start` or `end` as epoch ms: the first millisecond of its day for `start`, the last
 * for `end` (reports count whole days). Undefined when the text is neither ISO nor understood.
 */
export function parseReportDate(text: string, now: number, edge: "start" | "end"): number | undefined {
  const at = resolve(text.trim().toLowerCase(), now);
  if (at === undefined) return undefined;
  return edge === "start" ? startOfDay(at) : startOfDay(at) + DAY - 1;
}

function resolve(text: string, now: number): number | undefined {
  const iso = parseImportDate(text);
  if (iso !== undefined) return iso;
  const keywords: Record<string, number> = { now, today: now, midnight: now, yesterday: now - DAY, tomorrow: now + DAY };
  if (text in keywords) return keywords[text];
  // first/last day of this|last|previous|next month|year
  const edge = /^(first|last) day of (this|last|previous|next) (month|year)$/.exec(text);
  if (edge) {
    const [, which, when, unit] = edge;
    const d = new Date(startOfDay(now));
    const shift = when === "next" ? 1 : when === "this" ? 0 : -1;
    if (unit === "month") {
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() + shift + (which === "last" ? 1 : 0));
    } else {
      d.setUTCMonth(0, 1);
      d.setUTCFullYear(d.getUTCFullYear() + shift + (which === "last" ? 1 : 0));
    }
    return which === "last" ? d.getTime() - DAY : d.getTime();
  }
  // last|next|this week|month|year
  const step = /^(last|previous|next|this) (\w+?)s?$/.exec(text);
  const stepUnit = step?.[2] === undefined ? undefined : UNITS[step[2]];
  if (step && stepUnit) {
    const d = new Date(now);
    stepUnit(d, step[1] === "next" ? 1 : step[1] === "this" ? 0 : -1);
    return d.getTime();
  }
  // "-30 day", "+1 week 2 days", "3 months ago"
  const ago = text.endsWith(" ago");
  const body = ago ? text.slice(0, -4) : text;
  const parts = [...body.matchAll(/([+-]?\d+)\s*([a-z]+?)s?(?=\s|$)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join(" ").replace(/\s+/g, " ") !== body.replace(/\s+/g, " ")) return undefined;
  const d = new Date(now);
  for (const [, amount = "0", unit = ""] of parts) {
    const apply = UNITS[unit];
    if (!apply) return undefined;
    apply(d, (ago ? -1 : 1) * Number(amount));
  }
  return d.getTime();
}
