"use client";

import { useCallback, useEffect, useMemo, useState } from "react";
import { Download } from "lucide-react";
import { CHANGE_KIND_IDS, CHANGE_KINDS, type ChangeKind } from "@/lib/audit/activities";
import { isValidPerson, isValidPersonStart, parseActivityFilters, serializeActivityFilters, type ActivityFilters } from "@/lib/audit/activity-filters";
import { toAuditCsv } from "@/lib/audit/csv";
import { describeAuditEntry } from "@/lib/audit/describe";
import type { AuditEntry } from "@/lib/audit/types";
import { partnerDisplayName, wellKnownTenantLabel } from "@/lib/partners/display";
import { entriesOf, useActivity } from "@/lib/queries/audit";
import { usePartnersList } from "@/lib/queries/partners";
import { useNamedPartners } from "@/lib/queries/tenant-information";
import { downloadCsv } from "@/lib/browser/download-csv";
import { useUrlState } from "@/lib/browser/use-url-state";
import { Button } from "@/components/ui/button";
import { Combobox, type ComboboxOption } from "@/components/ui/combobox";
import { PageHeader } from "@/components/ui/page-header";
import { RefreshButton } from "@/components/ui/refresh-button";
import { AuditEntryList } from "./audit-entry-list";
import { RETENTION_NOTE } from "@/components/shared/audit-status";
import { PeriodSelect, REPORT_SELECT } from "@/components/shared/period-select";

const SUGGESTIONS = 8;

interface Person {
  upn: string;
  name: string | null;
}

/** The people who made these changes added to those already known; the same map when nobody is new. */
function withPeopleOf(known: ReadonlyMap<string, Person>, entries: readonly AuditEntry[]): ReadonlyMap<string, Person> {
  let next: Map<string, Person> | null = null;
  for (const entry of entries) {
    if (entry.actor.kind !== "user" || !entry.actor.userPrincipalName) continue;
    const key = entry.actor.userPrincipalName.toLowerCase();
    if (known.has(key) || next?.has(key)) continue;
    next ??= new Map(known);
    next.set(key, { upn: entry.actor.userPrincipalName, name: entry.actor.displayName?.trim() || null });
  }
  return next ?? known;
}

/** Type-ahead on a name or the start of a sign-in name: suggestions from the people seen so far, the typed start sent to the audit log as it settles. */
function PersonFilter({
  person,
  personStart,
  people,
  onApply,
}: {
  person: string | null;
  personStart: string | null;
  people: Person[];
  onApply: (filter: { person: string | null; personStart: string | null }) => void;
}) {
  const applied = person ?? personStart ?? "";
  const [draft, setDraft] = useState(applied);
  const [seen, setSeen] = useState(applied);
  if (seen !== applied) {
    setSeen(applied);
    setDraft(applied);
  }
  const typed = draft.trim();
  const sendable = typed === "" || isValidPersonStart(typed);
  const options = useMemo(() => {
    const needle = typed.toLowerCase();
    return people
      .filter((candidate) => !needle || candidate.upn.toLowerCase().includes(needle) || (candidate.name?.toLowerCase().includes(needle) ?? false))
      .slice(0, SUGGESTIONS)
      .map((candidate) => ({ value: candidate.upn, label: candidate.name ?? candidate.upn, detail: candidate.name ? candidate.upn : null }));
  }, [people, typed]);

  // A whole sign-in name someone here used (or one confirmed with Enter) is one person; anything else is the start of one.
  const known = people.some((candidate) => candidate.upn.toLowerCase() === typed.toLowerCase());
  const filterFor = useCallback(
    (whole: boolean) => (whole && isValidPerson(typed) ? { person: typed, personStart: null } : { person: null, personStart: typed || null }),
    [typed],
  );
  // What is typed narrows the list once typing pauses; a pick or Enter goes at once.
  useEffect(() => {
    if (!sendable || typed === applied) return;
    const timer = window.setTimeout(() => onApply(filterFor(known)), 600);
    return () => window.clearTimeout(timer);
  }, [typed, applied, sendable, known, filterFor, onApply]);

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Combobox
        label="Changed by"
        text={draft}
        onTextChange={setDraft}
        options={options}
        onPick={(option) => {
          setDraft(option.value);
          onApply({ person: option.value, personStart: null });
        }}
        onEnter={() => {
          if (sendable) onApply(filterFor(true));
        }}
        placeholder="Name or sign-in name"
        inputClassName="w-56"
        describedBy={sendable ? undefined : "person-hint"}
      />
      {!sendable ? (
        <p id="person-hint" className="text-xs text-muted">
          Pick a person from the list, or type the start of a sign-in name.
        </p>
      ) : null}
    </div>
  );
}

/** Partner by name (or domain, or tenant id), over every partner, not only those in the loaded changes. */
function PartnerFilter({ value, options, onApply }: { value: string | null; options: ComboboxOption[]; onApply: (partner: string | null) => void }) {
  const label = value ? (options.find((option) => option.value === value)?.label ?? value) : "";
  const [draft, setDraft] = useState(label);
  const [seen, setSeen] = useState(label);
  if (seen !== label) {
    setSeen(label);
    setDraft(label);
  }
  const needle = draft.trim().toLowerCase();
  const shown = useMemo(
    () =>
      (needle && needle !== label.toLowerCase()
        ? options.filter((option) => option.label.toLowerCase().includes(needle) || option.value.includes(needle) || (option.detail?.toLowerCase().includes(needle) ?? false))
        : options
      ).slice(0, SUGGESTIONS),
    [options, needle, label],
  );
  return (
    <Combobox
      label="Partner"
      text={draft}
      onTextChange={(text) => {
        setDraft(text);
        if (text.trim() === "" && value) onApply(null);
      }}
      options={shown}
      onPick={(option) => {
        setDraft(option.label);
        onApply(option.value);
      }}
      onEnter={() => {
        const [only] = shown;
        if (shown.length === 1 && only) onApply(only.value);
      }}
      placeholder="All partners"
      inputClassName="w-56"
    />
  );
}

/** Every cross-tenant sync and access change in the tenant, filtered through the URL. */
export function ActivityView() {
  const [filters, update] = useUrlState<ActivityFilters>(parseActivityFilters, serializeActivityFilters);
  const activity = useActivity(filters);
  const partners = useNamedPartners(usePartnersList().rows);
  const names = useMemo(() => {
    const map = new Map<string, string>();
    for (const partner of partners) {
      const name = partnerDisplayName(partner) ?? wellKnownTenantLabel(partner.tenantId);
      if (name) map.set(partner.tenantId.toLowerCase(), name);
    }
    return map;
  }, [partners]);
  const partnerOptions = useMemo<ComboboxOption[]>(
    () =>
      partners
        .map((partner) => {
          const tenantId = partner.tenantId.toLowerCase();
          const name = names.get(tenantId);
          return { value: tenantId, label: name ?? "Unnamed partner", detail: name ? (partner.defaultDomainName ?? tenantId) : tenantId };
        })
        .sort((a, b) => Number(a.label === "Unnamed partner") - Number(b.label === "Unnamed partner") || a.label.localeCompare(b.label)),
    [partners, names],
  );
  // Everyone seen in the changes read so far on this page, whatever the filter was then.
  const [seenPeople, setSeenPeople] = useState<ReadonlyMap<string, Person>>(() => new Map());
  const [peopleFrom, setPeopleFrom] = useState<typeof activity.data>(undefined);
  if (peopleFrom !== activity.data) {
    setPeopleFrom(activity.data);
    setSeenPeople(withPeopleOf(seenPeople, entriesOf(activity.data)));
  }
  const people = useMemo(() => [...seenPeople.values()].sort((a, b) => (a.name ?? a.upn).localeCompare(b.name ?? b.upn)), [seenPeople]);
  const applyPerson = useCallback((person: { person: string | null; personStart: string | null }) => update(person), [update]);
  const timeZone = useMemo(() => Intl.DateTimeFormat().resolvedOptions().timeZone, []);

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
  const filtered = filters.partner !== null || filters.person !== null || filters.personStart !== null || filters.kind !== null;

  return (
    <div>
      <PageHeader
        title="Activity"
        description={`Changes to cross-tenant sync and access settings, from the Entra audit log. ${RETENTION_NOTE} Times are in your time zone, ${timeZone}.`}
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
        <PeriodSelect days={filters.days} onChange={(days) => update({ days })} />
        <PartnerFilter value={filters.partner} options={partnerOptions} onApply={(partner) => update({ partner })} />
        <PersonFilter person={filters.person} personStart={filters.personStart} people={people} onApply={applyPerson} />
        <label className="flex items-center gap-2 text-sm text-muted">
          Kind of change
          <select value={filters.kind ?? ""} onChange={(event) => update({ kind: (event.target.value || null) as ChangeKind | null })} className={REPORT_SELECT}>
            <option value="">All changes</option>
            {CHANGE_KIND_IDS.map((kind) => (
              <option key={kind} value={kind}>
                {CHANGE_KINDS[kind].label}
              </option>
            ))}
          </select>
        </label>
        {filtered ? (
          <Button size="sm" variant="ghost" onClick={() => update({ partner: null, person: null, personStart: null, kind: null })}>
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
