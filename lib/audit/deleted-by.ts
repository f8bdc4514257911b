/**
 * Who deleted each item in deleted items (a sync policy or a partner): the
 * deletion entry for the same partner closest in time to its deletedDateTime.
 */
import { changeKindOf, type ChangeKind } from "./activities";
import type { AuditEntry } from "./types";

const DAY_MS = 86_400_000;
/** An audit entry further than this from deletedDateTime belongs to an earlier deletion. */
export const MATCH_TOLERANCE_MS = DAY_MS;

export interface DeletionWindow {
  /** ISO, whole UTC days so the cache key stays the same while rows come and go. */
  since: string;
  until: string;
}

function dayStart(time: number): number {
  return Math.floor(time / DAY_MS) * DAY_MS;
}

/** One window covering every row, widened by the match tolerance; null when no row has a date. */
export function deletionWindow(deletedDateTimes: readonly string[]): DeletionWindow | null {
  const times = deletedDateTimes.map((value) => Date.parse(value)).filter((time) => !Number.isNaN(time));
  if (times.length === 0) return null;
  const since = dayStart(Math.min(...times) - MATCH_TOLERANCE_MS);
  const until = dayStart(Math.max(...times) + MATCH_TOLERANCE_MS) + DAY_MS;
  return { since: new Date(since).toISOString(), until: new Date(until).toISOString() };
}

/** What was deleted: a sync policy, or a partner's configuration. */
export type DeletionKind = Extract<ChangeKind, "sync-deleted" | "partner-deleted">;

/** Maps each lower-case tenant id to the entry recording its deletion. */
export function matchDeletions(
  rows: readonly { tenantId: string; deletedDateTime: string }[],
  entries: readonly AuditEntry[],
  kind: DeletionKind = "sync-deleted",
): Map<string, AuditEntry> {
  const deletions = entries.filter((entry) => entry.partnerTenantId && changeKindOf(entry.category, entry.activity) === kind);
  const found = new Map<string, AuditEntry>();
  for (const row of rows) {
    const id = row.tenantId.toLowerCase();
    const deletedAt = Date.parse(row.deletedDateTime);
    if (Number.isNaN(deletedAt)) continue;
    let best: { entry: AuditEntry; distance: number } | null = null;
    for (const entry of deletions) {
      if (entry.partnerTenantId !== id) continue;
      const distance = Math.abs(Date.parse(entry.activityDateTime) - deletedAt);
      if (!(distance <= MATCH_TOLERANCE_MS)) continue;
      if (!best || distance < best.distance) best = { entry, distance };
    }
    if (best) found.set(id, best.entry);
  }
  return found;
}
