import { GraphActionError } from "./graph-action";

/** Guards against a server that keeps handing out nextLinks. */
export const MAX_PAGES = 500;

const pagingLoop = (message: string) =>
  new GraphActionError({ status: 502, code: "PagingLoop", message, requestId: null, retryAfterSeconds: null });

/**
 * Reads a whole list one page per server action, so the tab's other actions get their turn
 * between pages. Stops asking once `signal` aborts (the query was cancelled or its last view left).
 */
export async function readEveryPage<Page extends { nextLink: string | null }, Item>(
  signal: AbortSignal,
  readPage: (nextLink: string | null) => Promise<Page>,
  itemsOf: (page: Page) => Item[],
): Promise<Item[]> {
  const items: Item[] = [];
  const seen = new Set<string>();
  let nextLink: string | null = null;
  do {
    signal.throwIfAborted();
    if (seen.size >= MAX_PAGES) throw pagingLoop(`Stopped after ${MAX_PAGES} pages of results.`);
    const page: Page = await readPage(nextLink);
    items.push(...itemsOf(page));
    if (page.nextLink !== null && seen.has(page.nextLink)) throw pagingLoop("Microsoft Graph returned the same paging link twice.");
    nextLink = page.nextLink;
    if (nextLink !== null) seen.add(nextLink);
  } while (nextLink !== null);
  return items;
}
