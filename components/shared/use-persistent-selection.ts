"use client";

import { useCallback, useEffect, useRef, useState } from "react";
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

/** The selection with one id ticked, or unticked when it was. */
export function toggleSelected(selected: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** The selection with every shown id ticked, or every shown id unticked when all of them were. */
export function toggleAllShown(selected: ReadonlySet<string>, shown: readonly string[]): Set<string> {
  const next = new Set(selected);
  const allShown = shown.length > 0 && shown.every((id) => selected.has(id));
  for (const id of shown) {
    if (allShown) next.delete(id);
    else next.add(id);
  }
  return next;
}

/**
 * Selection survives a sign-in round trip of the same account in this tab (sessionStorage holds
 * ids only, under the account: another account never sees it, and sign-out forgets it).
 */
export function usePersistentSelection(
  name: SelectionName = "deleted-selection",
): [selected: Set<string>, update: (next: Set<string>) => void, deselect: (tenantIds: readonly string[]) => void] {
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

  // Writes resolve after later selection changes: what left deleted items is taken out of the latest selection.
  const latest = useRef(selected);
  useEffect(() => {
    latest.current = selected;
  }, [selected]);
  const deselect = useCallback(
    (tenantIds: readonly string[]) => {
      const gone = new Set(tenantIds.map((id) => id.toLowerCase()));
      if (gone.size > 0) update(new Set([...latest.current].filter((id) => !gone.has(id.toLowerCase()))));
    },
    [update],
  );

  return [selected, update, deselect];
}
