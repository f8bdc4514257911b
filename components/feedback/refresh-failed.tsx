"use client";

import { AlertTriangle, RefreshCw } from "lucide-react";
import { toAppError } from "@/lib/queries/graph-action";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { formatDataTime } from "@/components/ui/refresh-button";
import { describeError } from "./graph-error-panel";

/**
 * A refresh that failed while older data stays on screen: said where the data is, with how old it
 * is, Graph's reason and request id, and Try again. The data is kept, never replaced by the error.
 */
/** `failedAt`: when the refresh failed (the query's errorUpdatedAt), so the data's date shows when it is not that day's. */
export function RefreshFailed({ error, updatedAt, failedAt, onRetry, retrying }: { error: unknown; updatedAt: number; failedAt: number; onRetry: () => void; retrying: boolean }) {
  const appError = toAppError(error);
  const { title } = describeError(appError);
  return (
    <div role="alert" className="flex flex-wrap items-start gap-x-3 gap-y-1 rounded-lg border border-border bg-surface px-4 py-3 text-sm">
      <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-warn" />
      <div className="min-w-0 flex-1 space-y-0.5">
        <p className="font-medium">Couldn&apos;t refresh: showing data from {formatDataTime(updatedAt, failedAt)}</p>
        <p className="text-muted">
          {title}. {appError.message}
          {appError.requestId ? (
            <span className="ml-1 inline-flex items-center gap-1 font-mono text-xs text-fg">
              Request ID {appError.requestId}
              <CopyButton value={appError.requestId} label="Copy request ID" />
            </span>
          ) : null}
        </p>
      </div>
      <Button size="sm" onClick={onRetry} disabled={retrying}>
        <RefreshCw aria-hidden className={retrying ? "size-3.5 animate-spin" : "size-3.5"} />
        {retrying ? "Refreshing…" : "Try again"}
      </Button>
    </div>
  );
}
