export const RETENTION_DAYS = 30;
/** Deleted policies with this many days left or fewer are flagged as about to be purged. */
export const EXPIRING_SOON_DAYS = 7;
const DAY_MS = 86_400_000;

// Graph may return a deleted item without deletedDateTime: every helper answers "unknown" (null) then.
function deletionTime(deletedDateTime: string | null): number | null {
  if (!deletedDateTime) return null;
  const time = Date.parse(deletedDateTime);
  return Number.isNaN(time) ? null : time;
}

export function purgeDate(deletedDateTime: string | null): Date | null {
  const deleted = deletionTime(deletedDateTime);
  return deleted === null ? null : new Date(deleted + RETENTION_DAYS * DAY_MS);
}

/** Whole days left before the automatic purge, never negative; null when the deletion date is unknown. */
export function daysUntilPurge(deletedDateTime: string | null, now: Date = new Date()): number | null {
  const purge = purgeDate(deletedDateTime);
  if (!purge) return null;
  return Math.max(0, Math.floor((purge.getTime() - now.getTime()) / DAY_MS));
}

export function isExpiringSoon(deletedDateTime: string | null, now: Date = new Date()): boolean {
  const days = daysUntilPurge(deletedDateTime, now);
  return days !== null && days <= EXPIRING_SOON_DAYS;
}

/** "Less than a day left", "1 day left", "12 days left": conservative, never rounds up. */
export function formatTimeLeft(deletedDateTime: string | null, now: Date = new Date()): string {
  const days = daysUntilPurge(deletedDateTime, now);
  if (days === null) return "Purge date unknown";
  if (days === 0) return "Less than a day left";
  return days === 1 ? "1 day left" : `${days} days left`;
}

/** Medium date, or "Unknown" when Graph gave none. */
export function formatDate(iso: string | null, withTime = false): string {
  const time = deletionTime(iso);
  if (time === null) return "Unknown";
  return new Date(time).toLocaleString(undefined, withTime ? { dateStyle: "medium", timeStyle: "short" } : { dateStyle: "medium" });
}
