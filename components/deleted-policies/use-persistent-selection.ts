"use client";

import { useCallback, useEffect, useState } from "react";
import { readAccountItem, writeAccountItem } from "@/lib/auth/account-storage";
import { useSignedInAccount } from "@/lib/auth/use-graph-token";

const SELECTION_NAME = "deleted-selection";

/** The ids this account had ticked in this tab; empty for anyone else. */
export function storedSelection(accountId: string | null): Set<string> {
  if (accountId === null) return new Set();
  try {
    const stored = JSON.parse(readAccountItem("session", accountId, SELECTION_NAME) ?? "[]") as unknown;
    return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === "string") : []);
  } catch {
    return new Set();
  }
}

export function storeSelection(accountId: string, selected: ReadonlySet<string>): void {
  writeAccountItem("session", accountId, SELECTION_NAME, JSON.stringify([...selected]));
}

/**
 * Selection survives a sign-in round trip of the same account in this tab (sessionStorage holds
 * ids only, under the account: another account never sees it, and sign-out forgets it).
 */
export function usePersistentSelection(): [Set<string>, (next: Set<string>) => void] {
  const accountId = useSignedInAccount()?.homeAccountId ?? null;
  const [selected, setSelected] = useState<Set<string>>(() => new Set());

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- sessionStorage is only readable after mount
    setSelected(storedSelection(accountId));
  }, [accountId]);

  const update = useCallback(
    (next: Set<string>) => {
      setSelected(next);
      if (accountId !== null) storeSelection(accountId, next);
    },
    [accountId],
  );

  return [selected, update];
}
