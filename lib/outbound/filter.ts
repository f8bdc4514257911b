/**
 * The Outbound sync page's search, status filter and sort, kept in the URL (`?q=`, `?status=`,
 * `?sort=`, `?dir=`) so a filtered view is a shareable link; and the time words its rows use.
 */
import { choiceParam, directionParam, textParam, urlStateCodec, type SortDirection } from "@/lib/core/url-state";
import { STATUS_ORDER, type OutboundStatus } from "./status";
import type { SyncJob } from "./models";

export const OUTBOUND_SORTS = ["name", "target", "status", "lastCycle", "users"] as const;
export type OutboundSort = (typeof OUTBOUND_SORTS)[number];

export interface OutboundFilter {
  query: string;
  status: OutboundStatus | null;
  sort: OutboundSort;
  direction: SortDirection;
}

const outboundFilterCodec = urlStateCodec<OutboundFilter>({
  query: textParam("q"),
  status: choiceParam("status", STATUS_ORDER, null),
  sort: choiceParam("sort", OUTBOUND_SORTS, "status"),
  direction: directionParam(),
});

export const DEFAULT_OUTBOUND_FILTER: OutboundFilter = outboundFilterCodec.defaults;
export const parseOutboundFilter = outboundFilterCodec.parse;
export const toOutboundSearchParams = outboundFilterCodec.serialize;

export interface OutboundSortable {
  servicePrincipalId: string;
  displayName: string | null;
  targetName: string | null;
  targetDomain: string | null;
  status: OutboundStatus | null;
  job: SyncJob | null;
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

function compare(a: OutboundSortable, b: OutboundSortable, sort: OutboundSort): number {
  switch (sort) {
    case "name":
      return collator.compare(a.displayName ?? "", b.displayName ?? "");
    case "target":
      return collator.compare(a.targetName ?? a.targetDomain ?? "", b.targetName ?? b.targetDomain ?? "");
    case "status": {
      // Worst first; not read yet last.
      const rank = (s: OutboundStatus | null) => (s === null ? STATUS_ORDER.length : STATUS_ORDER.indexOf(s));
      return rank(a.status) - rank(b.status);
    }
    case "lastCycle":
      return (Date.parse(b.job?.lastExecution?.timeBegan ?? "") || 0) - (Date.parse(a.job?.lastExecution?.timeBegan ?? "") || 0);
    case "users":
      return (b.job?.usersInSync ?? -1) - (a.job?.usersInSync ?? -1);
  }
}

/** The rows the filter keeps, in its order (ties by name). */
export function filterOutbound<R extends OutboundSortable>(rows: readonly R[], filter: OutboundFilter): R[] {
  const query = filter.query.trim().toLowerCase();
  const kept = rows.filter((row) => {
    if (filter.status && row.status !== filter.status) return false;
    if (!query) return true;
    return [row.displayName, row.targetName, row.targetDomain, row.servicePrincipalId].some((text) => text?.toLowerCase().includes(query));
  });
  const sign = filter.direction === "desc" ? -1 : 1;
  return kept.sort((a, b) => sign * compare(a, b, filter.sort) || collator.compare(a.displayName ?? "", b.displayName ?? ""));
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "12 min ago", "3 h ago", "2 days ago"; "in 5 h" for a time ahead. */
export function relativeTime(at: string | null, now: number): string | null {
  const time = at ? Date.parse(at) : NaN;
  if (Number.isNaN(time)) return null;
  const delta = now - time;
  const ahead = delta < 0;
  const span = Math.abs(delta);
  const words = span < MINUTE ? null : span < HOUR ? `${Math.round(span / MINUTE)} min` : span < DAY ? `${Math.round(span / HOUR)} h` : `${Math.round(span / DAY)} day${Math.round(span / DAY) === 1 ? "" : "s"}`;
  if (words === null) return ahead ? "in under a minute" : "just now";
  return ahead ? `in ${words}` : `${words} ago`;
}

/** How long a cycle took: "4 s", "2 min 5 s". */
export function durationWords(began: string | null, ended: string | null): string | null {
  const ms = began && ended ? Date.parse(ended) - Date.parse(began) : NaN;
  if (Number.isNaN(ms) || ms < 0) return null;
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  return `${Math.floor(seconds / 60)} min${seconds % 60 ? ` ${seconds % 60} s` : ""}`;
}
