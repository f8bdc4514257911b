"use client";

import { useCallback, useEffect, useState } from "react";
import { readAccountItem, writeAccountItem } from "@/lib/auth/account-storage";
import { useSignedInAccount } from "@/lib/auth/use-graph-token";

/** Each view's selection under its own name: deleted sync policies, deleted partners. */
export type SelectionName = "deleted-selection" | "deleted-partner-selection";

/** The ids this account had ticked in this tab; empty for anyone else. */
export function storedSelection(accountId: string | null, name: SelectionName = "deleted-selection"): Set<string> {
  if (accountId === null) return new Set();
  try {
    const stored = JSON.parse(readAccountItem("session", accountId, name) ?? "[]") as unknown;
    return new Set(Array.isArray(stored) ? stored.filter((id): id is string => typeof id === "string") : []);
  } catch {
    return new Set();
  }
}

export function storeSelection(accountId: string, selected: ReadonlySet<string>, name: SelectionName = "deleted-selection"): void {
  writeAccountItem("session", accountId, name, JSON.stringify([...selected]));
}

/**
 * Selection survives a sign-in round trip of the same account in this tab (sessionStorage holds
 * ids only, under the account: another account never sees it, and sign-out forgets it).
 */
export function usePersistentSelection(name: SelectionName = "deleted-selection"): [Set<string>, (next: Set<string>) => void] {
  const accountId = useSignedInAccount()?.homeAccountId ?? null;
  const [selected, setSelected] = useState<Set<string>>(() => new Set());

  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- sessionStorage is only readable after mount
    setSelected(storedSelection(accountId, name));
  }, [accountId, name]);

  const update = useCallback(
    (next: Set<string>) => {
      setSelected(next);
      if (accountId !== null) storeSelection(accountId, next, name);
    },
    [accountId, name],
  );

  return [selected, update];
}
