"use client";

import { useCallback, useEffect, useState } from "react";

const STORAGE_KEY = "ctsd.deleted-selection";

/** Selection survives a sign-in round trip in this tab (sessionStorage holds ids only). */
export function usePersistentSelection(): [Set<string>, (next: Set<string>) => void] {
  const [selected, setSelected] = useState<Set<string>>(() => new Set());

  useEffect(() => {
    try {
      const stored = JSON.parse(window.sessionStorage.getItem(STORAGE_KEY) ?? "[]") as unknown;
      // eslint-disable-next-line react-hooks/set-state-in-effect -- sessionStorage is only readable after mount
      if (Array.isArray(stored)) setSelected(new Set(stored.filter((id): id is string => typeof id === "string")));
    } catch {
      window.sessionStorage.removeItem(STORAGE_KEY);
    }
  }, []);

  const update = useCallback((next: Set<string>) => {
    setSelected(next);
    window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify([...next]));
  }, []);

  return [selected, update];
}
