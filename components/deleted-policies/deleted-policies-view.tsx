"use client";

import { useCallback, useMemo, useState } from "react";
import { useRouter } from "next/navigation";
import { Info, Loader2, Lock, RotateCcw, Trash2 } from "lucide-react";
import { useDeletedSyncPolicies } from "@/lib/queries/deleted-sync-policies";
import { useNamedDeletedPolicies } from "@/lib/queries/tenant-information";
import { useUrlState } from "@/lib/browser/use-url-state";
import { applyDeletedFilter, parseDeletedFilter, toDeletedSearchParams, type DeletedFilter } from "@/lib/deleted/filter";
import type { DeletedSyncPolicy } from "@/lib/core/models";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { leavesDeletedItems } from "@/lib/queries/restore";
import { RETENTION_DAYS } from "@/lib/deleted/retention";
import { GraphErrorPanel } from "@/components/feedback/graph-error-panel";
import { RefreshFailed } from "@/components/feedback/refresh-failed";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { SearchInput } from "@/components/ui/search-input";
import { RefreshButton } from "@/components/ui/refresh-button";
import { DeletedPoliciesSkeleton } from "./deleted-policies-skeleton";
import { DeletedPoliciesTable } from "./deleted-policies-table";
import { DeletedByProvider } from "@/components/shared/deleted-by";
import { deletedPolicyItem, ExpiringOnlyFilter, withItemsOnTheirWay } from "@/components/shared/deleted-items";
import { RestoreDialog } from "@/components/shared/restore-dialog";
import { WriteResults } from "@/components/writes/write-results";
import { usePersistentSelection } from "@/components/shared/use-persistent-selection";
import { useRestoreFlow } from "@/components/shared/use-restore-flow";
import { PurgeFlowProvider, PurgeResults, PurgeSelectedButton } from "./purge-flow";
import { PERMISSION_REASON_ID, useWritePermission } from "@/components/writes/use-write-permission";

export function DeletedPoliciesView() {
  const router = useRouter();
  const [filter, updateFilter] = useUrlState<DeletedFilter>(parseDeletedFilter, toDeletedSearchParams);
  const deleted = useDeletedSyncPolicies();
  const [now] = useState(() => new Date());
  // Rows leave the selection once they left deleted items; failures (and a sign-in round trip) keep them selected.
  const [selected, setSelected, deselect] = usePersistentSelection();
  const [confirming, setConfirming] = useState<DeletedSyncPolicy[]>([]);
  const permission = useWritePermission();
  const openPartner = useCallback((tenantId: string) => router.push(`/partners/${tenantId}`), [router]);
  const deselectSettled = useCallback((settled: WriteOutcome[]) => deselect(settled.filter(leavesDeletedItems).map((outcome) => outcome.tenantId)), [deselect]);
  const flow = useRestoreFlow({ route: "deleted-items", onOpenPartner: openPartner, onSettled: deselectSettled });

  const named = useNamedDeletedPolicies(deleted.data);
  // A restore takes its rows out of the cache at once; the list keeps them, marked, until Graph answers.
  const { sending } = flow;
  const onTheirWay = useMemo(() => new Set(Object.keys(sending)), [sending]);
  const all = useMemo(() => (named ? withItemsOnTheirWay(named, sending) : named), [named, sending]);
  // Filtered in the keystroke's own render: a deferred one would wait for the tab's pending server action.
  const visible = useMemo(() => (all ? applyDeletedFilter([...all], filter, now) : []), [all, filter, now]);
  // Only rows the user can see are restored; selected rows hidden by the filter are counted, not sent.
  const selectedPolicies = useMemo(() => visible.filter((policy) => selected.has(policy.tenantId)), [visible, selected]);
  const hiddenSelected = useMemo(
    () => (all ?? []).filter((policy) => selected.has(policy.tenantId)).length - selectedPolicies.length,
    [all, selected, selectedPolicies],
  );
  // A list being written to never calls itself empty: rows left it only for the write on its way.
  const writing = flow.pending || (flow.run?.retryAt ?? null) !== null;
  const outcomes = useMemo(() => new Map<string, WriteOutcome>((flow.run?.outcomes ?? []).map((outcome) => [outcome.tenantId.toLowerCase(), outcome])), [flow.run]);

  return (
    <PurgeFlowProvider onPurged={deselect}>
      <PageHeader
        title="Deleted sync policies"
        description={`Identity synchronization policies in deleted items. They can be restored for ${RETENTION_DAYS} days after deletion, then Microsoft Entra purges them.`}
        actions={<RefreshButton onRefresh={() => void deleted.refetch()} refreshing={deleted.isFetching} updatedAt={deleted.dataUpdatedAt} failed={deleted.isError && deleted.data !== undefined} />}
      />
      {!permission.allowed && permission.reason ? (
        <p id={PERMISSION_REASON_ID} role="note" className="mb-3 flex items-start gap-2 rounded-md border border-border bg-surface px-3 py-2 text-[13px]">
          <Lock aria-hidden className="mt-0.5 size-4 shrink-0 text-muted" />
          <span>
            <strong>Restore unavailable.</strong> {permission.reason}
          </span>
        </p>
      ) : null}
      {permission.allowed && permission.note ? (
        <p id={PERMISSION_REASON_ID} role="note" className="mb-3 flex items-start gap-2 text-xs text-muted">
          <Info aria-hidden className="mt-px size-3.5 shrink-0" />
          <span>{permission.note}</span>
        </p>
      ) : null}
      {/* Outside the list's states: a run whose answer was lost keeps saying so while the list cannot be read. */}
      <div className="mb-3 space-y-3 empty:hidden">
        <WriteResults title="Restore results" flow={flow} canRetry={permission.allowed} linkToPartner />
        <PurgeResults />
      </div>
      {deleted.isPending ? (
        <DeletedPoliciesSkeleton />
      ) : deleted.isError && !deleted.data ? (
        <GraphErrorPanel error={deleted.error} onRetry={() => void deleted.refetch()} context="Deleted sync policies could not be loaded." />
      ) : (
        <div className="space-y-3">
          {deleted.isError ? <RefreshFailed error={deleted.error} updatedAt={deleted.dataUpdatedAt} failedAt={deleted.errorUpdatedAt} onRetry={() => void deleted.refetch()} retrying={deleted.isFetching} /> : null}
          <div role="search" className="flex flex-wrap items-center gap-3">
            <SearchInput label="Search deleted sync policies" value={filter.query} onChange={(query) => updateFilter({ query })} />
            <ExpiringOnlyFilter checked={filter.expiringOnly} onChange={(expiringOnly) => updateFilter({ expiringOnly })} />
            <div className="ml-auto flex flex-wrap items-center gap-3">
              <p className="text-xs text-muted" aria-live="polite">
                {selectedPolicies.length > 0 ? `${selectedPolicies.length} selected · ` : ""}
                {hiddenSelected > 0 ? `${hiddenSelected} more selected but hidden by the filter (not included) · ` : ""}
                {writing && visible.length === 0 ? "Restoring…" : `Showing ${visible.length} of ${all?.length ?? deleted.data.length} deleted policies`}
              </p>
              <Button
                size="sm"
                variant="primary"
                unavailable={!permission.allowed}
                disabled={selectedPolicies.length === 0 || flow.pending}
                aria-describedby={permission.allowed && !permission.note ? undefined : PERMISSION_REASON_ID}
                onClick={() => setConfirming(selectedPolicies)}
              >
                <RotateCcw aria-hidden className="size-3.5" />
                {flow.pending ? "Restoring…" : `Restore selected${selectedPolicies.length > 0 ? ` (${selectedPolicies.length})` : ""}`}
              </Button>
              <PurgeSelectedButton policies={selectedPolicies} />
            </div>
          </div>
          {visible.length > 0 ? (
            <DeletedByProvider policies={all ?? deleted.data}>
            <DeletedPoliciesTable
              policies={visible}
              now={now}
              selected={selected}
              onSelectionChange={setSelected}
              onRestore={(policy) => setConfirming([policy])}
              canRestore={permission.allowed}
              restoring={flow.pending}
              onTheirWay={onTheirWay}
              messageContext={flow.messageContext}
              outcomes={outcomes}
            />
            </DeletedByProvider>
          ) : writing ? (
            <div role="status" className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border-strong bg-surface px-6 py-12 text-center">
              <Loader2 aria-hidden className="size-6 animate-spin text-muted motion-reduce:animate-none" />
              <p className="font-medium">Restoring the selected sync policies…</p>
              <p className="text-muted">Each one leaves this list once Microsoft Graph confirms it; any it refuses come back here with the reason.</p>
            </div>
          ) : (
            <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border-strong bg-surface px-6 py-12 text-center">
              <Trash2 aria-hidden className="size-6 text-muted" />
              <p className="font-medium">{deleted.data.length === 0 ? "No deleted sync policies" : "No deleted sync policies match these filters"}</p>
              <p className="text-muted">Sync policies deleted in the last {RETENTION_DAYS} days appear here.</p>
            </div>
          )}
        </div>
      )}
      <RestoreDialog open={confirming.length > 0} onOpenChange={(open) => !open && setConfirming([])} items={confirming.map(deletedPolicyItem)} onConfirm={() => void flow.start(confirming)} />
    </PurgeFlowProvider>
  );
}
