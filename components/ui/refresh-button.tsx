"use client";

import { useEffect, useState } from "react";
import { RefreshCw } from "lucide-react";
import { Button } from "./button";

export function formatUpdatedAgo(updatedAt: number, now: number): string {
  const minutes = Math.floor(Math.max(0, now - updatedAt) / 60_000);
  if (minutes < 1) return "Updated just now";
  if (minutes < 60) return `Updated ${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  return `Updated ${hours} h ago`;
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

export function RefreshButton({ onRefresh, refreshing, updatedAt }: { onRefresh: () => void; refreshing: boolean; updatedAt: number }) {
  const now = Math.max(useNow(), updatedAt);
  return (
    <div className="flex items-center gap-2 text-xs text-muted">
      {updatedAt > 0 ? (
        <time dateTime={new Date(updatedAt).toISOString()} title={new Date(updatedAt).toLocaleString()}>
          {formatUpdatedAgo(updatedAt, now)}
        </time>
      ) : null}
      <Button size="sm" onClick={onRefresh} disabled={refreshing} aria-label="Refresh from Microsoft Graph">
        <RefreshCw aria-hidden className={refreshing ? "size-3.5 animate-spin" : "size-3.5"} />
        {refreshing ? "Refreshing…" : "Refresh"}
      </Button>
    </div>
  );
}
