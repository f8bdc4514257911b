export const RETENTION_DAYS = 30;
/** Deleted policies with this many days left or fewer are flagged as about to be purged. */
export const EXPIRING_SOON_DAYS = 7;
const DAY_MS = 86_400_000;

export function purgeDate(deletedDateTime: string): Date {
  return new Date(new Date(deletedDateTime).getTime() + RETENTION_DAYS * DAY_MS);
}

/** Whole days left before the automatic purge, never negative. */
export function daysUntilPurge(deletedDateTime: string, now: Date = new Date()): number {
  const remainingMs = purgeDate(deletedDateTime).getTime() - now.getTime();
  return Math.max(0, Math.floor(remainingMs / DAY_MS));
}

export function isExpiringSoon(deletedDateTime: string, now: Date = new Date()): boolean {
  return daysUntilPurge(deletedDateTime, now) <= EXPIRING_SOON_DAYS;
}

/** "Less than a day left", "1 day left", "12 days left": conservative, never rounds up. */
export function formatTimeLeft(deletedDateTime: string, now: Date = new Date()): string {
  const days = daysUntilPurge(deletedDateTime, now);
  if (days === 0) return "Less than a day left";
  return days === 1 ? "1 day left" : `${days} days left`;
}
