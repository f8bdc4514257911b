"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import { ChevronLeft, RotateCcw, Trash2 } from "lucide-react";
import type { DeletedPartner } from "@/lib/core/models";
import { formatDate, RETENTION_DAYS } from "@/lib/deleted/retention";
import { useDeletedPartners, useRereadDeletedPartnerIds } from "@/lib/queries/deleted-partners";
import { usePurgePartners, useRestorePartners } from "@/lib/queries/partner-writes";
import { getCachedTenantInformation, useTenantInformation } from "@/lib/queries/tenant-information";
import { describeWriteOutcome } from "@/lib/writes/messages";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { GraphErrorPanel } from "@/components/feedback/graph-error-panel";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { PageHeader } from "@/components/ui/page-header";
import { RefreshButton } from "@/components/ui/refresh-button";
import { Skeleton } from "@/components/ui/skeleton";
import { TenantId } from "@/components/ui/tenant-id";
import { DaysLeft } from "@/components/shared/days-left";
import { OutcomeIcon } from "@/components/writes/outcome-icon";
import { PurgeDialog, type PurgeItem } from "@/components/shared/purge-dialog";
import { useWriteRun } from "@/components/writes/use-write-run";
import { WriteResults } from "@/components/writes/write-results";
import { useWritePermission } from "@/components/writes/use-write-permission";
import { UnavailableReason } from "@/components/writes/unavailable-reason";
import { WriteButton } from "@/components/writes/write-button";

const CELL = "px-3 py-2 text-left align-middle";
const REASON_ID = "deleted-partners-reason";

function useDeletedPartnerName(partner: DeletedPartner): string | null {
  return useTenantInformation(partner.tenantId)?.displayName ?? partner.displayName;
}

function DeletedPartnerName({ partner }: { partner: DeletedPartner }) {
  const name = useDeletedPartnerName(partner);
  return <strong className="text-fg">{name ?? "an unnamed partner"}</strong>;
}

function Row({
  partner,
  now,
  outcome,
  canWrite,
  onRestore,
  onPurge,
}: {
  partner: DeletedPartner;
  now: Date;
  outcome: WriteOutcome | undefined;
  canWrite: boolean;
  onRestore: (name: string | null) => void;
  onPurge: (name: string | null) => void;
}) {
  const name = useDeletedPartnerName(partner);
  const message = outcome ? describeWriteOutcome(outcome) : null;
  return (
    <tr className="border-b border-border last:border-0 hover:bg-surface-muted/60">
      <td className={CELL}>
        <span className="font-medium">{name ?? <span className="italic text-muted">Unnamed partner</span>}</span>
        {message ? (
          <p role="alert" className="mt-0.5 flex items-start gap-1 text-xs text-muted">
            <OutcomeIcon tone={message.tone} />
            <span>
              <strong className="text-fg">{message.label}.</strong> {message.detail}
            </span>
          </p>
        ) : null}
      </td>
      <td className={`${CELL} whitespace-nowrap`}>
        <TenantId tenantId={partner.tenantId} />
      </td>
      <td className={`${CELL} whitespace-nowrap`}>{formatDate(partner.deletedDateTime)}</td>
      <td className={`${CELL} whitespace-nowrap`}>
        <DaysLeft deletedDateTime={partner.deletedDateTime} now={now} />
      </td>
      <td className={`${CELL} text-right`}>
        <WriteButton size="sm" allowed={canWrite} reasonId={REASON_ID} aria-label={`Restore ${name ?? partner.tenantId}`} onClick={() => onRestore(name)}>
          <RotateCcw aria-hidden className="size-3.5" />
          Restore
        </WriteButton>
        <WriteButton size="sm" variant="ghost" allowed={canWrite} reasonId={REASON_ID} aria-label={`Purge ${name ?? partner.tenantId}`} onClick={() => onPurge(name)}>
          <Trash2 aria-hidden className="size-3.5" />
          Purge
        </WriteButton>
      </td>
    </tr>
  );
}

export function DeletedPartnersView() {
  const deleted = useDeletedPartners();
  const sorted = useMemo(() => [...(deleted.data ?? [])].sort((a, b) => a.deletedDateTime.localeCompare(b.deletedDateTime)), [deleted.data]);
  const permission = useWritePermission();
  const [now] = useState(() => new Date());
  const [confirming, setConfirming] = useState<{ partner: DeletedPartner; name: string | null } | null>(null);
  const [purging, setPurging] = useState<PurgeItem | null>(null);
  const restore = useRestorePartners();
  const purge = usePurgePartners();
  const stillDeleted = useRereadDeletedPartnerIds();
  const restores = useWriteRun<PurgeItem>({
    write: "restore-partner",
    send: (items) => restore.mutateAsync({ tenantIds: items.map((item) => item.tenantId) }),
    tenantIdOf: (item) => item.tenantId,
    nameOf: (item) => getCachedTenantInformation(item.tenantId)?.displayName ?? item.name ?? item.tenantId,
    stillToDo: stillDeleted,
  });
  const purges = useWriteRun<PurgeItem>({
    write: "purge-partner",
    send: (items) => purge.mutateAsync({ tenantIds: items.map((item) => item.tenantId) }),
    tenantIdOf: (item) => item.tenantId,
    nameOf: (item) => item.name ?? item.tenantId,
    stillToDo: stillDeleted,
  });
  const outcomes = new Map([...(restores.run?.outcomes ?? []), ...(purges.run?.outcomes ?? [])].map((outcome) => [outcome.tenantId.toLowerCase(), outcome]));

  const confirm = () => {
    if (!confirming) return;
    setConfirming(null);
    void restores.start([{ tenantId: confirming.partner.tenantId, name: confirming.name }]);
  };

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
      ) : deleted.data.length === 0 ? (
        <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-border-strong bg-surface px-6 py-12 text-center">
          <Trash2 aria-hidden className="size-6 text-muted" />
          <p className="font-medium">No deleted partners</p>
          <p className="text-muted">Partners deleted in the last {RETENTION_DAYS} days appear here.</p>
        </div>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-border bg-surface">
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">Deleted partners, soonest purge first</caption>
            <thead className="border-b border-border bg-surface-muted text-xs text-muted">
              <tr>
                <th scope="col" className={CELL}>Name</th>
                <th scope="col" className={CELL}>Tenant ID</th>
                <th scope="col" className={CELL}>Deleted</th>
                <th scope="col" className={CELL}>Days left</th>
                <th scope="col" className={`${CELL} text-right`}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sorted.map((partner) => (
                <Row
                  key={partner.tenantId}
                  partner={partner}
                  now={now}
                  outcome={outcomes.get(partner.tenantId.toLowerCase())}
                  canWrite={permission.allowed}
                  onRestore={(name) => setConfirming({ partner, name })}
                  onPurge={(name) => setPurging({ tenantId: partner.tenantId, name })}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <PurgeDialog
        noun="partner"
        items={purging ? [purging] : []}
        onOpenChange={(open) => !open && setPurging(null)}
        onConfirm={() => {
          if (purging) void purges.start([purging]);
          setPurging(null);
        }}
      />
      <Dialog open={confirming !== null} onOpenChange={(open) => !open && setConfirming(null)}>
        <DialogContent
          title="Restore partner"
          description={
            <p>
              Restore the cross-tenant access configuration of {confirming ? <DeletedPartnerName partner={confirming.partner} /> : null} (tenant{" "}
              <span className="font-mono text-xs text-fg">{confirming?.partner.tenantId}</span>) from deleted items.
            </p>
          }
        >
          <p className="rounded-md bg-surface-muted p-3 text-[13px]">
            The partner comes back with the settings Graph kept. Its sync policy, if it had one, is restored separately from deleted sync policies.
          </p>
          <DialogActions>
            <Button variant="primary" onClick={confirm}>
              <RotateCcw aria-hidden className="size-3.5" />
              Restore
            </Button>
          </DialogActions>
        </DialogContent>
      </Dialog>
    </div>
  );
}
