"use client";

import { useMemo, useState } from "react";
import { Download } from "lucide-react";
import { CHANGE_KIND_IDS, CHANGE_KINDS, type ChangeKind } from "@/lib/audit/activities";
import { isValidPerson, parseActivityFilters, serializeActivityFilters, type ActivityFilters, type PeriodDays } from "@/lib/audit/activity-filters";
import { toAuditCsv } from "@/lib/audit/csv";
import { describeAuditEntry } from "@/lib/audit/describe";
import { partnerDisplayName, wellKnownTenantLabel } from "@/lib/partners/display";
import { entriesOf, useActivity } from "@/lib/queries/audit";
import { usePartnersList } from "@/lib/queries/partners";
import { downloadCsv } from "@/lib/browser/download-csv";
import { useUrlState } from "@/lib/browser/use-url-state";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { RefreshButton } from "@/components/ui/refresh-button";
import { AuditEntryList } from "./audit-entry-list";
import { RETENTION_NOTE } from "@/components/shared/audit-status";

const SELECT = "h-8 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg";

function PersonFilter({ value, onApply }: { value: string | null; onApply: (person: string | null) => void }) {
  const [draft, setDraft] = useState(value ?? "");
  const [seen, setSeen] = useState(value);
  const [invalid, setInvalid] = useState(false);
  if (seen !== value) {
    setSeen(value);
    setDraft(value ?? "");
    setInvalid(false);
  }
  function apply() {
    const next = draft.trim();
    if (next !== "" && !isValidPerson(next)) return setInvalid(true);
    setInvalid(false);
    if ((next || null) !== value) onApply(next || null);
  }
  return (
    <form
      className="flex items-center gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        apply();
      }}
    >
      <label className="flex items-center gap-2 text-sm text-muted">
        Changed by
        <input
          type="search"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={apply}
          placeholder="user@contoso.com"
          aria-invalid={invalid || undefined}
          aria-describedby={invalid ? "person-error" : undefined}
          className="h-8 w-56 rounded-md border border-border-strong bg-surface px-2 text-sm text-fg placeholder:text-muted"
        />
      </label>
      {invalid ? (
        <p id="person-error" role="alert" className="text-xs text-danger">
          Enter a user principal name, such as admin@contoso.com.
        </p>
      ) : null}
    </form>
  );
}

/** Every cross-tenant sync and access change in the tenant, filtered through the URL. */
export function ActivityView() {
  const [filters, update] = useUrlState<ActivityFilters>(parseActivityFilters, serializeActivityFilters);
  const activity = useActivity(filters);
  const partners = usePartnersList().rows;
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const partner of partners) {
      const name = partnerDisplayName(partner) ?? wellKnownTenantLabel(partner.tenantId);
      if (name) map.set(partner.tenantId.toLowerCase(), name);
    }
    return map;
  }, [partners]);
  const partnerOptions = useMemo(
    () =>
      partners
        .map((partner) => ({ tenantId: partner.tenantId.toLowerCase(), label: names.get(partner.tenantId.toLowerCase()) ?? partner.tenantId }))
        .sort((a, b) => a.label.localeCompare(b.label)),
    [partners, names],
  );

  const rows = useMemo(
    () =>
      entriesOf(activity.data).map((entry) => {
        const partnerName = entry.partnerTenantId ? (names.get(entry.partnerTenantId) ?? entry.partnerName) : null;
        return {
          entry,
          partnerName,
          described: describeAuditEntry(entry, { partnerName: partnerName ?? entry.partnerTenantId }),
          partner: entry.partnerTenantId ? { tenantId: entry.partnerTenantId, name: partnerName ?? entry.partnerTenantId } : undefined,
        };
      }),
    [activity.data, names],
  );
  const filtered = filters.partner !== null || filters.person !== null || filters.kind !== null;

  return (
    <div>
      <PageHeader
        title="Activity"
        description={`Changes to cross-tenant sync and access settings, from the Entra audit log. ${RETENTION_NOTE}`}
        actions={
          <>
            <Button size="sm" onClick={() => downloadCsv(`cross-tenant-activity-${new Date().toISOString().slice(0, 10)}.csv`, toAuditCsv(rows))} disabled={rows.length === 0}>
              <Download aria-hidden className="size-3.5" />
              Export CSV
            </Button>
            <RefreshButton onRefresh={() => void activity.refetch()} refreshing={activity.isFetching} updatedAt={activity.dataUpdatedAt} />
          </>
        }
      />
      <div role="search" aria-label="Filter changes" className="mb-3 flex flex-wrap items-center gap-x-4 gap-y-2">
        <label className="flex items-center gap-2 text-sm text-muted">
          Period
          <select value={filters.days} onChange={(event) => update({ days: Number(event.target.value) as PeriodDays })} className={SELECT}>
            <option value={7}>Last 7 days</option>
            <option value={30}>Last 30 days</option>
          </select>
        </label>
        <label className="flex items-center gap-2 text-sm text-muted">
          Partner
          <select value={filters.partner ?? ""} onChange={(event) => update({ partner: event.target.value || null })} className={`${SELECT} max-w-64`}>
            <option value="">All partners</option>
            {filters.partner && !partnerOptions.some((option) => option.tenantId === filters.partner) ? <option value={filters.partner}>{filters.partner}</option> : null}
            {partnerOptions.map((option) => (
              <option key={option.tenantId} value={option.tenantId}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <PersonFilter value={filters.person} onApply={(person) => update({ person })} />
        <label className="flex items-center gap-2 text-sm text-muted">
          Kind of change
          <select value={filters.kind ?? ""} onChange={(event) => update({ kind: (event.target.value || null) as ChangeKind | null })} className={SELECT}>
            <option value="">All changes</option>
            {CHANGE_KIND_IDS.map((kind) => (
              <option key={kind} value={kind}>
                {CHANGE_KINDS[kind].label}
              </option>
            ))}
          </select>
        </label>
        {filtered ? (
          <Button size="sm" variant="ghost" onClick={() => update({ partner: null, person: null, kind: null })}>
            Clear filters
          </Button>
        ) : null}
        <p className="ml-auto text-xs text-muted" aria-live="polite">
          {activity.isSuccess ? `${rows.length} ${rows.length === 1 ? "change" : "changes"}${activity.hasNextPage ? " so far" : ""}` : ""}
        </p>
      </div>
      <section aria-label="Changes" className="rounded-lg border border-border bg-surface px-4 py-1">
        <AuditEntryList
          query={activity}
          items={rows}
          loadingLabel="Loading changes"
          skeletonRows={3}
          empty={`${filtered ? "No changes match these filters" : "No changes"} in the last ${filters.days} days.`}
        />
      </section>
    </div>
  );
}
