"use client";

import type { ReactNode } from "react";
import Link from "next/link";
import { ChevronLeft } from "lucide-react";
import { usePartnerDetail } from "@/lib/queries/partners";
import type { Partner } from "@/lib/core/models";
import { GraphErrorPanel } from "@/components/feedback/graph-error-panel";
import { RefreshFailed } from "@/components/feedback/refresh-failed";
import { CopyButton } from "@/components/ui/copy-button";
import { RefreshButton } from "@/components/ui/refresh-button";
import { Skeleton } from "@/components/ui/skeleton";
import { ConfigurationSection } from "./partner-configuration-section";
import { PartnerName, usePartnerName } from "./partner-name";
import { DeletePartner } from "./delete-partner";
import { DeletedPartnerNotice } from "./deleted-partner-notice";
import { SyncPolicySection } from "./sync-policy-section";

function DetailSkeleton() {
  return (
    <div role="status" aria-label="Loading partner" className="space-y-4">
      <Skeleton className="h-6 w-64" />
      <Skeleton className="h-40 w-full rounded-lg" />
      <Skeleton className="h-72 w-full rounded-lg" />
    </div>
  );
}

function DeletePartnerFor({ partner }: { partner: Partner }) {
  return <DeletePartner partner={partner} name={usePartnerName(partner)} />;
}

/**
 * `timeline`: the partner's change history (audit), shown under its settings once the partner is found;
 * `outbound`: our sync configurations to this partner, beside its inbound sync policy.
 */
export function PartnerDetailView({ tenantId, timeline, outbound }: { tenantId: string; timeline: ReactNode; outbound?: ReactNode }) {
  const detail = usePartnerDetail(tenantId);
  const partner = detail.data?.partner ?? null;

  return (
    <div className="space-y-4">
      <Link href="/partners" className="inline-flex items-center gap-1 text-sm text-muted hover:text-fg">
        <ChevronLeft aria-hidden className="size-4" />
        Partners
      </Link>
      {detail.isPending ? (
        <DetailSkeleton />
      ) : detail.isError && !detail.data ? (
        <GraphErrorPanel error={detail.error} onRetry={() => void detail.refetch()} context="This partner could not be loaded." />
      ) : !partner ? (
        <DeletedPartnerNotice tenantId={tenantId} onRestored={() => void detail.refetch()} />
      ) : (
        <>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h1 className="text-xl font-semibold tracking-tight">
                <PartnerName partner={partner} showDomain />
              </h1>
              <p className="mt-1 flex items-center gap-1 font-mono text-xs text-muted">
                Tenant ID {partner.tenantId}
                <CopyButton value={partner.tenantId} label="Copy tenant ID" />
              </p>
            </div>
            <div className="flex flex-wrap items-start gap-2">
              <CopyButton value={typeof window === "undefined" ? "" : window.location.href} label="Copy link" showText className="border border-border-strong" />
              <RefreshButton onRefresh={() => void detail.refetch()} refreshing={detail.isFetching} updatedAt={detail.dataUpdatedAt} failed={detail.isError} />
              <DeletePartnerFor partner={partner} />
            </div>
          </div>
          {detail.isError ? <RefreshFailed error={detail.error} updatedAt={detail.dataUpdatedAt} failedAt={detail.errorUpdatedAt} onRetry={() => void detail.refetch()} retrying={detail.isFetching} /> : null}
          <SyncPolicySection partner={partner} deleted={detail.data.deletedSyncPolicy} />
          {outbound}
          <ConfigurationSection partner={partner} />
          {timeline}
        </>
      )}
    </div>
  );
}
