"use client";

import { useCallback, useEffect, useState } from "react";
import { defaultRangeExtractor, useWindowVirtualizer, type Range } from "@tanstack/react-virtual";

/** Where the list starts on the page, kept up to date as what stands above it changes height. */
function useOffsetTop(element: HTMLElement | null): number {
  const [top, setTop] = useState(0);
  useEffect(() => {
    if (!element) return;
    const measure = () => setTop(Math.round(element.getBoundingClientRect().top + window.scrollY));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [element]);
  return top;
}

/**
 * Table virtualization on the page's own scroll (no box scrolling inside the
 * page, so a screen shows as many rows as fit): only rows in view (plus
 * overscan) are in the DOM, between two spacer rows that keep the page's height.
 * The row holding keyboard focus always stays mounted, so tabbing never loses
 * its place.
 */
export function useVirtualRows({ count, estimateSize }: { count: number; estimateSize: number }) {
  // State, not a ref: the list's place on the page is measured once the element exists.
  const [listElement, setListElement] = useState<HTMLDivElement | null>(null);
  const scrollMargin = useOffsetTop(listElement);
  const [focusedIndex, setFocusedIndex] = useState<number | null>(null);

  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (focusedIndex === null || focusedIndex >= count || indexes.includes(focusedIndex)) return indexes;
      return [...indexes, focusedIndex].sort((a, b) => a - b);
    },
    [focusedIndex, count],
  );

  const virtualizer = useWindowVirtualizer({
    count,
    scrollMargin,
    estimateSize: () => estimateSize,
    overscan: 12,
    rangeExtractor,
    // First paint (and jsdom-free SSR) before the window is measured.
    initialRect: { width: 1024, height: 900 },
  });

  const items = virtualizer.getVirtualItems();
  const first = items[0];
  const last = items.at(-1);
  const paddingTop = first ? first.start - virtualizer.options.scrollMargin : 0;
  const paddingBottom = last ? virtualizer.getTotalSize() - last.end : 0;

  const onFocusCapture = useCallback((event: React.FocusEvent) => {
    const row = (event.target as HTMLElement).closest<HTMLElement>("[data-index]");
    const index = row ? Number(row.dataset.index) : NaN;
    if (Number.isInteger(index)) setFocusedIndex(index);
  }, []);

  return { setListElement, virtualizer, items, paddingTop, paddingBottom, onFocusCapture, measureElement: virtualizer.measureElement };
}

/** Keeps the scroll height of rows that are not drawn. */
export function SpacerRow({ height, columns }: { height: number; columns: number }) {
  if (height <= 0) return null;
  return (
    <tr aria-hidden className="max-md:block">
      <td colSpan={columns} style={{ height, padding: 0, border: 0 }} className="max-md:block" />
    </tr>
  );
}

/** Stacks each row into label/value lines on narrow screens instead of cutting columns off. */
export const STACKED_TABLE = "max-md:block";
export const STACKED_CELL =
  "max-md:flex max-md:items-start max-md:gap-3 max-md:py-0.5 max-md:before:w-32 max-md:before:shrink-0 max-md:before:text-xs max-md:before:text-muted max-md:before:content-[attr(data-label)]";

/** One drawn row: measured by the virtualizer, numbered for screen readers (the header is row 1). */
export function VirtualRow({ index, measureElement, children }: { index: number; measureElement: (element: Element | null) => void; children: React.ReactNode }) {
  return (
    <tr ref={measureElement} data-index={index} aria-rowindex={index + 2} className="border-b border-border last:border-0 hover:bg-surface-muted/60 max-md:block max-md:py-1.5">
      {children}
    </tr>
  );
}
