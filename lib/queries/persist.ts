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

/**
 * This account's slice of sessionStorage. A large cache is written when the tab is idle rather than
 * in the middle of a keystroke, and only if the account is still signed in by then.
 */
function idleAccountStorage(accountId: string) {
  return {
    getItem: (name: string) => readAccountItem("session", accountId, name),
    removeItem: (name: string) => removeAccountItem("session", accountId, name),
    setItem: (name: string, value: string) =>
      new Promise<void>((resolve, reject) => {
        const write = () => {
          try {
            writeAccountItem("session", accountId, name, value);
            resolve();
          } catch (error) {
            reject(error);
          }
        };
        if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(write, { timeout: 2_000 });
        else write();
      }),
  };
}

export function persistOptions(accountId: string): Omit<PersistQueryClientOptions, "queryClient"> {
  return {
    persister: createAsyncStoragePersister({
      storage: idleAccountStorage(accountId),
      key: QUERY_CACHE_NAME,
      throttleTime: 1_000,
      // A full sessionStorage drops the oldest query rather than failing every write.
      retry: removeOldestQuery,
    }),
    maxAge: CACHE_MAX_AGE_MS,
    buster: CACHE_VERSION,
    dehydrateOptions: {
      shouldDehydrateQuery: (query) =>
        query.state.status === "success" && query.queryKey[0] === "graph" && query.queryKey[1] === accountId && !stillPaging(query.state.data),
    },
  };
}

/** A list whose pages are still arriving is stored once complete: rewriting it every second would slow the loading down. */
function stillPaging(data: unknown): boolean {
  return (data as { complete?: unknown } | undefined)?.complete === false;
}
