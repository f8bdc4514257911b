"use client";

import { RefreshCw } from "lucide-react";
import { Button } from "./button";

export function RefreshButton({ onRefresh, refreshing, updatedAt }: { onRefresh: () => void; refreshing: boolean; updatedAt: number }) {
  return (
    <div className="flex items-center gap-2 text-xs text-muted">
      {updatedAt > 0 ? <span aria-live="polite">Updated {new Date(updatedAt).toLocaleTimeString()}</span> : null}
      <Button size="sm" onClick={onRefresh} disabled={refreshing} aria-label="Refresh from Microsoft Graph">
        <RefreshCw aria-hidden className={refreshing ? "size-3.5 animate-spin" : "size-3.5"} />
        {refreshing ? "Refreshing…" : "Refresh"}
      </Button>
    </div>
  );
}
