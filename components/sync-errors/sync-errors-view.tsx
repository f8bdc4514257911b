"use client";

import { PeriodSelect, REPORT_SELECT } from "@/components/shared/period-select";
import { useMemo, useState } from "react";
import Link from "next/link";
import { ChevronLeft, Download, ListChecks } from "lucide-react";
import { countAffectedUsers, groupByErrorCode } from "@/lib/sync-errors/group";
import { toSyncErrorsCsv } from "@/lib/sync-errors/csv";
import {
  ACTION_LABELS,
  MAX_USER_FILTER_LENGTH,
  parseSyncErrorFilters,
  serializeSyncErrorFilters,
  STATUS_LABELS,
  type SyncErrorFilters,
} from "@/lib/sync-errors/filters";
import type { PeriodDays } from "@/lib/core/period";
import { PROVISIONING_ACTIONS, type ProvisioningAction, type ProvisioningStatus } from "@/lib/sync-errors/types";
import { AUTO_READS, useProvisioningEvents, useSyncConfigurationName } from "@/lib/queries/provisioning-logs";
import { GraphActionError } from "@/lib/queries/graph-action";
import { useTenantInformationLookup } from "@/lib/queries/tenant-information";
import { downloadCsv } from "@/lib/browser/download-csv";
import { useUrlState } from "@/lib/browser/use-url-state";
import { AuditStatus } from "@/components/shared/audit-status";
import { retryAuditRead } from "@/components/shared/retry-audit-read";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { TenantId } from "@/components/ui/tenant-id";
import { ErrorGroupCard } from "./error-group-card";

const STATUS_OPTIONS: (ProvisioningStatus | "all")[] = ["failure", "warning", "skipped", "success", "all"];

function UserFilter({ value, onApply }: { value: string | null; onApply: (user: string | null) => void }) {
  const [draft, setDraft] = useState(value ?? "");
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(value ?? "");
  }
  const apply = () => {
    const next = draft.trim() || null;
    if (next !== value) onApply(next);
  };
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <label className="flex items-center gap-2 text-sm text-muted">
        User
        <input
          type="search"
          value={draft}
          maxLength={MAX_USER_FILTER_LENGTH}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={apply}
          placeholder="Name or sign-in name"
          className="h-8 w-56 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg placeholder:text-muted"
        />
      </label>
    </form>
  );
}

/** The partner a configuration syncs to: its name and domain from tenant information, else its id. */
function TargetName({ tenantId, name, domain }: { tenantId: string; name: string | null; domain: string | null }) {
  return name ? (
    <>
      {name}
      {domain ? <span> ({domain})</span> : null}
    </>
  ) : (
    <TenantId tenantId={tenantId} />
  );
}

interface Target {
  tenantId: string;
  name: string | null;
  domain: string | null;
}

function Header({
  servicePrincipalId,
  nameFromLog,
  target,
  days,
  actions,
}: {
  servicePrincipalId: string | null;
  nameFromLog: string | null;
  target: Target | null;
  days: PeriodDays;
  actions: React.ReactNode;
}) {
  const name = useSyncConfigurationName(servicePrincipalId);
  const displayName = name.data?.displayName ?? nameFromLog;
  const title = servicePrincipalId === null ? "Sync errors" : displayName ? `Sync errors: ${displayName}` : name.data === null ? "Sync errors: unknown configuration" : "Sync errors";
  return (
    <>
      {servicePrincipalId ? (
        <Link href={`/outbound/${servicePrincipalId}`} className="mb-2 inline-flex items-center gap-1 text-sm text-muted hover:text-fg">
          <ChevronLeft aria-hidden className="size-4" />
          Configuration
        </Link>
      ) : null}
      <PageHeader
        title={title}
        description={
          <>
            {servicePrincipalId === null ? "Every outbound sync configuration" : target ? (
              <>
                To <TargetName {...target} />
              </>
            ) : (
              "Outbound sync configuration"
            )}
            {`: the provisioning log of the last ${days} days, grouped by error. Entra keeps it for 30 days.`}
          </>
        }
        actions={actions}
      />
      {servicePrincipalId && name.data === null ? (
        <p role="alert" className="mb-3 rounded-md border border-border bg-surface px-3 py-2 text-sm">
          No service principal in this tenant has this id; the log below is read by the id alone.
        </p>
      ) : null}
    </>
  );
}

/** The provisioning log of one configuration (or all) grouped by error code, with the documented meaning and fix of each. */
export function SyncErrorsView({ servicePrincipalId }: { servicePrincipalId: string | null }) {
  const [filters, update] = useUrlState<SyncErrorFilters>(parseSyncErrorFilters, serializeSyncErrorFilters);
  const log = useProvisioningEvents(servicePrincipalId, filters);
  const { query } = log;
  const groups = useMemo(() => groupByErrorCode(log.events, filters.user), [log.events, filters.user]);
  const affected = useMemo(() => countAffectedUsers(groups), [groups]);
  const entries = groups.reduce((sum, group) => sum + group.count, 0);
  const targetTenantId = servicePrincipalId === null ? null : (log.events.find((event) => event.targetTenantId)?.targetTenantId ?? null);
  const lookupIds = useMemo(() => (targetTenantId ? [targetTenantId] : undefined), [targetTenantId]);
  const lookup = useTenantInformationLookup(lookupIds);
  const info = targetTenantId ? lookup(targetTenantId) : null;
  const target: Target | null = targetTenantId ? { tenantId: targetTenantId, name: info?.displayName ?? null, domain: info?.defaultDomainName ?? null } : null;
  const partnerName = target?.name ?? null;
  const filtered = filters.status !== "failure" || filters.action !== null || filters.user !== null;
  const soFar = !log.complete;
  const reads = query.data?.pages.length ?? 0;

  const exportCsv = () => {
    const stamp = new Date().toISOString().slice(0, 10);
    downloadCsv(`sync-errors-${servicePrincipalId ?? "all"}-${stamp}.csv`, toSyncErrorsCsv(groups, partnerName));
  };

  return (
    <div>
      <Header
        servicePrincipalId={servicePrincipalId}
        nameFromLog={log.events.find((event) => event.servicePrincipalName)?.servicePrincipalName ?? null}
        target={target}
        days={filters.days}
        actions={
          <Button size="sm" onClick={exportCsv} disabled={groups.length === 0}>
            <Download aria-hidden className="size-3.5" />
            Export CSV
          </Button>
        }
      />
      <div role="search" aria-label="Filter the provisioning log" className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <PeriodSelect days={filters.days} onChange={(days) => update({ days })} />
        <label className="flex items-center gap-2 text-sm text-muted">
          Status
          <select value={filters.status} onChange={(event) => update({ status: event.target.value as ProvisioningStatus | "all" })} className={REPORT_SELECT}>
            {STATUS_OPTIONS.map((status) => (
              <option key={status} value={status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm text-muted">
          Action
          <select value={filters.action ?? ""} onChange={(event) => update({ action: (event.target.value || null) as ProvisioningAction | null })} className={REPORT_SELECT}>
            <option value="">All actions</option>
            {PROVISIONING_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {ACTION_LABELS[action]}
              </option>
            ))}
          </select>
        </label>
        <UserFilter value={filters.user} onApply={(user) => update({ user })} />
        {filtered ? (
          <Button size="sm" variant="ghost" onClick={() => update({ status: "failure", action: null, user: null })}>
            Clear filters
          </Button>
        ) : null}
        <p className="ml-auto text-xs text-muted" aria-live="polite">
          {query.isSuccess || log.events.length > 0
            ? `${entries.toLocaleString("en-US")} ${entries === 1 ? "entry" : "entries"}, ${groups.length} ${groups.length === 1 ? "error code" : "error codes"}, ${affected} ${affected === 1 ? "user" : "users"} affected${soFar ? " so far" : ""}`
            : ""}
        </p>
      </div>

      {query.isError ? (
        <div className="mb-3 rounded-lg border border-border bg-surface px-4">
          <AuditStatus error={query.error} onRetry={() => retryAuditRead(query)} subject="This page" log="provisioning" />
        </div>
      ) : null}
      {log.interruption ? (
        <div className="mb-3">
          <AuditStatus error={new GraphActionError(log.interruption)} onRetry={log.readMore} compact subject="This page" log="provisioning" />
        </div>
      ) : null}

      {query.isPending && !query.isError && log.events.length === 0 ? (
        <div role="status" aria-label="Reading the provisioning log" className="space-y-3">
          {[0, 1].map((row) => (
            <div key={row} className="rounded-lg border border-border bg-surface p-4">
              <Skeleton className="h-5 w-1/3" />
              <Skeleton className="mt-3 h-4 w-2/3" />
              <Skeleton className="mt-2 h-4 w-1/2" />
            </div>
          ))}
        </div>
      ) : null}

      {groups.length > 0 ? (
        <div className="space-y-3">
          {groups.map((group) => (
            <ErrorGroupCard key={group.code || `status:${group.status}`} group={group} partnerName={partnerName} />
          ))}
        </div>
      ) : log.complete ? (
        <p className="flex items-center gap-2 rounded-lg border border-border bg-surface px-4 py-3 text-muted">
          <ListChecks aria-hidden className="size-4" />
          {filtered ? "No entries match these filters" : "No errors"} in the last {filters.days} days.
        </p>
      ) : null}

      {query.hasNextPage && !query.isFetching && !log.interruption && reads >= AUTO_READS ? (
        <div className="mt-3 flex items-center gap-3">
          <Button size="sm" onClick={log.readMore}>
            Load more
          </Button>
          <p className="text-sm text-muted">The counts above cover the newest {entries.toLocaleString("en-US")} entries read so far.</p>
        </div>
      ) : query.isFetching && log.events.length > 0 ? (
        <p role="status" className="mt-3 text-sm text-muted">
          Reading the provisioning log… {log.events.length.toLocaleString("en-US")} entries so far
        </p>
      ) : null}
    </div>
  );
}
