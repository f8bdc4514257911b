"use client";

import { useEffect, useState } from "react";
import { AlertTriangle, RefreshCw } from "lucide-react";
import { Button } from "./button";

export function formatUpdatedAgo(updatedAt: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - updatedAt) / 60_000);
  if (minutes < 1) return "Updated just now";
  if (minutes < 60) return `Updated ${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  return `Updated ${hours} h ago`;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** When the data on screen was read, as the admin's clock shows it: "02:42", with the date when not today. */
export function formatDataTime(updatedAt: number, now: number): string {
  const at = new Date(updatedAt);
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}`;
  return at.toDateString() === new Date(now).toDateString() ? time : `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())} ${time}`;
}

/** Re-renders every 30 s so "2 min ago" keeps telling the truth. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** `failed`: the last refresh failed, so the time says how old the data on screen is, never "just now". */
export function RefreshButton({ onRefresh, refreshing, updatedAt, failed = false }: { onRefresh: () => void; refreshing: boolean; updatedAt: number; failed?: boolean }) {
  const now = Math.max(useNow(), updatedAt);
  return (
    <div className="flex items-center gap-2 text-xs text-muted">
      {updatedAt > 0 ? (
        <time dateTime={new Date(updatedAt).toISOString()} title={new Date(updatedAt).toLocaleString()} className={failed ? "inline-flex items-center gap-1 text-fg" : undefined}>
          {failed ? <AlertTriangle aria-hidden className="size-3.5 text-warn" /> : null}
          {failed ? `Not refreshed: data from ${formatDataTime(updatedAt, now)}` : formatUpdatedAgo(updatedAt, now)}
        </time>
      ) : null}
      <Button size="sm" onClick={onRefresh} disabled={refreshing} aria-label="Refresh from Microsoft Graph">
        <RefreshCw aria-hidden className={refreshing ? "size-3.5 animate-spin" : "size-3.5"} />
        {refreshing ? "Refreshing…" : "Refresh"}
      </Button>
    </div>
  );
}
