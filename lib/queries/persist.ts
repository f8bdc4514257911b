"use client";

/**
 * The query cache, kept per signed-in account in this tab's sessionStorage so a
 * reload paints the last answer at once and refreshes it in the background.
 * Only Graph reads are stored (keys under ["graph", account]); tokens live in
 * MSAL's own cache and never pass through queries. Sign-out and an account
 * switch forget it (lib/auth/account-storage).
 */
import { createAsyncStoragePersister } from "@tanstack/query-async-storage-persister";
import { removeOldestQuery, type PersistQueryClientOptions } from "@tanstack/react-query-persist-client";
import { readAccountItem, removeAccountItem, writeAccountItem } from "@/lib/auth/account-storage";

/** Bump when a cached shape changes: older entries are then dropped, not misread. */
export const CACHE_VERSION = "4";
export const CACHE_MAX_AGE_MS = 60 * 60_000;
/** The cache's name among the account's entries (lib/auth/account-storage keys it by account). */
export const QUERY_CACHE_NAME = "query-cache";

/** Runs `work` when the tab is idle (at the latest after two seconds). */
function whenIdle<T>(work: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const run = () => {
      try {
        resolve(work());
      } catch (error) {
        reject(error);
      }
    };
    if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(run, { timeout: 2_000 });
    else setTimeout(run, 0);
  });
}

/** This account's slice of sessionStorage. */
function accountStorage(accountId: string) {
  return {
    getItem: (name: string) => readAccountItem("session", accountId, name),
    removeItem: (name: string) => removeAccountItem("session", accountId, name),
    setItem: (name: string, value: string) => writeAccountItem("session", accountId, name, value),
  };
}

export function persistOptions(accountId: string): Omit<PersistQueryClientOptions, "queryClient"> {
  return {
    persister: createAsyncStoragePersister({
      storage: accountStorage(accountId),
      key: QUERY_CACHE_NAME,
      // A large cache is turned into text and written when the tab is idle, never in the frame after a
      // click or a keystroke (a write's optimistic edit is the cache's first change in a while).
      serialize: (client) => whenIdle(() => JSON.stringify(client)),
      throttleTime: 1_000,
      // A full sessionStorage drops the oldest query rather than failing every write.
      retry: removeOldestQuery,
    }),
    maxAge: CACHE_MAX_AGE_MS,
    buster: CACHE_VERSION,
    dehydrateOptions: {
      shouldDehydrateQuery: (query) =>
        query.state.status === "success" && query.queryKey[0] === "graph" && query.queryKey[1] === accountId && !stillPaging(query.state.data) && !tooLargeToStore(query.state.data),
    },
  };
}

/**
 * Rows a stored list may hold. sessionStorage takes about half a second to write the 3 MB of a
 * 10,000-partner list, on the main thread, after every change to the cache; and reading that list
 * back paints its first row no sooner than reading it from Graph. A larger list is read again.
 */
export const MAX_STORED_ROWS = 1_000;

function rowCount(data: unknown): number {
  if (Array.isArray(data)) return data.length;
  const pages = (data as { pages?: unknown } | undefined)?.pages;
  return Array.isArray(pages) ? pages.reduce((sum: number, page) => sum + (Array.isArray(page) ? page.length : 0), 0) : 0;
}

function tooLargeToStore(data: unknown): boolean {
  return rowCount(data) > MAX_STORED_ROWS;
}

/** A list whose pages are still arriving is stored once complete: rewriting it every second would slow the loading down. */
function stillPaging(data: unknown): boolean {
  return (data as { complete?: unknown } | undefined)?.complete === false;
}
