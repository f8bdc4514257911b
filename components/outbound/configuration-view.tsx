"use client";

import { useMemo } from "react";
import Link from "next/link";
import { ChevronLeft, SearchX } from "lucide-react";
import { diagnose } from "@/lib/outbound/diagnose";
import type { SyncConfigurationDetail, SyncJob } from "@/lib/outbound/models";
import { jobStatus } from "@/lib/outbound/status";
import { useDefaultPolicy } from "@/lib/queries/default-policy";
import { useOutboundDetail } from "@/lib/queries/outbound";
import { usePartnerDetail } from "@/lib/queries/partners";
import { useTenantInformationLookup } from "@/lib/queries/tenant-information";
import { CopyButton } from "@/components/ui/copy-button";
import { Section } from "@/components/ui/detail-section";
import { RefreshButton } from "@/components/ui/refresh-button";
import { Skeleton } from "@/components/ui/skeleton";
import { OutboundStatusLabel } from "@/components/shared/outbound-status";
import { FixList } from "./fix-list";
import { JobControls, type JobContext } from "./job-actions";
import { LastCycle, QuarantineDetails, useNow } from "./outbound-view";
import { ProvisionOnDemand } from "./provision-on-demand";
import { SyncReadProblem, SyncRoleNeeded } from "./sync-read-problem";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[180px_1fr] gap-2 border-b border-border py-2 last:border-0 max-sm:grid-cols-1">
      <dt className="text-muted">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function HealthSummary({ job, now }: { job: SyncJob; now: number }) {
  const status = jobStatus(job);
  return (
    <Section title="Health">
      <dl>
        <Row label="Status">
          <OutboundStatusLabel status={status} />
          <QuarantineDetails row={{ job }} now={now} />
        </Row>
        <Row label="Last cycle">
          <LastCycle row={{ job }} now={now} />
        </Row>
        <Row label="Users in sync">{(job.usersInSync ?? 0).toLocaleString("en-US")}</Row>
        <Row label="Schedule">{job.scheduleState === "Active" ? "Every 40 minutes" : job.scheduleState === "Paused" ? "Paused" : "Not running"}</Row>
      </dl>
    </Section>
  );
}

/** Our outbound automatic redemption for the target: the partner's own value, else the default's; and whether the partner exists. */
function usePartnerFacts(targetTenantId: string | null) {
  const partner = usePartnerDetail(targetTenantId ?? "", targetTenantId !== null);
  const defaults = useDefaultPolicy();
  if (!targetTenantId || partner.isPending || partner.isError) return { ourOutbound: null, partnerExists: null };
  const found = partner.data.partner;
  if (!found) return { ourOutbound: null, partnerExists: false };
  const own = found.automaticUserConsentSettings?.outboundAllowed;
  const ourOutbound = own ?? defaults.data?.automaticUserConsentSettings?.outboundAllowed ?? null;
  return { ourOutbound, partnerExists: true };
}

function Loaded({ detail, servicePrincipalId }: { detail: SyncConfigurationDetail; servicePrincipalId: string }) {
  const now = useNow();
  const targetIds = useMemo(() => (detail.targetTenantId ? [detail.targetTenantId] : []), [detail.targetTenantId]);
  const info = useTenantInformationLookup(targetIds)(detail.targetTenantId ?? "");
  const targetName = info?.displayName ?? detail.targetTenantId ?? "the target";
  const facts = usePartnerFacts(detail.targetTenantId);
  const job = detail.job;
  if (!job) return detail.readError?.status === 403 ? <SyncRoleNeeded requestId={detail.readError.requestId} /> : <p className="text-muted">This configuration has no sync job yet.</p>;
  const context: JobContext = { servicePrincipalId, job, targetName };
  const causes = diagnose({ servicePrincipalId, job, targetName, targetTenantId: detail.targetTenantId, ...facts });
  return (
    <div className="space-y-4">
      <p className="text-muted">
        Pushes users to{" "}
        {detail.targetTenantId ? (
          <Link href={`/partners/${detail.targetTenantId}`} className="text-accent hover:underline">
            {targetName}
          </Link>
        ) : (
          "no target yet"
        )}
        {info?.defaultDomainName ? ` (${info.defaultDomainName})` : ""}.
      </p>
      <HealthSummary job={job} now={now} />
      <Section title="What is wrong and how to fix it">
        <FixList causes={causes} context={context} targetTenantId={detail.targetTenantId} />
      </Section>
      <Section title="Connection and schedule">
        <JobControls context={context} />
      </Section>
      <Section title="Provision on demand">
        <ProvisionOnDemand context={context} />
      </Section>
      <p className="text-sm">
        <Link href={`/outbound/${servicePrincipalId}/errors`} className="text-accent hover:underline">
          Provisioning errors of this configuration, grouped
        </Link>
      </p>
    </div>
  );
}

export function ConfigurationView({ servicePrincipalId }: { servicePrincipalId: string }) {
  const detail = useOutboundDetail(servicePrincipalId);
  const configuration = detail.data?.configuration ?? null;
  return (
    <div className="space-y-4">
      <Link href="/outbound" className="inline-flex items-center gap-1 text-sm text-muted hover:text-fg">
        <ChevronLeft aria-hidden className="size-4" />
        Outbound sync
      </Link>
      {detail.isPending ? (
        <div role="status" aria-label="Loading sync configuration" className="space-y-4">
          <Skeleton className="h-6 w-64" />
          <Skeleton className="h-40 w-full rounded-lg" />
        </div>
      ) : detail.isError ? (
        <SyncReadProblem error={detail.error} onRetry={() => void detail.refetch()} context="This sync configuration could not be read." />
      ) : !configuration ? (
        <div role="alert" className="flex flex-col items-center gap-2 rounded-lg border border-border bg-surface px-6 py-12 text-center">
          <SearchX aria-hidden className="size-6 text-muted" />
          <h1 className="text-lg font-semibold">Sync configuration not found</h1>
          <p className="text-muted">
            No cross-tenant sync configuration has the id <span className="font-mono">{servicePrincipalId}</span>. It may have been deleted.
          </p>
        </div>
      ) : (
        <>
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h1 className="text-xl font-semibold tracking-tight">{configuration.displayName ?? "Unnamed configuration"}</h1>
              <p className="mt-1 flex items-center gap-1 font-mono text-xs text-muted">
                Service principal {servicePrincipalId}
                <CopyButton value={servicePrincipalId} label="Copy service principal ID" />
              </p>
            </div>
            <div className="flex items-center gap-2">
              <CopyButton value={typeof window === "undefined" ? "" : window.location.href} label="Copy link" showText className="border border-border-strong" />
              <RefreshButton onRefresh={() => void detail.refetch()} refreshing={detail.isFetching} updatedAt={detail.dataUpdatedAt} />
            </div>
          </div>
          <Loaded detail={detail.data} servicePrincipalId={servicePrincipalId} />
        </>
      )}
    </div>
  );
}
