"use client";

import { useMemo } from "react";
import { History } from "lucide-react";
import { describeAuditEntry } from "@/lib/audit/describe";
import { entriesOf, usePartnerTimeline } from "@/lib/queries/audit";
import { Section } from "@/components/partners/detail-section";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { AuditEntryItem } from "./audit-entry-item";
import { AuditStatus, RETENTION_NOTE } from "./audit-status";

/** The partner's change history from the audit log, newest first. */
export function PartnerTimeline({ tenantId }: { tenantId: string }) {
  const timeline = usePartnerTimeline(tenantId);
  const entries = useMemo(() => entriesOf(timeline.data), [timeline.data]);
  const retry = () => void (timeline.isFetchNextPageError ? timeline.fetchNextPage() : timeline.refetch());

  return (
    <Section title="Change history" actions={<p className="text-xs text-muted">{RETENTION_NOTE} New changes can take a few minutes to appear.</p>}>
      {timeline.isPending && !timeline.isError ? (
        <div role="status" aria-label="Loading change history" className="space-y-2 py-3">
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-4 w-1/2" />
        </div>
      ) : null}
      {entries.length > 0 ? (
        <ol aria-label="Changes, newest first">
          {entries.map((entry) => (
            <AuditEntryItem key={entry.id} entry={entry} described={describeAuditEntry(entry)} />
          ))}
        </ol>
      ) : timeline.isSuccess && !timeline.hasNextPage ? (
        <p className="flex items-center gap-2 py-3 text-muted">
          <History aria-hidden className="size-4" />
          No changes to this partner in the last 30 days.
        </p>
      ) : null}
      {timeline.isError ? <AuditStatus error={timeline.error} onRetry={retry} /> : null}
      {timeline.hasNextPage && !timeline.isError ? (
        <div className="py-2">
          <Button size="sm" disabled={timeline.isFetchingNextPage} onClick={() => void timeline.fetchNextPage()}>
            {timeline.isFetchingNextPage ? "Loading…" : "Older changes"}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}
