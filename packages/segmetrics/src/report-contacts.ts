import { paginate, unwrap, type VendorClient } from "@seg/core";
import type { operations, ReportContact } from "./generated/schema.ts";
import type { SegmetricsPaths } from "./paths.ts";

type ContactsQuery = NonNullable<operations["getReportContacts"]["parameters"]["query"]>;

/** Which report to walk, and the query for each page (`page` is managed by the iterator). */
export interface ReportContactsQuery extends Omit<ContactsQuery, "page"> {
  report_type: operations["getReportContacts"]["parameters"]["path"]["report_type"];
  /** A saved report's id; omit for the report type's default report. */
  report_id?: string | number;
}

export interface ReportContactsOptions {
  /** First page to fetch. Default 1. */
  startPage?: number;
  /** Stop after this many pages. */
  maxPages?: number;
  signal?: AbortSignal;
}

/**
 * Every contact of a report's customer journey, page by page (`meta.current_page` up to
 * `meta.last_page`). Pages are fetched lazily; `break` stops without fetching more.
 *
 *     for await (const contact of segmetrics.reportContacts({ report_type: "leads", limit: 100 })) { … }
 */
export type ReportContactsPages = (query: ReportContactsQuery, options?: ReportContactsOptions) => AsyncGenerator<ReportContact, void, undefined>;

export function reportContacts(client: VendorClient<SegmetricsPaths>): ReportContactsPages {
  return ({ report_type, report_id, ...query }, options = {}) =>
    paginate({
      startPage: options.startPage,
      maxPages: options.maxPages,
      fetchPage: async (page) => {
        const init = { signal: options.signal, params: { query: { ...query, page } } };
        return unwrap(
          report_id === undefined
            ? await client.GET("/report/{report_type}/contacts", { ...init, params: { ...init.params, path: { report_type } } })
            : await client.GET("/report/{report_type}/{report_id}/contacts", {
                ...init,
                params: { ...init.params, path: { report_type, report_id } },
              }),
        );
      },
      items: (page) => page.data,
      // Without both page numbers nothing says another page exists: stop rather than guess.
      hasNext: ({ meta }) => (meta.current_page ?? 0) < (meta.last_page ?? 0),
    });
}
