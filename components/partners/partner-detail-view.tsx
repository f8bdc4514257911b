"use client";

import Link from "next/link";
import { AlarmClock, ChevronLeft, CircleDashed, SearchX, Trash2 } from "lucide-react";
import { usePartnerDetail } from "@/lib/queries/partners";
import type { DeletedSyncPolicy, Partner } from "@/lib/models";
import { syncStateOf } from "@/lib/partner-display";
import { formatDate, formatTimeLeft, isExpiringSoon } from "@/lib/retention";
import { GraphErrorPanel } from "@/components/feedback/graph-error-panel";
import { CopyButton } from "@/components/ui/copy-button";
import { RefreshButton } from "@/components/ui/refresh-button";
import { Skeleton } from "@/components/ui/skeleton";
import { RestoreFromDetail } from "@/components/deleted-policies/restore-from-detail";
import { PartnerName } from "./partner-name";
import { AccessSettingRows, Inherited, SettingRow } from "./setting-list";
import { TriStateValue, UserSyncState } from "./sync-state";

function Section({ title, children, actions }: { title: string; children: React.ReactNode; actions?: React.ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-border bg-surface">
      <div className="flex items-center justify-between gap-2 border-b border-border px-4 py-2.5">
        <h2 className="font-semibold">{title}</h2>
        {actions}
      </div>
      <div className="px-4 py-1">{children}</div>
    </section>
  );
}


function SyncPolicySection({ partner, deleted }: { partner: Partner; deleted: DeletedSyncPolicy | null }) {
  const policy = partner.syncPolicy;
  if (policy) {
    return (
      <Section title="Identity synchronization">
        <dl>
          <SettingRow label="Inbound user sync">
            <UserSyncState state={syncStateOf(partner)} />
            {policy.userSyncAllowed === null ? <span className="ml-2 text-xs text-muted">(userSyncInbound not set)</span> : null}
          </SettingRow>
          <SettingRow label="Inbound group sync">
            <TriStateValue value={policy.groupSyncAllowed} nullLabel={"Not set"} />
          </SettingRow>
          <SettingRow label="Policy display name">{policy.displayName ?? <span className="italic text-muted">Not set</span>}</SettingRow>
          <SettingRow label="External cloud authorized application ID">
            {policy.externalCloudAuthorizedApplicationId ? (
              <span className="font-mono text-xs">{policy.externalCloudAuthorizedApplicationId}</span>
            ) : (
              <span className="italic text-muted">Not set</span>
            )}
          </SettingRow>
          <SettingRow label="Last deleted">{policy.deletedDateTime ? formatDate(policy.deletedDateTime, true) : <span className="text-muted">Never</span>}</SettingRow>
        </dl>
      </Section>
    );
  }
  if (deleted) {
    return (
      <Section title="Identity synchronization">
        <div role="note" className="flex items-start gap-3 py-3">
          <Trash2 aria-hidden className="mt-0.5 size-5 shrink-0 text-warn" />
          <div className="space-y-1">
            <p className="font-medium">This partner&apos;s sync policy is in deleted items.</p>
            <p className="text-muted">
              Deleted {formatDate(deleted.deletedDateTime, true)}.{" "}
              <span className={isExpiringSoon(deleted.deletedDateTime) ? "font-medium text-warn" : undefined}>
                <AlarmClock aria-hidden className="mr-1 inline size-3.5" />
                {formatTimeLeft(deleted.deletedDateTime)} before it is purged permanently.
              </span>{" "}
              Until it is restored, users from this tenant are not synchronized.
            </p>
            <div className="flex flex-wrap items-center gap-3 pt-1">
              <RestoreFromDetail policy={deleted} />
              <Link href={`/deleted?q=${deleted.tenantId}`} className="text-accent hover:underline">
                View in deleted sync policies
              </Link>
            </div>
          </div>
        </div>
      </Section>
    );
  }
  return (
    <Section title="Identity synchronization">
      <div className="flex items-start gap-3 py-3">
        <CircleDashed aria-hidden className="mt-0.5 size-5 shrink-0 text-muted" />
        <p>
          <span className="font-medium">No sync policy.</span>{" "}
          <span className="text-muted">Cross-tenant synchronization does not bring users from this tenant into yours.</span>
        </p>
      </div>
    </Section>
  );
}

function ConfigurationSection({ partner }: { partner: Partner }) {
  const trust = partner.inboundTrust;
  const consent = partner.automaticUserConsentSettings;
  return (
    <Section title="Partner configuration">
      <dl>
        <SettingRow label="Service provider">
          <TriStateValue value={partner.isServiceProvider} trueLabel="Yes" falseLabel="No" nullLabel="Inherited from default" />
        </SettingRow>
        <SettingRow label="Multitenant organization">
          <TriStateValue value={partner.isInMultiTenantOrganization} trueLabel="Member" falseLabel="Not a member" nullLabel="Inherited from default" />
        </SettingRow>
        <SettingRow label="Inbound trust">
          {trust ? (
            <dl className="grid grid-cols-[220px_1fr] gap-x-2">
              <dt className="text-muted">MFA from partner</dt>
              <dd><TriStateValue value={trust.isMfaAccepted} trueLabel="Trusted" falseLabel="Not trusted" nullLabel="Inherited from default" /></dd>
              <dt className="text-muted">Compliant devices</dt>
              <dd><TriStateValue value={trust.isCompliantDeviceAccepted} trueLabel="Trusted" falseLabel="Not trusted" nullLabel="Inherited from default" /></dd>
              <dt className="text-muted">Hybrid Entra joined devices</dt>
              <dd><TriStateValue value={trust.isHybridAzureADJoinedDeviceAccepted} trueLabel="Trusted" falseLabel="Not trusted" nullLabel="Inherited from default" /></dd>
            </dl>
          ) : (
            <Inherited />
          )}
        </SettingRow>
        <SettingRow label="Automatic user consent">
          {consent ? (
            <dl className="grid grid-cols-[220px_1fr] gap-x-2">
              <dt className="text-muted">Inbound</dt>
              <dd><TriStateValue value={consent.inboundAllowed} trueLabel="Suppress consent prompts" falseLabel="Prompt users" nullLabel="Inherited from default" /></dd>
              <dt className="text-muted">Outbound</dt>
              <dd><TriStateValue value={consent.outboundAllowed} trueLabel="Suppress consent prompts" falseLabel="Prompt users" nullLabel="Inherited from default" /></dd>
            </dl>
          ) : (
            <Inherited />
          )}
        </SettingRow>
        <AccessSettingRows label="B2B collaboration inbound" setting={partner.b2bCollaborationInbound} />
        <AccessSettingRows label="B2B collaboration outbound" setting={partner.b2bCollaborationOutbound} />
        <AccessSettingRows label="B2B direct connect inbound" setting={partner.b2bDirectConnectInbound} />
        <AccessSettingRows label="B2B direct connect outbound" setting={partner.b2bDirectConnectOutbound} />
        <AccessSettingRows label="Tenant restrictions" setting={partner.tenantRestrictions} />
      </dl>
    </Section>
  );
}

function DetailSkeleton() {
  return (
    <div role="status" aria-label="Loading partner" className="space-y-4">
      <Skeleton className="h-6 w-64" />
      <Skeleton className="h-40 w-full rounded-lg" />
      <Skeleton className="h-72 w-full rounded-lg" />
    </div>
  );
}

export function PartnerDetailView({ tenantId }: { tenantId: string }) {
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
      ) : detail.isError ? (
        <GraphErrorPanel error={detail.error} onRetry={() => void detail.refetch()} context="This partner could not be loaded." />
      ) : !partner ? (
        <div role="alert" className="flex flex-col items-center gap-2 rounded-lg border border-border bg-surface px-6 py-12 text-center">
          <SearchX aria-hidden className="size-6 text-muted" />
          <h1 className="text-lg font-semibold">Partner not found</h1>
          <p className="text-muted">
            No cross-tenant access partner exists for tenant <span className="font-mono">{tenantId}</span>. It may have been removed.
          </p>
        </div>
      ) : (
        <>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h1 className="text-xl font-semibold tracking-tight">
                <PartnerName partner={partner} />
              </h1>
              <p className="mt-1 flex items-center gap-1 font-mono text-xs text-muted">
                Tenant ID {partner.tenantId}
                <CopyButton value={partner.tenantId} label="Copy tenant ID" />
              </p>
            </div>
            <div className="flex items-center gap-2">
              <CopyButton value={typeof window === "undefined" ? "" : window.location.href} label="Copy link" showText className="border border-border-strong" />
              <RefreshButton onRefresh={() => void detail.refetch()} refreshing={detail.isFetching} updatedAt={detail.dataUpdatedAt} />
            </div>
          </div>
          <SyncPolicySection partner={partner} deleted={detail.data.deletedSyncPolicy} />
          <ConfigurationSection partner={partner} />
        </>
      )}
    </div>
  );
}
