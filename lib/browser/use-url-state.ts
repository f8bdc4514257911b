"use client";

import { useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import { usePathname, useSearchParams } from "next/navigation";

interface LocalWrites<T> {
  state: T;
  /** Query strings we wrote, oldest first. */
  writes: string[];
}

/**
 * View state kept in the URL query so a filtered view is a shareable link.
 * Edits apply at once locally and go into the address bar with
 * history.replaceState, which Next syncs into useSearchParams without a
 * server round trip. Once the URL shows our last write, or anything we did
 * not write (a link, back/forward), the URL is the truth again.
 */
export function useUrlState<T>(parse: (params: URLSearchParams) => T, serialize: (state: T) => URLSearchParams): [T, (patch: Partial<T>) => void] {
  const pathname = usePathname();
  const key = useSearchParams().toString();
  const fromUrl = useMemo(() => parse(new URLSearchParams(key)), [parse, key]);
  const [local, setLocal] = useState<LocalWrites<T> | null>(null);
  const [seenKey, setSeenKey] = useState(key);

  if (seenKey !== key) {
    // Adjusting state while rendering (not in an effect) avoids a frame that shows the stale value.
    setSeenKey(key);
    if (local && (key === local.writes.at(-1) || !local.writes.includes(key))) setLocal(null);
  }

  const current = local ? local.state : fromUrl;
  // The setter stays the same function across renders, so memoized children are not redrawn per keystroke.
  const latest = useRef(current);
  useLayoutEffect(() => {
    latest.current = current;
  }, [current]);

  const update = useCallback(
    (patch: Partial<T>) => {
      const next = { ...latest.current, ...patch };
      latest.current = next;
      const written = serialize(next).toString();
      setLocal((previous) => ({ state: next, writes: [...(previous?.writes ?? []).slice(-20), written] }));
      window.history.replaceState(null, "", written ? `${pathname}?${written}` : pathname);
    },
    [serialize, pathname],
  );

  return [current, update];
}
