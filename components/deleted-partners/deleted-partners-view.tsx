"use client";

import { useCallback, useMemo, useState } from "react";
import Link from "next/link";
import { ChevronLeft, RotateCcw, Trash2 } from "lucide-react";
import type { DeletedPartner } from "@/lib/core/models";
import { formatDate, RETENTION_DAYS } from "@/lib/deleted/retention";
import { filterDeletedItems, parseDeletedFilter, toDeletedSearchParams, type DeletedFilter } from "@/lib/deleted/filter";
import { useUrlState } from "@/lib/browser/use-url-state";
import { useDeletedPartners } from "@/lib/queries/deleted-partners";
import { useTenantInformationLookup } from "@/lib/queries/tenant-information";
import { describeWriteOutcome, sendingMessage, type OutcomeContext } from "@/lib/writes/messages";
import { isSettledOutcome, type WriteOutcome } from "@/lib/writes/outcome";
import { GraphErrorPanel } from "@/components/feedback/graph-error-panel";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { RefreshButton } from "@/components/ui/refresh-button";
import { SearchInput } from "@/components/ui/search-input";
import { Skeleton } from "@/components/ui/skeleton";
import { TenantId } from "@/components/ui/tenant-id";
import { DaysLeft } from "@/components/shared/days-left";
import { DeletedByCell, DeletedByProvider } from "@/components/shared/deleted-by";
import { ExpiringOnlyFilter, SelectAllShown, withItemsOnTheirWay, type DeletedItem } from "@/components/shared/deleted-items";
import { PurgeDialog } from "@/components/shared/purge-dialog";
import { RestoreDialog } from "@/components/shared/restore-dialog";
import { useDeletedPartnerRun, type DeletedPartnerWrite } from "@/components/shared/use-deleted-partner-runs";
import { toggleAllShown, toggleSelected, usePersistentSelection } from "@/components/shared/use-persistent-selection";
import { OutcomeIcon } from "@/components/writes/outcome-icon";
import { WriteResults } from "@/components/writes/write-results";
import { useWritePermission } from "@/components/writes/use-write-permission";
import { UnavailableReason } from "@/components/writes/unavailable-reason";
import { WriteButton } from "@/components/writes/write-button";

const CELL = "px-3 py-2 text-left align-middle";
const STACKED = "max-md:flex max-md:gap-3 max-md:py-0.5 max-md:before:w-28 max-md:before:shrink-0 max-md:before:text-xs max-md:before:text-muted max-md:before:content-[attr(data-label)]";
const REASON_ID = "deleted-partners-reason";

/** A deleted partner with the name and domain its tenant gives, as the rows and the search see it. */
interface NamedDeletedPartner extends DeletedPartner {
  name: string | null;
}

function Row({
  partner,
  now,
  outcome,
  sending,
  context,
  canWrite,
  busy,
  selected,
  onToggle,
  onRestore,
  onPurge,
}: {
  partner: NamedDeletedPartner;
  now: Date;
  outcome: WriteOutcome | undefined;
  /** The write taking this row out of deleted items, on its way: the row stays, marked, until Graph answers. */
  sending: DeletedPartnerWrite | null;
  /** The words of the run the outcome belongs to (a throttled row waiting for the automatic resend says so). */
  context: OutcomeContext;
  canWrite: boolean;
  busy: boolean;
  selected: boolean;
  onToggle: () => void;
  onRestore: () => void;
  onPurge: () => void;
}) {
  const { name } = partner;
  const label = name ?? partner.tenantId;
  // A row on its way says so; an earlier outcome (throttled before this resend) no longer holds. One being checked says that.
  const shown = sending && outcome?.kind !== "checking" ? undefined : outcome;
  const message = shown ? describeWriteOutcome(shown, context) : sending ? sendingMessage(sending) : null;
  return (
    <tr className="border-b border-border last:border-0 hover:bg-surface-muted/60 max-md:block max-md:py-1.5">
      <td className={`${CELL} w-8 max-md:float-left max-md:pr-0`}>
        <input type="checkbox" aria-label={`Select ${label}`} checked={selected} onChange={onToggle} className="size-4 accent-[var(--accent)]" />
      </td>
      <td data-label="Name" className={`${CELL} max-md:block`}>
        <span className="font-medium">{name ?? <span className="italic text-muted">Unnamed partner</span>}</span>
        {partner.defaultDomainName ? <span className="block truncate text-xs text-muted">{partner.defaultDomainName}</span> : null}
        {message ? (
          <p role={shown ? "alert" : "status"} className="mt-0.5 flex items-start gap-1 text-xs text-muted">
            <OutcomeIcon tone={message.tone} />
            <span>
              <strong className="text-fg">{message.label}.</strong> {message.detail}
            </span>
          </p>
        ) : null}
      </td>
      <td data-label="Tenant ID" className={`${CELL} ${STACKED} whitespace-nowrap max-md:whitespace-normal max-md:break-all`}>
        <TenantId tenantId={partner.tenantId} />
      </td>
      <td data-label="Deleted" className={`${CELL} ${STACKED} whitespace-nowrap`}>
        {formatDate(partner.deletedDateTime)}
      </td>
      <td data-label="Deleted by" className={`${CELL} ${STACKED}`}>
        <DeletedByCell tenantId={partner.tenantId} />
      </td>
      <td data-label="Days left" className={`${CELL} ${STACKED} whitespace-nowrap`}>
        <DaysLeft deletedDateTime={partner.deletedDateTime} now={now} />
      </td>
      <td className={`${CELL} whitespace-nowrap text-right max-md:block max-md:text-left`}>
        <WriteButton size="sm" allowed={canWrite} reasonId={REASON_ID} aria-label={`Restore ${label}`} disabled={busy} onClick={onRestore}>
          <RotateCcw aria-hidden className="size-3.5" />
          Restore
        </WriteButton>
        <WriteButton size="sm" variant="ghost" allowed={canWrite} reasonId={REASON_ID} aria-label={`Purge ${label}`} disabled={busy} onClick={onPurge}>
          <Trash2 aria-hidden className="size-3.5" />
          Purge
        </WriteButton>
      </td>
    </tr>
  );
}

export function DeletedPartnersView() {
  const [filter, updateFilter] = useUrlState<DeletedFilter>(parseDeletedFilter, toDeletedSearchParams);
  const deleted = useDeletedPartners();
  const permission = useWritePermission();
  const [now] = useState(() => new Date());
  const [selected, setSelected, deselectIds] = usePersistentSelection("deleted-partner-selection");
  const deselect = useCallback((outcomes: WriteOutcome[]) => deselectIds(outcomes.filter(isSettledOutcome).map((outcome) => outcome.tenantId)), [deselectIds]);
  const [confirming, setConfirming] = useState<NamedDeletedPartner[]>([]);
  const [purging, setPurging] = useState<NamedDeletedPartner[]>([]);

  const ids = useMemo(() => deleted.data?.map((partner) => partner.tenantId), [deleted.data]);
  const lookup = useTenantInformationLookup(ids);
  const named = useMemo<NamedDeletedPartner[]>(
    () =>
      (deleted.data ?? []).map((partner) => {
        const info = lookup(partner.tenantId);
        return { ...partner, name: info?.displayName ?? partner.displayName, defaultDomainName: info?.defaultDomainName ?? partner.defaultDomainName ?? null };
      }),
    [deleted.data, lookup],
  );
  const nameOf = useCallback((tenantId: string) => named.find((partner) => partner.tenantId === tenantId)?.name ?? null, [named]);

  const restores = useDeletedPartnerRun<NamedDeletedPartner>("restore-partner", { nameOf: (item) => nameOf(item.tenantId), onSettled: deselect });
  const purges = useDeletedPartnerRun<NamedDeletedPartner>("purge-partner", { onSettled: deselect });
  // A restore or purge takes its rows out of the cache at once; the list keeps them, marked, until Graph answers.
  const sendingWrite = (tenantId: string): DeletedPartnerWrite | null => {
    const id = tenantId.toLowerCase();
    return id in purges.sending ? "purge-partner" : id in restores.sending ? "restore-partner" : null;
  };
  const all = useMemo(() => withItemsOnTheirWay(named, restores.sending, purges.sending), [named, restores.sending, purges.sending]);
  const visible = useMemo(() => filterDeletedItems(all, filter, now, (partner) => `${partner.name ?? ""} ${partner.defaultDomainName ?? ""}`), [all, filter, now]);
  const selectedPartners = useMemo(() => visible.filter((partner) => selected.has(partner.tenantId)), [visible, selected]);
  const hiddenSelected = all.filter((partner) => selected.has(partner.tenantId)).length - selectedPartners.length;

  const busy = restores.pending || purges.pending;
  const outcomes = new Map([...(restores.run?.outcomes ?? []), ...(purges.run?.outcomes ?? [])].map((outcome) => [outcome.tenantId.toLowerCase(), outcome]));
  const toItem = (partner: NamedDeletedPartner): DeletedItem => ({ tenantId: partner.tenantId, name: partner.name });

  return (
    <div>
      <Link href="/partners" className="mb-2 inline-flex items-center gap-1 text-sm text-muted hover:text-fg">
        <ChevronLeft aria-hidden className="size-4" />
        Partners
      </Link>
      <PageHeader
        title="Deleted partners"
        description={`Partner configurations in deleted items. They can be restored for ${RETENTION_DAYS} days after deletion, then Microsoft Entra purges them.`}
        actions={<RefreshButton onRefresh={() => void deleted.refetch()} refreshing={deleted.isFetching} updatedAt={deleted.dataUpdatedAt} />}
      />
      {!permission.allowed ? <UnavailableReason id={REASON_ID} reason={permission.reason} className="mb-3 flex items-start gap-2 rounded-md border border-border bg-surface px-3 py-2 text-[13px]" /> : null}
      {restores.run || purges.run ? (
        <div className="mb-3 space-y-3">
          <WriteResults title="Restore results" flow={restores} canRetry={permission.allowed} linkToPartner />
          <WriteResults title="Purge results" flow={purges} canRetry={permission.allowed} />
        </div>
      ) : null}
      {deleted.isPending ? (
        <div role="status" aria-label="Loading deleted partners" className="space-y-2">
          <Skeleton className="h-10 w-full" />
          <Skeleton className="h-10 w-full" />
        </div>
      ) : deleted.isError ? (
        <GraphErrorPanel error={deleted.error} onRetry={() => void deleted.refetch()} context="Deleted partners could not be loaded." />
      ) : all.length === 0 ? (
        <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border-strong bg-surface px-6 py-12 text-center">
          <Trash2 aria-hidden className="size-6 text-muted" />
          <p className="font-medium">No deleted partners</p>
          <p className="text-muted">Partners deleted in the last {RETENTION_DAYS} days appear here.</p>
        </div>
      ) : (
        <div className="space-y-3">
          <div role="search" className="flex flex-wrap items-center gap-3">
            <SearchInput label="Search deleted partners" placeholder="Search by name, domain or tenant ID" value={filter.query} onChange={(query) => updateFilter({ query })} />
            <ExpiringOnlyFilter checked={filter.expiringOnly} onChange={(expiringOnly) => updateFilter({ expiringOnly })} />
            <div className="ml-auto flex flex-wrap items-center gap-3">
              <p className="text-xs text-muted" aria-live="polite">
                {selectedPartners.length > 0 ? `${selectedPartners.length} selected · ` : ""}
                {hiddenSelected > 0 ? `${hiddenSelected} more selected but hidden by the filter (not included) · ` : ""}
                Showing {visible.length} of {all.length} deleted partners
              </p>
              <WriteButton
                size="sm"
                variant="primary"
                allowed={permission.allowed}
                reasonId={REASON_ID}
                disabled={selectedPartners.length === 0 || busy}
                onClick={() => setConfirming(selectedPartners)}
              >
                <RotateCcw aria-hidden className="size-3.5" />
                {restores.pending ? "Restoring…" : `Restore selected${selectedPartners.length > 0 ? ` (${selectedPartners.length})` : ""}`}
              </WriteButton>
              <WriteButton
                size="sm"
                allowed={permission.allowed}
                reasonId={REASON_ID}
                disabled={selectedPartners.length === 0 || busy}
                onClick={() => setPurging(selectedPartners)}
              >
                <Trash2 aria-hidden className="size-3.5" />
                {purges.pending ? "Purging…" : `Purge selected${selectedPartners.length > 0 ? ` (${selectedPartners.length})` : ""}`}
              </WriteButton>
            </div>
          </div>
          {visible.length > 0 ? (
            <DeletedByProvider policies={all} kind="partner-deleted">
              <div className="rounded-lg border border-border bg-surface">
                <table className="w-full border-collapse text-sm max-md:block">
                  <caption className="sr-only">Deleted partners, soonest purge first</caption>
                  <thead className="border-b border-border bg-surface-muted text-xs text-muted max-md:block">
                    <tr className="max-md:flex max-md:items-center">
                      <th scope="col" className={`${CELL} w-8 py-1.5 max-md:w-auto`}>
                        <SelectAllShown label="Select all shown partners" shown={visible.length} selected={selectedPartners.length} onToggle={() => setSelected(toggleAllShown(selected, visible.map((partner) => partner.tenantId)))} />
                      </th>
                      <th scope="col" className={`${CELL} py-1.5 font-medium max-md:sr-only`}>Name</th>
                      <th scope="col" className={`${CELL} py-1.5 font-medium max-md:sr-only`}>Tenant ID</th>
                      <th scope="col" className={`${CELL} py-1.5 font-medium max-md:sr-only`}>Deleted</th>
                      <th scope="col" className={`${CELL} py-1.5 font-medium max-md:sr-only`}>Deleted by</th>
                      <th scope="col" className={`${CELL} py-1.5 font-medium max-md:sr-only`}>Days left</th>
                      <th scope="col" className={`${CELL} py-1.5 text-right max-md:sr-only`}>
                        <span className="sr-only">Actions</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody className="max-md:block">
                    {visible.map((partner) => (
                      <Row
                        key={partner.tenantId}
                        partner={partner}
                        now={now}
                        outcome={outcomes.get(partner.tenantId.toLowerCase())}
                        sending={sendingWrite(partner.tenantId)}
                        context={outcomes.get(partner.tenantId.toLowerCase())?.write === "purge-partner" ? purges.messageContext : restores.messageContext}
                        canWrite={permission.allowed}
                        busy={busy}
                        selected={selected.has(partner.tenantId)}
                        onToggle={() => setSelected(toggleSelected(selected, partner.tenantId))}
                        onRestore={() => setConfirming([partner])}
                        onPurge={() => setPurging([partner])}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
            </DeletedByProvider>
          ) : (
            <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border-strong bg-surface px-6 py-12 text-center">
              <Trash2 aria-hidden className="size-6 text-muted" />
              <p className="font-medium">No deleted partners match these filters</p>
              <Button size="sm" onClick={() => updateFilter({ query: "", expiringOnly: false })}>
                Clear filters
              </Button>
            </div>
          )}
        </div>
      )}
      <PurgeDialog
        noun="partner"
        items={purging.map(toItem)}
        onOpenChange={(open) => !open && setPurging([])}
        onConfirm={() => void purges.start(purging)}
      />
      <RestoreDialog
        open={confirming.length > 0}
        noun="partner"
        items={confirming.map(toItem)}
        onOpenChange={(open) => !open && setConfirming([])}
        onConfirm={() => void restores.start(confirming)}
      />
    </div>
  );
}
