"use client";

/**
 * The query cache, kept per signed-in account in this tab's sessionStorage so a
 * reload paints the last answer at once and refreshes it in the background.
 * Only Graph reads are stored (keys under ["graph", account]); tokens live in
 * MSAL's own cache and never pass through queries.
 */
import { createAsyncStoragePersister } from "@tanstack/query-async-storage-persister";
import { removeOldestQuery, type PersistQueryClientOptions } from "@tanstack/react-query-persist-client";

/** Bump when a cached shape changes: older entries are then dropped, not misread. */
export const CACHE_VERSION = "3";
export const CACHE_MAX_AGE_MS = 60 * 60_000;
const KEY_PREFIX = "ctsd.query-cache.";

export function cacheStorageKey(accountId: string): string {
  return `${KEY_PREFIX}${accountId}`;
}

// Bumped by every clear, so a write still waiting for idle time cannot bring a cleared cache back.
let generation = 0;

/** Writes a large cache when the tab is idle rather than in the middle of a keystroke. */
const idleStorage = {
  getItem: (key: string) => window.sessionStorage.getItem(key),
  removeItem: (key: string) => window.sessionStorage.removeItem(key),
  setItem: (key: string, value: string) =>
    new Promise<void>((resolve, reject) => {
      const asked = generation;
      const write = () => {
        try {
          if (asked === generation) window.sessionStorage.setItem(key, value);
          resolve();
        } catch (error) {
          reject(error);
        }
      };
      if (typeof window.requestIdleCallback === "function") window.requestIdleCallback(write, { timeout: 2_000 });
      else write();
    }),
};

export function persistOptions(accountId: string): Omit<PersistQueryClientOptions, "queryClient"> {
  return {
    persister: createAsyncStoragePersister({
      storage: idleStorage,
      key: cacheStorageKey(accountId),
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

/** Forgets stored caches: every account's on sign-out, or all but the one now signed in. */
export function clearPersistedCaches(keepAccountId?: string): void {
  generation += 1;
  const keep = keepAccountId === undefined ? null : cacheStorageKey(keepAccountId);
  for (let index = window.sessionStorage.length - 1; index >= 0; index -= 1) {
    const key = window.sessionStorage.key(index);
    if (key?.startsWith(KEY_PREFIX) && key !== keep) window.sessionStorage.removeItem(key);
  }
}
