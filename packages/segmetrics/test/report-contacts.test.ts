import type { TestServer } from "@seg/test-server";
import { SegApiError } from "@seg/core";
import { afterEach, describe, expect, it } from "vitest";
import type { ReportContact } from "../src/index.ts";
import { ACCOUNT_IN_PATH, clientWithServer } from "./harness.ts";

/** A reporting server holding `total` contacts, paginated like the docs' `meta`. */
function pagedContacts(total: number) {
  return (request: { query: URLSearchParams }) => {
    const page = Number(request.query.get("page") ?? "1");
    const perPage = Number(request.query.get("limit") ?? "20");
    const lastPage = Math.max(1, Math.ceil(total / perPage));
    const from = (page - 1) * perPage;
    const ids = Array.from({ length: Math.max(0, Math.min(perPage, total - from)) }, (_, i) => String(from + i + 1));
    return {
      status: 200,
      json: {
        data: ids.map((contact_id) => ({ contact_id, email: `c${contact_id}@example.com` })),
        meta: { current_page: page, from: from + 1, last_page: lastPage, path: "x", per_page: perPage, to: from + ids.length, total },
      },
    };
  };
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
});

const collect = async (items: AsyncIterable<ReportContact>): Promise<string[]> => {
  const ids: string[] = [];
  for await (const contact of items) ids.push(contact.contact_id);
  return ids;
};

describe("reportContacts", () => {
  it("yields every contact exactly once across pages, keeping the query on every page", async () => {
    const started = await clientWithServer(pagedContacts(45));
    server = started.server;
    const ids = await collect(started.client.reportContacts({ report_type: "leads", limit: 20, extend: ["tags"], start: "-30 day" }));
    expect(ids).toEqual(Array.from({ length: 45 }, (_, i) => String(i + 1)));
    expect(server.requests.map((r) => r.rawQuery)).toEqual([
      "limit=20&extend=tags&start=-30%20day&page=1",
      "limit=20&extend=tags&start=-30%20day&page=2",
      "limit=20&extend=tags&start=-30%20day&page=3",
    ]);
    expect(server.requests[0]?.path).toBe(`/reporting/${ACCOUNT_IN_PATH}/report/leads/contacts`);
  });

  it("uses the saved-report path when report_id is given, and honours startPage", async () => {
    const started = await clientWithServer(pagedContacts(30));
    server = started.server;
    const ids = await collect(started.client.reportContacts({ report_type: "ads", report_id: 7, limit: 10 }, { startPage: 2 }));
    expect(ids).toEqual(Array.from({ length: 20 }, (_, i) => String(i + 11)));
    expect(server.requests.map((r) => `${r.path}?${r.rawQuery}`)).toEqual([
      `/reporting/${ACCOUNT_IN_PATH}/report/ads/7/contacts?limit=10&page=2`,
      `/reporting/${ACCOUNT_IN_PATH}/report/ads/7/contacts?limit=10&page=3`,
    ]);
  });

  it("stops fetching when the caller breaks out early", async () => {
    const started = await clientWithServer(pagedContacts(100));
    server = started.server;
    const ids: string[] = [];
    for await (const contact of started.client.reportContacts({ report_type: "leads", limit: 10 })) {
      ids.push(contact.contact_id);
      if (ids.length === 15) break;
    }
    expect(ids).toHaveLength(15);
    expect(server.requests).toHaveLength(2);
  });

  it("honours maxPages", async () => {
    const started = await clientWithServer(pagedContacts(100));
    server = started.server;
    expect(await collect(started.client.reportContacts({ report_type: "leads", limit: 10 }, { maxPages: 3 }))).toHaveLength(30);
  });

  it("a failing page throws the typed error", async () => {
    const started = await clientWithServer(() => ({ status: 400, json: { status: "error", errors: ["bad report"] } }));
    server = started.server;
    await expect(collect(started.client.reportContacts({ report_type: "leads" }))).rejects.toSatisfy(
      (error) => error instanceof SegApiError && error.status === 400 && error.operation === "getReportContacts",
    );
  });
});
