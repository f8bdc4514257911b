"use client";

/**
 * The lifecycle's answer to a lost answer (writes.ts): when the dashboard's server never answered
 * a write, its rows are "checking" (this registry, which the page reads to say so) until a read of
 * Graph answers, and that read is tried again with backoff, and at once when the browser is back
 * online or the tab is focused or shown again, until it does. Nothing here sends a write.
 */
import { useMemo, useSyncExternalStore } from "react";
import { focusManager, onlineManager, useQueryClient, type FetchQueryOptions, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { useSignedInAccount } from "@/lib/auth/use-graph-token";
import type { WriteKind } from "@/lib/writes/outcome";

/** Waits between reads that failed; the last one repeats until a read answers. */
export const REREAD_BACKOFF_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000];

const SEPARATOR = "\n";
const keyOf = (accountId: string, write: WriteKind, tenantId: string) => [accountId, write, tenantId.toLowerCase()].join(SEPARATOR);

/** The rows being checked, per account and write; a row checked by two writes at once stays until both know. */
class CheckRegistry {
  private counts = new Map<string, number>();
  private snapshot: ReadonlyMap<string, number> = new Map();
  private listeners = new Set<() => void>();

  add(keys: readonly string[]): void {
    for (const key of keys) this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    this.emit();
  }

  remove(keys: readonly string[]): void {
    for (const key of keys) {
      const count = (this.counts.get(key) ?? 0) - 1;
      if (count > 0) this.counts.set(key, count);
      else this.counts.delete(key);
    }
    this.emit();
  }

  private emit(): void {
    this.snapshot = new Map(this.counts);
    this.listeners.forEach((listener) => listener());
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): ReadonlyMap<string, number> => this.snapshot;
}

const registries = new WeakMap<QueryClient, CheckRegistry>();

function registryOf(queryClient: QueryClient): CheckRegistry {
  let registry = registries.get(queryClient);
  if (!registry) registries.set(queryClient, (registry = new CheckRegistry()));
  return registry;
}

/** Marks rows as checking; the returned function marks them known again. */
export function markChecking(queryClient: QueryClient, accountId: string, write: WriteKind, tenantIds: readonly string[]): () => void {
  const keys = tenantIds.map((tenantId) => keyOf(accountId, write, tenantId));
  const registry = registryOf(queryClient);
  registry.add(keys);
  return () => registry.remove(keys);
}

/** The lower-case tenant ids a write of this account is checking now. */
export function checkingIds(snapshot: ReadonlyMap<string, number>, accountId: string, write: WriteKind): ReadonlySet<string> {
  const prefix = [accountId, write, ""].join(SEPARATOR);
  return new Set([...snapshot.keys()].filter((key) => key.startsWith(prefix)).map((key) => key.slice(prefix.length)));
}

/** The rows of this write being checked now, outside React. */
export function checkingNow(queryClient: QueryClient, accountId: string, write: WriteKind): ReadonlySet<string> {
  return checkingIds(registryOf(queryClient).getSnapshot(), accountId, write);
}

export function subscribeChecking(queryClient: QueryClient, listener: (snapshot: ReadonlyMap<string, number>) => void): () => void {
  const registry = registryOf(queryClient);
  return registry.subscribe(() => listener(registry.getSnapshot()));
}

const NONE: ReadonlySet<string> = new Set();

/** The rows (lower-case tenant ids) of this write the signed-in account's page must show as "Checking…". */
export function useCheckingIds(write: WriteKind | null): ReadonlySet<string> {
  const queryClient = useQueryClient();
  const accountId = useSignedInAccount()?.homeAccountId ?? "signed-out";
  const registry = registryOf(queryClient);
  const snapshot = useSyncExternalStore(registry.subscribe, registry.getSnapshot, registry.getSnapshot);
  return useMemo(() => (write ? checkingIds(snapshot, accountId, write) : NONE), [snapshot, accountId, write]);
}

/**
 * A check's read of one cached view, fresh from Graph; the cache takes its answer. When it fails the
 * view keeps showing what it last read, as old as it was (its rows say "Checking…"), rather than
 * turning into an error that would hide them; the check tries again.
 */
export async function readForCheck<T, TKey extends QueryKey>(queryClient: QueryClient, options: FetchQueryOptions<T, Error, T, TKey>): Promise<T> {
  const before = queryClient.getQueryState<T>(options.queryKey);
  try {
    return await queryClient.fetchQuery({ ...options, staleTime: 0 });
  } catch (error) {
    if (before?.data !== undefined) queryClient.setQueryData<T>(options.queryKey, before.data, { updatedAt: before.dataUpdatedAt });
    throw error;
  }
}

/** Resolves after `ms`, or sooner: when the browser is back online, or the tab is focused or shown again. */
function nextAttempt(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const cleanups: (() => void)[] = [];
    const go = () => {
      cleanups.forEach((cleanup) => cleanup());
      resolve();
    };
    const timer = setTimeout(go, ms);
    cleanups.push(() => clearTimeout(timer));
    cleanups.push(onlineManager.subscribe((online) => online && go()));
    cleanups.push(focusManager.subscribe((focused) => focused && go()));
    if (typeof window !== "undefined") {
      window.addEventListener("focus", go);
      cleanups.push(() => window.removeEventListener("focus", go));
    }
  });
}

/**
 * Runs `read` until it answers: after a failure it waits REREAD_BACKOFF_MS (the last step
 * repeating), or less when the connection or the tab comes back. Never gives up and never guesses:
 * the caller learns the truth or keeps waiting for it.
 */
export async function rereadUntilAnswered<T>(read: () => Promise<T>): Promise<T> {
  for (let failures = 0; ; failures += 1) {
    try {
      return await read();
    } catch {
      await nextAttempt(REREAD_BACKOFF_MS[Math.min(failures, REREAD_BACKOFF_MS.length - 1)]!);
    }
  }
}
