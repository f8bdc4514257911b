"use client";

import { useMemo, useState } from "react";
import Link from "next/link";
import { RotateCcw, SearchX, Trash2 } from "lucide-react";
import { formatDate } from "@/lib/deleted/retention";
import { useDeletedPartners } from "@/lib/queries/deleted-partners";
import { useTenantInformationLookup } from "@/lib/queries/tenant-information";
import { isSettledOutcome, type WriteOutcome } from "@/lib/writes/outcome";
import { GraphErrorPanel } from "@/components/feedback/graph-error-panel";
import { Skeleton } from "@/components/ui/skeleton";
import { DaysLeft } from "@/components/shared/days-left";
import type { DeletedItem } from "@/components/shared/deleted-items";
import { RestoreDialog } from "@/components/shared/restore-dialog";
import { useDeletedPartnerRun } from "@/components/shared/use-deleted-partner-runs";
import { useWritePermission } from "@/components/writes/use-write-permission";
import { UnavailableReason } from "@/components/writes/unavailable-reason";
import { WriteButton } from "@/components/writes/write-button";

const REASON_ID = "deleted-partner-reason";

function NotFound({ tenantId }: { tenantId: string }) {
  return (
    <div role="alert" className="flex flex-col items-center gap-2 rounded-lg border border-border bg-surface px-6 py-12 text-center">
      <SearchX aria-hidden className="size-6 text-muted" />
      <h1 className="text-lg font-semibold">Partner not found</h1>
      <p className="text-muted">
        No cross-tenant access partner exists for tenant <span className="font-mono">{tenantId}</span>. It may have been removed.
      </p>
    </div>
  );
}

/**
 * A shared link to a partner that is no longer live: when its configuration sits in deleted
 * items, the page says so (when, how long until it is purged) and offers Restore partner; only
 * when Graph knows it in neither place is it "not found". `onRestored` reads the partner again.
 */
export function DeletedPartnerNotice({ tenantId, onRestored }: { tenantId: string; onRestored: () => void }) {
  const deleted = useDeletedPartners();
  const permission = useWritePermission();
  const [confirming, setConfirming] = useState(false);
  const [now] = useState(() => new Date());
  const found = useMemo(() => deleted.data?.find((partner) => partner.tenantId.toLowerCase() === tenantId.toLowerCase()) ?? null, [deleted.data, tenantId]);
  // One array per partner found, not per render: the lookup asks again whenever its ids change.
  const ids = useMemo(() => (found ? [found.tenantId] : undefined), [found]);
  const lookup = useTenantInformationLookup(ids);
  const info = found ? lookup(found.tenantId) : null;
  const item: DeletedItem | null = found ? { tenantId: found.tenantId, name: info?.displayName ?? found.displayName ?? null } : null;

  const restores = useDeletedPartnerRun<DeletedItem>("restore-partner", {
    onSettled: (outcomes: WriteOutcome[]) => {
      if (outcomes.some(isSettledOutcome)) onRestored();
    },
  });

  if (deleted.isPending) return <Skeleton className="h-40 w-full rounded-lg" />;
  // Not live, and deleted items could not be read: "not found" would be a guess.
  if (deleted.isError && !deleted.data) return <GraphErrorPanel error={deleted.error} onRetry={() => void deleted.refetch()} context="This partner is not live, and deleted items could not be read to check for it." />;
  if (!found || !item) return <NotFound tenantId={tenantId} />;
  const domain = info?.defaultDomainName ?? found.defaultDomainName ?? null;
  return (
    <section aria-labelledby="deleted-partner-heading" className="space-y-3 rounded-lg border border-border bg-surface px-5 py-4">
      <div className="flex items-start gap-3">
        <Trash2 aria-hidden className="mt-1 size-5 shrink-0 text-muted" />
        <div className="min-w-0 space-y-1">
          <h1 id="deleted-partner-heading" className="text-xl font-semibold tracking-tight">
            {item.name ?? <span className="italic">Unnamed partner</span>}
            {domain ? <span className="block text-sm font-normal break-all text-muted">{domain}</span> : null}
          </h1>
          <p className="font-mono text-xs text-muted">Tenant ID {found.tenantId}</p>
          <p role="status" className="text-sm">
            <strong>In deleted items.</strong> Deleted {formatDate(found.deletedDateTime)} ·{" "}
            <DaysLeft deletedDateTime={found.deletedDateTime} now={now} />. Its cross-tenant access
            settings can be restored until Microsoft Entra purges them.
          </p>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <WriteButton allowed={permission.allowed} reasonId={REASON_ID} variant="primary" disabled={restores.pending} onClick={() => setConfirming(true)}>
          <RotateCcw aria-hidden className="size-3.5" />
          {restores.pending ? "Restoring…" : "Restore partner"}
        </WriteButton>
        <Link href="/partners/deleted" className="text-sm text-accent hover:underline">
          Deleted partners
        </Link>
      </div>
      {!permission.allowed ? <UnavailableReason id={REASON_ID} reason={permission.reason} /> : null}
      <RestoreDialog open={confirming} noun="partner" items={[item]} onOpenChange={setConfirming} onConfirm={() => void restores.start([item])} />
    </section>
  );
}
