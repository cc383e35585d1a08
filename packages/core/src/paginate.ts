/** How to walk a paginated list: a vendor package supplies these for its own page format. */
export interface PaginateOptions<Page, Item> {
  /** Fetches one page by number (throw on failure: `unwrap` does). */
  fetchPage: (page: number) => Promise<Page>;
  /** The items on a page. */
  items: (page: Page) => readonly Item[];
  /** Whether a page after this one exists. */
  hasNext: (page: Page) => boolean;
  /** Page to start from. Default 1. */
  startPage?: number;
  /** Stop after this many pages even if more exist. */
  maxPages?: number;
}

/**
 * Yields every item of every page, in order, fetching a page only when the previous one is used
 * up; `break` out of the loop to stop early without fetching further pages.
 */
export async function* paginate<Page, Item>(options: PaginateOptions<Page, Item>): AsyncGenerator<Item, void, undefined> {
  let pageNumber = options.startPage ?? 1;
  for (let fetched = 0; options.maxPages === undefined || fetched < options.maxPages; fetched++) {
    const page = await options.fetchPage(pageNumber);
    yield* options.items(page);
    if (!options.hasNext(page)) return;
    pageNumber++;
  }
}
