"use client";

import { useCallback, useMemo, useState, useEffect } from "react";
import Link from "next/link";
import { useUrlState } from "@/lib/browser/use-url-state";
import { DEFAULT_OUTBOUND_FILTER, durationWords, filterOutbound, parseOutboundFilter, relativeTime, toOutboundSearchParams, type OutboundFilter, type OutboundSort } from "@/lib/outbound/filter";
import { disableWords, heldDeletions, quarantineReasonWords, STATUS_ORDER, STATUS_WORDS, type OutboundStatus } from "@/lib/outbound/status";
import { useOutboundList, type OutboundRow } from "@/lib/queries/outbound";
import { useTenantInformationLookup } from "@/lib/queries/tenant-information";
import { PageHeader } from "@/components/ui/page-header";
import { RefreshButton } from "@/components/ui/refresh-button";
import { SearchInput } from "@/components/ui/search-input";
import { Skeleton } from "@/components/ui/skeleton";
import { SortableHeader } from "@/components/ui/sortable-header";
import { STACKED_CELL } from "@/components/ui/virtual-rows";
import { OutboundStatusLabel } from "@/components/shared/outbound-status";
import { SyncReadProblem, SyncRoleNeeded } from "./sync-read-problem";

const SELECT = "h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg";
const CELL = "px-3 py-2 text-left align-top";

const COLUMNS: { id: OutboundSort; label: string }[] = [
  { id: "name", label: "Configuration" },
  { id: "target", label: "Target" },
  { id: "status", label: "Status" },
  { id: "lastCycle", label: "Last cycle" },
  { id: "users", label: "Users in sync" },
];

/** Re-renders every 30 s so "12 min ago" stays true. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

export function QuarantineDetails({ row, now }: { row: Pick<OutboundRow, "job">; now: number }) {
  const quarantine = row.job?.quarantine;
  if (!row.job || !quarantine) return null;
  const since = relativeTime(quarantine.seriesBegan ?? quarantine.currentBegan, now);
  const next = relativeTime(quarantine.nextAttempt, now);
  const disable = disableWords(quarantine, now, row.job.scheduleState);
  return (
    <ul className="mt-1 space-y-0.5 text-xs text-muted">
      <li className="text-fg">{quarantineReasonWords(quarantine, heldDeletions(row.job))}</li>
      {since ? <li>Since {since}</li> : null}
      {next && row.job.scheduleState !== "Disabled" ? <li>Next attempt {next}</li> : null}
      {disable ? <li className="text-danger">{disable}</li> : null}
    </ul>
  );
}

export function LastCycle({ row, now }: { row: Pick<OutboundRow, "job">; now: number }) {
  const last = row.job?.lastExecution;
  if (!last?.timeBegan) return <span className="text-muted">Never</span>;
  const took = durationWords(last.timeBegan, last.timeEnded);
  return (
    <div>
      <time dateTime={last.timeBegan} title={new Date(last.timeBegan).toLocaleString()}>
        {relativeTime(last.timeBegan, now)}
      </time>
      <div className="text-xs text-muted">
        {[took ? `took ${took}` : null, `${last.countExported} changed`, `${last.countEscrowed} error${last.countEscrowed === 1 ? "" : "s"}`].filter(Boolean).join(" · ")}
      </div>
    </div>
  );
}

function StatusCell({ row, now }: { row: OutboundRow; now: number }) {
  if (!row.jobRead) return <Skeleton className="h-4 w-24" />;
  if (!row.status) return <span className="text-muted">{row.readError?.status === 403 ? "Not readable with your role" : "No job"}</span>;
  return (
    <div>
      <OutboundStatusLabel status={row.status} />
      <QuarantineDetails row={row} now={now} />
    </div>
  );
}

function TableSkeleton() {
  return (
    <div role="status" aria-label="Loading sync configurations" className="space-y-2 rounded-lg border border-border bg-surface p-4">
      {Array.from({ length: 6 }, (_, i) => (
        <Skeleton key={i} className="h-8 w-full" />
      ))}
    </div>
  );
}

export function OutboundView() {
  const list = useOutboundList();
  const [filter, setFilter] = useUrlState<OutboundFilter>(parseOutboundFilter, toOutboundSearchParams);
  const now = useNow();
  const tenantIds = useMemo(() => [...new Set(list.rows.map((row) => row.targetTenantId).filter((id): id is string => id !== null))], [list.rows]);
  const lookup = useTenantInformationLookup(tenantIds);
  const named = useMemo(
    () =>
      list.rows.map((row) => {
        const info = row.targetTenantId ? lookup(row.targetTenantId) : null;
        return { ...row, targetName: info?.displayName ?? null, targetDomain: info?.defaultDomainName ?? null };
      }),
    [list.rows, lookup],
  );
  const shown = useMemo(() => filterOutbound(named, filter), [named, filter]);
  const onSort = useCallback((sort: OutboundSort) => setFilter({ sort, direction: filter.sort === sort && filter.direction === "asc" ? "desc" : "asc" }), [filter, setFilter]);
  const refused = list.rows.length > 0 && list.rows.every((row) => row.jobRead && row.readError?.status === 403);
  const counts = useMemo(() => {
    const byStatus = new Map<OutboundStatus, number>();
    for (const row of list.rows) if (row.status) byStatus.set(row.status, (byStatus.get(row.status) ?? 0) + 1);
    return byStatus;
  }, [list.rows]);

  return (
    <div>
      <PageHeader
        title="Outbound sync"
        description="Cross-tenant sync configurations that push your users to other tenants: what each one's job is doing, and what is wrong."
        actions={<RefreshButton onRefresh={() => void list.refetch()} refreshing={list.isFetching} updatedAt={list.dataUpdatedAt} />}
      />
      {list.isError && list.rows.length === 0 ? (
        <SyncReadProblem error={list.error} onRetry={() => void list.refetch()} context="The sync configurations could not be read." />
      ) : list.isPending ? (
        <TableSkeleton />
      ) : (
        <div className="space-y-3">
          {refused ? <SyncRoleNeeded requestId={list.rows[0]?.readError?.requestId ?? null} /> : null}
          <div className="flex flex-wrap items-center gap-3">
            <SearchInput label="Search sync configurations" value={filter.query} onChange={(query) => setFilter({ query })} placeholder="Search by configuration or target" />
            <label className="flex items-center gap-2 text-sm text-muted">
              Status
              <select className={SELECT} value={filter.status ?? ""} onChange={(event) => setFilter({ status: (event.target.value || null) as OutboundStatus | null })}>
                <option value="">All ({list.rows.length})</option>
                {STATUS_ORDER.map((status) => (
                  <option key={status} value={status}>
                    {STATUS_WORDS[status]} ({counts.get(status) ?? 0})
                  </option>
                ))}
              </select>
            </label>
            {!list.complete ? <span className="text-sm text-muted" role="status">Reading jobs… {list.rows.filter((r) => r.jobRead).length} of {list.rows.length}</span> : null}
            {filter !== DEFAULT_OUTBOUND_FILTER && (filter.query || filter.status) ? (
              <button type="button" className="text-sm text-accent hover:underline" onClick={() => setFilter({ query: "", status: null })}>
                Clear filters
              </button>
            ) : null}
          </div>
          <div className="overflow-auto rounded-lg border border-border bg-surface">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">Cross-tenant sync configurations and the status of their jobs</caption>
              <thead className="border-b border-border bg-surface-muted text-xs text-muted max-md:hidden">
                <tr>
                  {COLUMNS.map((column) => (
                    <SortableHeader key={column.id} label={column.label} active={filter.sort === column.id} direction={filter.direction} onSort={() => onSort(column.id)} className={`${CELL} py-1.5`} />
                  ))}
                </tr>
              </thead>
              <tbody className="max-md:block">
                {shown.length === 0 ? (
                  <tr>
                    <td colSpan={COLUMNS.length} className="px-3 py-8 text-center text-muted">
                      {list.rows.length === 0 ? "This tenant has no cross-tenant sync configurations." : "No configuration matches these filters."}
                    </td>
                  </tr>
                ) : (
                  shown.map((row) => (
                    <tr key={row.servicePrincipalId} className="border-b border-border last:border-0 max-md:block max-md:py-2">
                      <td data-label="Configuration" className={`${CELL} max-md:block max-md:py-1`}>
                        <Link href={`/outbound/${row.servicePrincipalId}`} className="font-medium text-accent hover:underline">
                          {row.displayName ?? "Unnamed configuration"}
                        </Link>
                      </td>
                      <td data-label="Target" className={`${CELL} ${STACKED_CELL}`}>
                        {row.targetTenantId ? (
                          <div className="min-w-0">
                            <span>{row.targetName ?? <span className="font-mono text-xs">{row.targetTenantId}</span>}</span>
                            {row.targetDomain ? <span className="block truncate text-xs text-muted">{row.targetDomain}</span> : null}
                          </div>
                        ) : row.targetRead ? (
                          <span className="text-muted">Not set</span>
                        ) : (
                          <Skeleton className="h-4 w-32" />
                        )}
                      </td>
                      <td data-label="Status" className={`${CELL} ${STACKED_CELL}`}>
                        <StatusCell row={row} now={now} />
                      </td>
                      <td data-label="Last cycle" className={`${CELL} ${STACKED_CELL}`}>
                        {row.jobRead ? <LastCycle row={row} now={now} /> : <Skeleton className="h-4 w-20" />}
                      </td>
                      <td data-label="Users in sync" className={`${CELL} ${STACKED_CELL} tabular-nums`}>
                        {row.jobRead ? (row.job?.usersInSync ?? 0).toLocaleString("en-US") : <Skeleton className="h-4 w-10" />}
                      </td>
                    </tr>
                  ))
                )}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </div>
  );
}
