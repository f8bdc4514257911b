"use client";

import { useMemo, useState } from "react";
import { SearchX } from "lucide-react";
import { usePartnersView } from "@/lib/queries/partners";
import { useNamedPartners } from "@/lib/queries/tenant-information";
import { useUrlState } from "@/lib/use-url-state";
import { useAuthConfig } from "@/lib/auth/auth-config-context";
import {
  applyPartnersFilter,
  parsePartnersFilter,
  summarisePartners,
  toSearchParams,
  type PartnersFilter,
  type SortColumn,
} from "@/lib/partners-filter";
import { isExpiringSoon } from "@/lib/retention";
import type { SyncState } from "@/lib/models";
import { GraphErrorPanel } from "@/components/feedback/graph-error-panel";
import { PageHeader } from "@/components/ui/page-header";
import { SearchInput } from "@/components/ui/search-input";
import { RefreshButton } from "@/components/ui/refresh-button";
import { Button } from "@/components/ui/button";
import { PartnersSkeleton } from "./partners-skeleton";
import { ExportCsvButton } from "./export-csv-button";
import { PartnersTable } from "./partners-table";
import { PartnersActions } from "./partners-actions";
import { SummaryStrip } from "./summary-strip";

/** Rows drawn at once; large tenants page through with "Show more" instead of drawing 10,000 rows. */
const ROWS_PER_STEP = 200;

export function PartnersView() {
  const [rowLimit, setRowLimit] = useState(ROWS_PER_STEP);
  const [filter, updateFilter] = useUrlState<PartnersFilter>(parsePartnersFilter, toSearchParams);
  const view = usePartnersView();
  const { deletedItemsSupported } = useAuthConfig();

  function sortBy(column: SortColumn) {
    updateFilter({ sort: column, direction: filter.sort === column && filter.direction === "asc" ? "desc" : "asc" });
  }

  const partners = useNamedPartners(view.data?.partners);
  const visible = useMemo(() => (partners ? applyPartnersFilter([...partners], filter) : []), [partners, filter]);
  const summary = useMemo(() => summarisePartners(partners ?? []), [partners]);
  const deleted = view.data?.deletedSyncPolicies;
  const expiringCount = deleted ? deleted.filter((policy) => isExpiringSoon(policy.deletedDateTime)).length : null;
  const deletedByTenant = useMemo(() => new Map((deleted ?? []).map((policy) => [policy.tenantId.toLowerCase(), policy])), [deleted]);

  return (
    <div>
      <PageHeader
        title="Cross-tenant access partners"
        description="Partner tenants and whether their users may be synchronized into this tenant."
        actions={<PartnersActions refresh={<RefreshButton onRefresh={() => void view.refetch()} refreshing={view.isFetching} updatedAt={view.dataUpdatedAt} />} />}
      />
      {view.isPending ? (
        <PartnersSkeleton />
      ) : view.isError ? (
        <GraphErrorPanel error={view.error} onRetry={() => void view.refetch()} context="The partner list could not be loaded." />
      ) : (
        <div className="space-y-4">
          <SummaryStrip summary={summary} expiringCount={expiringCount} activeSync={filter.sync} showDeleted={deletedItemsSupported} />
          <div role="search" className="flex flex-wrap items-center gap-2">
            <SearchInput label="Search partners" placeholder="Search by name, domain or tenant ID" value={filter.query} onChange={(query) => updateFilter({ query })} />
            <label className="flex items-center gap-2 text-sm text-muted">
              Inbound user sync
              <select
                value={filter.sync ?? ""}
                onChange={(event) => updateFilter({ sync: (event.target.value || null) as SyncState | null })}
                className="h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg"
              >
                <option value="">All</option>
                <option value="allowed">Allowed</option>
                <option value="blocked">Blocked</option>
                <option value="no-policy">No sync policy</option>
              </select>
            </label>
            <div className="ml-auto flex items-center gap-3">
              <p className="text-xs text-muted" aria-live="polite">
                {visible.length === summary.total ? `${summary.total} partners` : `${visible.length} of ${summary.total} partners match`}
              </p>
              <ExportCsvButton partners={visible} />
            </div>
          </div>
          {view.data.deletedItemsError && deletedItemsSupported ? (
            <p role="note" className="text-xs text-muted">
              Deleted sync policies could not be read ({view.data.deletedItemsError.message}); the purge count is unknown.
            </p>
          ) : null}
          {visible.length > 0 ? (
            <>
              <PartnersTable partners={visible.slice(0, rowLimit)} filter={filter} onSort={sortBy} deletedByTenant={deletedByTenant} />
              {visible.length > rowLimit ? (
                <div className="flex justify-center">
                  <Button size="sm" onClick={() => setRowLimit((limit) => limit + ROWS_PER_STEP)}>
                    Show {Math.min(ROWS_PER_STEP, visible.length - rowLimit)} more ({visible.length - rowLimit} not shown)
                  </Button>
                </div>
              ) : null}
            </>
          ) : (
            <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border-strong bg-surface px-6 py-12 text-center">
              <SearchX aria-hidden className="size-6 text-muted" />
              <p className="font-medium">{summary.total === 0 ? "This tenant has no partner configurations" : "No partners match these filters"}</p>
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
