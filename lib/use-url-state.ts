"use client";

import { useCallback, useMemo, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

interface LocalWrite<T> {
  state: T;
  /** Query string we asked the router for. */
  written: string;
  /** Query string the URL had when we asked; until the router catches up the URL still shows it. */
  base: string;
}

/**
 * View state kept in the URL query so a filtered view is a shareable link.
 * Edits apply at once locally (fast typing never loses keystrokes while the
 * router catches up); a navigation elsewhere (a link, back) wins.
 */
export function useUrlState<T>(parse: (params: URLSearchParams) => T, serialize: (state: T) => URLSearchParams): [T, (patch: Partial<T>) => void] {
  const router = useRouter();
  const pathname = usePathname();
  const key = useSearchParams().toString();
  const fromUrl = useMemo(() => parse(new URLSearchParams(key)), [parse, key]);
  const [local, setLocal] = useState<LocalWrite<T> | null>(null);
  const current = local && (key === local.written || key === local.base) ? local.state : fromUrl;

  const update = useCallback(
    (patch: Partial<T>) => {
      const next = { ...current, ...patch };
      const written = serialize(next).toString();
      setLocal({ state: next, written, base: key });
      router.replace(written ? `${pathname}?${written}` : pathname, { scroll: false });
    },
    [current, serialize, key, router, pathname],
  );

  return [current, update];
}
