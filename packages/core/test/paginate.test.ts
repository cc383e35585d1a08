import { startTestServer, type TestServer } from "@seg/test-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SegApiError, paginate, unwrap, type PaginateOptions } from "../src/index.ts";
import { acmeClient, type components } from "./fixtures/acme.ts";

type ThingPage = components["schemas"]["ThingPage"];
type Thing = components["schemas"]["Thing"];

const LAST_PAGE = 4;
let server: TestServer;
beforeAll(async () => {
  // Pages 1..4 of two things each; page=99 fails.
  server = await startTestServer((request) => {
    const page = Number(request.query.get("page") ?? 1);
    if (page === 99) return { status: 404, json: { message: "no such page" } };
    const items = page <= LAST_PAGE ? [`p${page}-a`, `p${page}-b`].map((id) => ({ id, name: id })) : [];
    return { status: 200, json: { items, page, last_page: LAST_PAGE } satisfies ThingPage };
  });
});
afterAll(() => server.close());

/** A walk over acme's things via the real client, counting the pages it fetched. */
function things(options: Partial<PaginateOptions<ThingPage, Thing>> = {}) {
  const client = acmeClient(server);
  const fetched: number[] = [];
  const iterator = paginate<ThingPage, Thing>({
    fetchPage: async (page) => {
      fetched.push(page);
      return unwrap(await client.GET("/things", { params: { query: { page } } }));
    },
    items: (page) => page.items,
    hasNext: (page) => page.page < page.last_page,
    ...options,
  });
  return { iterator, fetched };
}

async function collect(iterator: AsyncIterable<Thing>): Promise<string[]> {
  const ids: string[] = [];
  for await (const thing of iterator) ids.push(thing.id);
  return ids;
}

const ids = (...pages: number[]) => pages.flatMap((page) => [`p${page}-a`, `p${page}-b`]);

describe("paginate", () => {
  it.each([
    ["every page from the first", {}, [1, 2, 3, 4]],
    ["from startPage", { startPage: 3 }, [3, 4]],
    ["at most maxPages", { maxPages: 2 }, [1, 2]],
    ["maxPages from startPage", { startPage: 2, maxPages: 2 }, [2, 3]],
    ["maxPages beyond the last page", { maxPages: 10 }, [1, 2, 3, 4]],
    ["a single page", { startPage: 4 }, [4]],
  ])("yields each item exactly once, in order: %s", async (_name, options, pages) => {
    const before = server.requests.length;
    const { iterator, fetched } = things(options);
    const got = await collect(iterator);
    expect(got).toEqual(ids(...pages));
    expect(new Set(got).size).toBe(got.length);
    expect(fetched).toEqual(pages);
    // Each page really went over the wire, with the bound account filled in.
    const sent = server.requests.slice(before);
    expect(sent.map((request) => request.query.get("page"))).toEqual(pages.map(String));
    expect(sent.every((request) => request.query.get("account") === "acct_1")).toBe(true);
  });

  it("stops at a page with no next, even an empty one", async () => {
    const { iterator, fetched } = things({ startPage: 5 });
    expect(await collect(iterator)).toEqual([]);
    expect(fetched).toEqual([5]);
  });

  it.each([
    ["after the first item", 1, [1]],
    ["at the end of a page", 2, [1]],
    ["after the first item of page 2", 3, [1, 2]],
  ])("fetches nothing more after a break %s", async (_name, take, pages) => {
    const { iterator, fetched } = things();
    const got: string[] = [];
    for await (const thing of iterator) {
      got.push(thing.id);
      if (got.length === take) break;
    }
    expect(got).toEqual(ids(1, 2).slice(0, take));
    expect(fetched).toEqual(pages);
  });

  it("fetches a page only when the previous one is used up", async () => {
    const { iterator, fetched } = things();
    expect(fetched).toEqual([]);
    await iterator.next();
    expect(fetched).toEqual([1]);
    await iterator.next();
    expect(fetched).toEqual([1]);
    await iterator.next();
    expect(fetched).toEqual([1, 2]);
    await iterator.return();
    expect(fetched).toEqual([1, 2]);
  });

  it("surfaces a failing page after the items before it, and fetches no further", async () => {
    const client = acmeClient(server);
    const requested: number[] = [];
    const got: string[] = [];
    const walk = paginate<ThingPage, Thing>({
      startPage: 4,
      // Page 4 works; the server fails "page 5".
      fetchPage: async (page) => {
        requested.push(page);
        return unwrap(await client.GET("/things", { params: { query: { page: page === 5 ? 99 : page } } }));
      },
      items: (page) => page.items,
      hasNext: () => true,
    });
    let error: unknown;
    try {
      for await (const thing of walk) got.push(thing.id);
    } catch (caught) {
      error = caught;
    }
    expect(got).toEqual(ids(4));
    expect(error).toBeInstanceOf(SegApiError);
    expect(error).toMatchObject({ status: 404, operation: "listThings" });
    expect(requested).toEqual([4, 5]);
  });
});
