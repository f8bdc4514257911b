"use client";

import { useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { SearchX } from "lucide-react";
import { usePartnersList } from "@/lib/queries/partners";
import { useOutboundByTenant } from "@/lib/queries/outbound";
import { useDeletedSyncPolicies } from "@/lib/queries/deleted-sync-policies";
import { useNamedPartners } from "@/lib/queries/tenant-information";
import { useUrlState } from "@/lib/browser/use-url-state";
import { useAuthConfig } from "@/lib/auth/auth-config-context";
import {
  filterPartners,
  parsePartnersFilter,
  sortPartners,
  summarisePartners,
  toSearchParams,
  SORT_COLUMNS,
  type PartnersFilter,
  type SortColumn,
  type SyncFilter,
} from "@/lib/partners/filter";
import type { SortDirection } from "@/lib/core/url-state";
import { isExpiringSoon } from "@/lib/deleted/retention";
import { isDomainName } from "@/lib/core/tenant-id";
import { GraphErrorPanel } from "@/components/feedback/graph-error-panel";
import { RefreshFailed } from "@/components/feedback/refresh-failed";
import { PageHeader } from "@/components/ui/page-header";
import { SearchInput } from "@/components/ui/search-input";
import { RefreshButton } from "@/components/ui/refresh-button";
import { Button } from "@/components/ui/button";
import { PartnersSkeleton } from "./partners-skeleton";
import { ExportCsvButton } from "./export-csv-button";
import { COLUMNS, PartnersTable } from "./partners-table";
import { PartnersActions } from "./partners-actions";
import { SummaryStrip } from "./summary-strip";
import { LoadingProgress } from "./loading-progress";
import { DomainLookup } from "./domain-lookup";

const count = new Intl.NumberFormat("en-US");

/** While pages stream in, the table re-sorts at most this often; the first and the last page show at once. */
const REDRAW_WHILE_LOADING_MS = 400;

function useThrottledWhile<T extends readonly unknown[]>(value: T, active: boolean): T {
  const [shown, setShown] = useState(value);
  const lastShownAt = useRef(0);
  useEffect(() => {
    if (!active) return;
    const timer = window.setTimeout(() => {
      lastShownAt.current = Date.now();
      setShown(value);
    }, Math.max(0, lastShownAt.current + REDRAW_WHILE_LOADING_MS - Date.now()));
    return () => window.clearTimeout(timer);
  }, [value, active]);
  return active && shown.length > 0 ? shown : value;
}

export function PartnersView() {
  const [filter, updateFilter] = useUrlState<PartnersFilter>(parsePartnersFilter, toSearchParams);
  const list = usePartnersList();
  const { deletedItemsSupported } = useAuthConfig();
  const sortSelectId = useId();
  // Deleted items (for the purge tile) are asked for once the first page is in: Next.js sends a tab's
  // action calls one at a time, so the list's own call goes out first.
  const deletedQuery = useDeletedSyncPolicies({ enabled: deletedItemsSupported && (list.rows.length > 0 || list.isError) });
  // The Outbound column: one streamed read of our sync configurations and their jobs, also after the first page.
  const outbound = useOutboundByTenant(list.rows.length > 0 || list.isError);
  const outboundByTenant = useMemo(
    () => (outbound.isError && outbound.rows.length === 0 ? null : { statuses: outbound.byTenant, complete: outbound.complete }),
    [outbound.byTenant, outbound.complete, outbound.isError, outbound.rows.length],
  );

  const sortBy = useCallback((sort: SortColumn, direction: SortDirection) => updateFilter({ sort, direction }), [updateFilter]);

  // Keystrokes filter in their own render (measured fast at 10,000 rows), and so do arriving pages, at most
  // every 400 ms: React holds a deferred render back while any server action call is pending (a name
  // lookup starting), which made typing slower and the rows lag behind the pages that had arrived.
  const { complete } = list;
  const rows = useThrottledWhile(list.rows, !complete);
  // Names from tenant information join the rows as they arrive, so search and sort see them. The rows
  // on screen ask for theirs in their own lane; the others are asked for as their pages arrive.
  const named = useNamedPartners(rows);
  const sorted = useMemo(() => sortPartners(named, { sort: filter.sort, direction: filter.direction }), [named, filter.sort, filter.direction]);
  const visible = useMemo(() => filterPartners(sorted, { query: filter.query, sync: filter.sync }), [sorted, filter.query, filter.sync]);
  const summary = useMemo(() => summarisePartners(rows), [rows]);
  const deleted = deletedQuery.data;
  // A count from a read that failed is unknown, not the last number seen.
  const expiringCount = deleted && !deletedQuery.isError ? deleted.filter((policy) => isExpiringSoon(policy.deletedDateTime)).length : null;
  const deletedByTenant = useMemo(() => new Map((deleted ?? []).map((policy) => [policy.tenantId.toLowerCase(), policy])), [deleted]);
  // A read that failed part way keeps the rows it brought: the counts say they are incomplete.
  const stoppedEarly = list.isError && !complete;
  const loading = !complete && !stoppedEarly;
  // A refresh that failed over a whole list: the list stays, said to be as old as it is.
  const refreshFailed = list.isError && complete && list.data !== undefined;
  const searchedDomain = filter.query.trim();

  return (
    <div>
      <PageHeader
        title="Cross-tenant access partners"
        description="Partner tenants and whether their users may be synchronized into this tenant."
        actions={
          <PartnersActions
            refresh={<RefreshButton onRefresh={() => void list.refetch()} refreshing={list.isFetching && !loading} updatedAt={list.dataUpdatedAt} failed={refreshFailed} />}
          />
        }
      />
      {list.isPending ? (
        <PartnersSkeleton />
      ) : list.isError && !list.data ? (
        <GraphErrorPanel error={list.error} onRetry={() => void list.refetch()} context="The partner list could not be loaded." />
      ) : (
        <div className="space-y-4">
          {loading ? <LoadingProgress loaded={rows.length} /> : null}
          {refreshFailed ? <RefreshFailed error={list.error} updatedAt={list.dataUpdatedAt} failedAt={list.errorUpdatedAt} onRetry={() => void list.refetch()} retrying={list.isFetching} /> : null}
          {stoppedEarly ? (
            <GraphErrorPanel
              error={list.error}
              onRetry={() => void list.refetch()}
              context={`Loading stopped after ${count.format(rows.length)} partners; the counts below are incomplete.`}
            />
          ) : null}
          <SummaryStrip summary={summary} expiringCount={expiringCount} activeSync={filter.sync} showDeleted={deletedItemsSupported} partial={!complete} />
          <div role="search" className="flex flex-wrap items-center gap-2">
            <SearchInput label="Search partners" placeholder="Search by name, domain or tenant ID" value={filter.query} onChange={(query) => updateFilter({ query })} />
            <label className="flex items-center gap-2 text-sm text-muted">
              Inbound user sync
              <select
                value={filter.sync ?? ""}
                onChange={(event) => updateFilter({ sync: (event.target.value || null) as SyncFilter | null })}
                className="h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg"
              >
                <option value="">All</option>
                <option value="allowed">Allowed</option>
                <option value="blocked">Blocked</option>
                <option value="no-policy">No sync policy</option>
                <option value="cannot-work">Allowed, automatic redemption off</option>
              </select>
            </label>
            <div className="flex items-center gap-2 text-sm text-muted md:hidden">
              <label htmlFor={sortSelectId}>Sort by</label>
              <select
                id={sortSelectId}
                value={`${filter.sort}:${filter.direction}`}
                onChange={(event) => {
                  const [sort, direction] = event.target.value.split(":");
                  updateFilter({ sort: SORT_COLUMNS.find((column) => column === sort) ?? "name", direction: direction === "desc" ? "desc" : "asc" });
                }}
                className="h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg"
              >
                {COLUMNS.flatMap((column) => [
                  <option key={`${column.id}:asc`} value={`${column.id}:asc`}>{`${column.label}, ascending`}</option>,
                  <option key={`${column.id}:desc`} value={`${column.id}:desc`}>{`${column.label}, descending`}</option>,
                ])}
              </select>
            </div>
            <div className="ml-auto flex items-center gap-3">
              <p className="text-xs text-muted" aria-live="polite">
                {visible.length === summary.total
                  ? `${count.format(summary.total)} partners${complete ? "" : " so far"}`
                  : `${count.format(visible.length)} of ${count.format(summary.total)}${complete ? "" : " loaded"} partners match`}
              </p>
              <ExportCsvButton partners={visible} deletedByTenant={deletedByTenant} />
            </div>
          </div>
          {deletedQuery.isError && deletedItemsSupported ? (
            <p role="note" className="text-xs text-muted">
              Deleted sync policies could not be read ({deletedQuery.error.message}); the purge count is unknown.
            </p>
          ) : null}
          {visible.length > 0 ? (
            <PartnersTable partners={visible} filter={filter} onSort={sortBy} deletedByTenant={deletedByTenant} outbound={outboundByTenant} />
          ) : loading ? null : (
            <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border-strong bg-surface px-6 py-12 text-center">
              <SearchX aria-hidden className="size-6 text-muted" />
              <p className="font-medium">{summary.total === 0 ? "This tenant has no partner configurations" : "No partners match these filters"}</p>
              {summary.total > 0 && isDomainName(searchedDomain) ? <DomainLookup domain={searchedDomain} partners={rows} /> : null}
              {summary.total > 0 ? (
                <Button size="sm" onClick={() => updateFilter({ query: "", sync: null })}>
                  Clear filters
                </Button>
              ) : (
                <p className="text-muted">Partners appear here once a cross-tenant access setting exists for another tenant.</p>
              )}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
