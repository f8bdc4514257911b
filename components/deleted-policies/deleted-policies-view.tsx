"use client";

import { useMemo, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { Search, Trash2 } from "lucide-react";
import { useDeletedSyncPolicies } from "@/lib/queries/deleted-sync-policies";
import { applyDeletedFilter, parseDeletedFilter, toDeletedSearchParams, type DeletedFilter } from "@/lib/deleted-filter";
import { RETENTION_DAYS } from "@/lib/retention";
import { GraphErrorPanel } from "@/components/feedback/graph-error-panel";
import { PageHeader } from "@/components/ui/page-header";
import { RefreshButton } from "@/components/ui/refresh-button";
import { DeletedPoliciesSkeleton } from "./deleted-policies-skeleton";
import { DeletedPoliciesTable } from "./deleted-policies-table";

export function DeletedPoliciesView() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filter = useMemo(() => parseDeletedFilter(new URLSearchParams(searchParams.toString())), [searchParams]);
  const deleted = useDeletedSyncPolicies();
  const [now] = useState(() => new Date());

  function updateFilter(next: Partial<DeletedFilter>) {
    const query = toDeletedSearchParams({ ...filter, ...next }).toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  const visible = useMemo(() => (deleted.data ? applyDeletedFilter([...deleted.data], filter, now) : []), [deleted.data, filter, now]);

  return (
    <div>
      <PageHeader
        title="Deleted sync policies"
        description={`Identity synchronization policies in deleted items. They can be restored for ${RETENTION_DAYS} days after deletion, then Microsoft Entra purges them.`}
        actions={<RefreshButton onRefresh={() => void deleted.refetch()} refreshing={deleted.isFetching} updatedAt={deleted.dataUpdatedAt} />}
      />
      {deleted.isPending ? (
        <DeletedPoliciesSkeleton />
      ) : deleted.isError ? (
        <GraphErrorPanel error={deleted.error} onRetry={() => void deleted.refetch()} context="Deleted sync policies could not be loaded." />
      ) : (
        <div className="space-y-3">
          <div role="search" className="flex flex-wrap items-center gap-3">
            <label className="relative">
              <span className="sr-only">Search deleted sync policies</span>
              <Search aria-hidden className="pointer-events-none absolute left-2 top-1/2 size-4 -translate-y-1/2 text-muted" />
              <input
                type="search"
                value={filter.query}
                onChange={(event) => updateFilter({ query: event.target.value })}
                placeholder="Search by name or tenant ID"
                className="h-8 w-72 rounded-md border border-border-strong bg-surface pl-8 pr-2 text-sm placeholder:text-muted"
              />
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="checkbox" checked={filter.expiringOnly} onChange={(event) => updateFilter({ expiringOnly: event.target.checked })} className="size-4 accent-[var(--accent)]" />
              Purge within 7 days
            </label>
            <p className="ml-auto text-xs text-muted" aria-live="polite">
              Showing {visible.length} of {deleted.data.length} deleted policies
            </p>
          </div>
          {visible.length > 0 ? (
            <DeletedPoliciesTable policies={visible} now={now} />
          ) : (
            <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border-strong bg-surface px-6 py-12 text-center">
              <Trash2 aria-hidden className="size-6 text-muted" />
              <p className="font-medium">{deleted.data.length === 0 ? "No deleted sync policies" : "No deleted sync policies match these filters"}</p>
              <p className="text-muted">Sync policies deleted in the last {RETENTION_DAYS} days appear here.</p>
            </div>
          )}
        </div>
      )}
    </div>
  );
}
