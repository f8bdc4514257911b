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

function msUntilPurge(deletedDateTime: string | null, now: Date): number | null {
  const purge = purgeDate(deletedDateTime);
  return purge ? Math.max(0, purge.getTime() - now.getTime()) : null;
}

/**
 * Days left before the automatic purge, counted the way a countdown reads: a
 * policy deleted a moment ago has 30, one with 6 days and 2 hours left has 7.
 * Never negative; null when the deletion date is unknown.
 */
export function daysUntilPurge(deletedDateTime: string | null, now: Date = new Date()): number | null {
  const left = msUntilPurge(deletedDateTime, now);
  return left === null ? null : Math.ceil(left / DAY_MS);
}

/** Within EXPIRING_SOON_DAYS of the purge, exactly: 7 days and one minute is not soon. */
export function isExpiringSoon(deletedDateTime: string | null, now: Date = new Date()): boolean {
  const days = daysUntilPurge(deletedDateTime, now);
  return days !== null && days <= EXPIRING_SOON_DAYS;
}

/** "30 days left", "2 days left", "1 day left", then "Less than a day left" for the last hours. */
export function formatTimeLeft(deletedDateTime: string | null, now: Date = new Date()): string {
  const left = msUntilPurge(deletedDateTime, now);
  if (left === null) return "Purge date unknown";
  if (left < DAY_MS) return "Less than a day left";
  const days = Math.ceil(left / DAY_MS);
  return days === 1 ? "1 day left" : `${days} days left`;
}

// Made once: building a formatter per call (what toLocaleString does) costs more than the rest of a row's render.
let formatters: { date: Intl.DateTimeFormat; dateTime: Intl.DateTimeFormat } | null = null;
function dateFormatters() {
  formatters ??= {
    date: new Intl.DateTimeFormat(undefined, { dateStyle: "medium" }),
    // A time names its zone (the admin's own): audit times and purge times are compared across offices.
    dateTime: new Intl.DateTimeFormat(undefined, { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" }),
  };
  return formatters;
}

/** Medium date, or "Unknown" when Graph gave none. */
export function formatDate(iso: string | null, withTime = false): string {
  const time = deletionTime(iso);
  if (time === null) return "Unknown";
  const { date, dateTime } = dateFormatters();
  return (withTime ? dateTime : date).format(time);
}
