"use client";

import { History } from "lucide-react";
import type { DescribedEntry } from "@/lib/audit/describe";
import type { AuditEntry } from "@/lib/audit/types";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { AuditEntryItem } from "./audit-entry-item";
import { AuditStatus } from "@/components/shared/audit-status";
import { retryAuditRead, type RetryableAuditRead } from "@/components/shared/retry-audit-read";

const SKELETON_WIDTHS = ["w-2/3", "w-1/2", "w-3/5"];

export interface AuditListItem {
  entry: AuditEntry;
  described: DescribedEntry;
  partner?: { tenantId: string; name: string };
}

interface AuditPagesState extends RetryableAuditRead {
  isPending: boolean;
  isError: boolean;
  isSuccess: boolean;
  error: unknown;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
}

/** Audit entries newest first, with the loading rows, the empty line, why the log is unavailable, and older pages on demand. */
export function AuditEntryList({
  query,
  items,
  loadingLabel,
  skeletonRows,
  empty,
}: {
  query: AuditPagesState;
  items: readonly AuditListItem[];
  loadingLabel: string;
  skeletonRows: number;
  empty: React.ReactNode;
}) {
  return (
    <>
      {query.isPending && !query.isError ? (
        <div role="status" aria-label={loadingLabel} className="space-y-2 py-3">
          {SKELETON_WIDTHS.slice(0, skeletonRows).map((width) => (
            <Skeleton key={width} className={`h-4 ${width}`} />
          ))}
        </div>
      ) : null}
      {items.length > 0 ? (
        <ol aria-label="Changes, newest first">
          {items.map(({ entry, described, partner }) => (
            <AuditEntryItem key={entry.id} entry={entry} described={described} partner={partner} />
          ))}
        </ol>
      ) : query.isSuccess && !query.hasNextPage ? (
        <p className="flex items-center gap-2 py-3 text-muted">
          <History aria-hidden className="size-4" />
          {empty}
        </p>
      ) : null}
      {query.isError ? <AuditStatus error={query.error} onRetry={() => retryAuditRead(query)} /> : null}
      {query.hasNextPage && !query.isError ? (
        <div className="py-2">
          <Button size="sm" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            {query.isFetchingNextPage ? "Loading…" : "Older changes"}
          </Button>
        </div>
      ) : null}
    </>
  );
}
