// SegMetrics' reporting API (host `reporting`) and the manual identify (host `track`).
import { BadData, ok } from "../../reply.ts";
import type { OperationCall } from "../module.ts";
import { findReported } from "./contacts.ts";
import { isoUtc, parseReportDate } from "./dates.ts";
import { reportContact, type Extension } from "./journey.ts";
import { reportContactsOf, reportData, type Period, type ReportType, type Scale } from "./reports.ts";
import { segmetricsAccount, type Context, type Handler } from "./state.ts";

/** Defaults when `start`/`end` are absent: the last 30 days. */
const DEFAULT_START = "-30 day";
const DEFAULT_END = "now";

function period(call: OperationCall, context: Context): Period {
  const startText = (call.query.start as string | undefined) ?? DEFAULT_START;
  const endText = (call.query.end as string | undefined) ?? DEFAULT_END;
  const start = parseReportDate(startText, context.now(), "start");
  const end = parseReportDate(endText, context.now(), "end");
  const problems = [
    ...(start === undefined ? [`query parameter 'start' is neither an ISO-8601 date nor a relative date-time: ${JSON.stringify(startText)}`] : []),
    ...(end === undefined ? [`query parameter 'end' is neither an ISO-8601 date nor a relative date-time: ${JSON.stringify(endText)}`] : []),
  ];
  if (problems.length > 0 || start === undefined || end === undefined) throw new BadData(problems.join("; "));
  if (end < start) throw new BadData(`'end' (${endText}) is before 'start' (${startText})`);
  return { startText, endText, start, end, scale: ((call.query.scale as string | undefined) ?? "day") as Scale };
}

const extensions = (call: OperationCall): Set<Extension> => new Set((call.query.extend as Extension[] | undefined) ?? []);

const account = (call: OperationCall, context: Context): ReturnType<typeof segmetricsAccount> =>
  segmetricsAccount(context.state, call.mount.account_id ?? "");

const report: Handler = (call, context) =>
  ok(reportData(account(call, context), call.params.report_type as ReportType, call.params.report_id, period(call, context)));

const reportContacts: Handler = (call, context) => {
  const store = account(call, context);
  const all = reportContactsOf(store, call.params.report_type as ReportType, period(call, context));
  const perPage = (call.query.limit as number | undefined) ?? 20;
  const page = (call.query.page as number | undefined) ?? 1;
  const from = (page - 1) * perPage;
  const slice = all.slice(from, from + perPage);
  const extend = extensions(call);
  return ok({
    data: slice.map((contact) => reportContact(store, contact, extend)),
    // Laravel-style paginator meta, as the docs' example shows it.
    meta: {
      current_page: page,
      from: slice.length > 0 ? from + 1 : null,
      last_page: Math.max(1, Math.ceil(all.length / perPage)),
      path: call.url,
      per_page: perPage,
      to: slice.length > 0 ? from + slice.length : null,
      total: all.length,
    },
  });
};

const getContact: Handler = (call, context) => {
  const store = account(call, context);
  const key = call.params.contact_id_or_email ?? "";
  const contact = findReported(store, key);
  // Decision: the spec declares no 404 for an unknown contact; the sandbox answers 404 with the
  // documented error envelope (a read of a missing resource), so clients see `not_found`.
  if (!contact) return { status: 404, body: { status: "error", errors: [`no contact with contact_id or email ${JSON.stringify(key)}`] } };
  return ok({ data: reportContact(store, contact, extensions(call)) });
};

const identifyContact: Handler = (call, context) => {
  const store = segmetricsAccount(context.state, String(call.query.account_id));
  store.identifies.push({ seg_uid: String(call.query.seg_uid), email: String(call.query.email), date_created: isoUtc(context.now()) });
  // The docs show no response body; the sandbox answers the import API's success body.
  return ok({ status: "success" });
};

export const reportingHandlers: Readonly<Record<string, Handler>> = {
  getReport: report,
  getSavedReport: report,
  getReportContacts: reportContacts,
  getSavedReportContacts: reportContacts,
  getContact,
  identifyContact,
};
