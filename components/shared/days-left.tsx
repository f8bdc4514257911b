import { AlarmClock, Clock } from "lucide-react";
import { daysUntilPurge, EXPIRING_SOON_DAYS, formatDate, formatTimeLeft, purgeDate } from "@/lib/deleted/retention";

export function DaysLeft({ deletedDateTime, now }: { deletedDateTime: string; now: Date }) {
  const days = daysUntilPurge(deletedDateTime, now);
  if (days === null) return <span className="text-muted">{formatTimeLeft(deletedDateTime, now)}</span>;
  const soon = days <= EXPIRING_SOON_DAYS;
  const text = formatTimeLeft(deletedDateTime, now);
  const Icon = soon ? AlarmClock : Clock;
  return (
    <span
      className={soon ? "inline-flex items-center gap-1.5 font-medium text-warn" : "inline-flex items-center gap-1.5 text-fg"}
      title={`Purged automatically on ${formatDate(purgeDate(deletedDateTime)?.toISOString() ?? null, true)}`}
    >
      <Icon aria-hidden className="size-4" />
      {text}
      {soon ? <span className="sr-only">, purge soon</span> : null}
    </span>
  );
}
