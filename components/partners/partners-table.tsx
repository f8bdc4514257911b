"use client";

import { memo } from "react";
import Link from "next/link";
import type { DeletedSyncPolicy, PartnerRow } from "@/lib/core/models";
import { formatTimeLeft } from "@/lib/deleted/retention";
import { AlertTriangle, Trash2 } from "lucide-react";
import type { PartnersFilter, SortColumn } from "@/lib/partners/filter";
import type { SortDirection } from "@/lib/core/url-state";
import { partnerDisplayName, syncCannotWork, syncStateOf } from "@/lib/partners/display";
import { TenantId } from "@/components/ui/tenant-id";
import { SortableHeader } from "@/components/ui/sortable-header";
import { SpacerRow, STACKED_CELL, STACKED_TABLE, useVirtualRows, VirtualRow } from "@/components/ui/virtual-rows";
import { PartnerName } from "./partner-name";
import { TriStateValue, UserSyncState } from "@/components/shared/sync-state";
import { OutboundStatusLabel } from "@/components/shared/outbound-status";
import type { PartnerOutbound } from "@/lib/queries/outbound";

/** Our sync configurations per target tenant; null when they cannot be read (the column says so). */
export interface OutboundColumn {
  statuses: ReadonlyMap<string, PartnerOutbound>;
  complete: boolean;
}

function OutboundCell({ outbound, tenantId }: { outbound: OutboundColumn | null; tenantId: string }) {
  if (outbound === null) return <span className="text-muted" title="Sync configurations could not be read">—</span>;
  const entry = outbound.statuses.get(tenantId.toLowerCase());
  if (entry?.status) return <OutboundStatusLabel status={entry.status} short />;
  if (entry || !outbound.complete) return <span className="text-muted">…<span className="sr-only">Reading</span></span>;
  return <span className="text-muted">None</span>;
}

export const COLUMNS: { id: SortColumn; label: string }[] = [
  { id: "name", label: "Name" },
  { id: "tenantId", label: "Tenant ID" },
  { id: "userSync", label: "Inbound user sync" },
  { id: "groupSync", label: "Group sync" },
  { id: "serviceProvider", label: "Service provider" },
  { id: "multiTenantOrg", label: "Multitenant org" },
];

export const TABLE_CELL = "px-3 py-1.5 text-left align-middle";

function DeletedPolicyHint({ policy }: { policy: DeletedSyncPolicy }) {
  return (
    <Link
      href={`/partners/${policy.tenantId}`}
      className="inline-flex items-center gap-1 text-xs text-warn hover:underline md:whitespace-nowrap"
      title="This partner's sync policy is in deleted items and can still be restored"
    >
      <Trash2 aria-hidden className="size-3.5" />
      In deleted items: {formatTimeLeft(policy.deletedDateTime).toLowerCase()}
    </Link>
  );
}

/** Memoized: typing re-renders the view at once, the table only when its rows change. */
export const PartnersTable = memo(function PartnersTable({
  partners,
  filter,
  onSort,
  deletedByTenant,
  outbound = null,
}: {
  partners: PartnerRow[];
  filter: PartnersFilter;
  onSort: (column: SortColumn, direction: SortDirection) => void;
  /** Deleted sync policies by lower-case tenant id, to flag partners whose policy can still be restored. */
  deletedByTenant: ReadonlyMap<string, DeletedSyncPolicy>;
  outbound?: OutboundColumn | null;
}) {
  const { setListElement, onFocusCapture, items, paddingTop, paddingBottom, measureElement } = useVirtualRows({ count: partners.length, estimateSize: 34 });
  const cell = `${TABLE_CELL} ${STACKED_CELL}`;
  return (
    <div ref={setListElement} onFocusCapture={onFocusCapture} className="rounded-lg border border-border bg-surface">
      <table aria-rowcount={partners.length + 1} className={`w-full border-collapse text-sm xl:table-fixed ${STACKED_TABLE}`}>
        <caption className="sr-only">Cross-tenant access partners and their inbound sync policy</caption>
        {/* Fixed widths on a wide screen: every row stays one line (the name's domain gives way first). */}
        <colgroup>
          <col />
          <col className="xl:w-[300px]" />
          <col className="xl:w-[360px]" />
          <col className="xl:w-[104px]" />
          <col className="xl:w-[104px]" />
          <col className="xl:w-[124px]" />
          <col className="xl:w-[160px]" />
        </colgroup>
        <thead className="sticky top-12 z-10 border-b border-border bg-surface-muted text-xs text-muted shadow-[0_1px_0_var(--border)] max-md:hidden">
          <tr aria-rowindex={1}>
            {COLUMNS.map((column) => (
              <SortableHeader
                key={column.id}
                label={column.label}
                active={filter.sort === column.id}
                direction={filter.direction}
                onSort={() => onSort(column.id, filter.sort === column.id && filter.direction === "asc" ? "desc" : "asc")}
                className={`${TABLE_CELL} py-1.5`}
              />
            ))}
            <th scope="col" className={`${TABLE_CELL} py-1.5 font-medium`}>
              Outbound
            </th>
          </tr>
        </thead>
        <tbody className="max-md:block">
          <SpacerRow height={paddingTop} columns={COLUMNS.length + 1} />
          {items.map((item) => {
            const partner = partners[item.index]!;
            const deleted = partner.syncPolicy ? undefined : deletedByTenant.get(partner.tenantId.toLowerCase());
            return (
              <VirtualRow key={partner.tenantId} index={item.index} measureElement={measureElement}>
                <td data-label="Name" className={cell}>
                  {/* One line on a wide screen, so a screen holds more rows; the stacked narrow layout keeps the domain under the name. */}
                  <div className="flex min-w-0 items-baseline gap-2 max-md:block">
                    <Link href={`/partners/${partner.tenantId}`} className="min-w-0 truncate font-medium text-accent hover:underline">
                      <PartnerName partner={partner} />
                      {partnerDisplayName(partner) ? null : <span className="sr-only"> ({partner.tenantId})</span>}
                    </Link>
                    {partner.defaultDomainName ? (
                      <span title={partner.defaultDomainName} className="block min-w-0 flex-1 truncate text-xs text-muted">
                        {partner.defaultDomainName}
                      </span>
                    ) : null}
                  </div>
                </td>
                <td data-label="Tenant ID" className={`${cell} whitespace-nowrap max-md:whitespace-normal max-md:break-all`}>
                  <TenantId tenantId={partner.tenantId} />
                </td>
                <td data-label="Inbound user sync" className={cell}>
                  <span className="flex flex-wrap items-center gap-x-2">
                    <UserSyncState state={syncStateOf(partner)} />
                    {deleted ? <DeletedPolicyHint policy={deleted} /> : null}
                    {syncCannotWork(partner) ? (
                      <span className="mt-0.5 flex items-center gap-1 text-xs text-warn">
                        <AlertTriangle aria-hidden className="size-3.5" />
                        Automatic redemption off: users are not synchronized
                      </span>
                    ) : null}
                  </span>
                </td>
                <td data-label="Group sync" className={cell}>
                  {partner.syncPolicy ? <TriStateValue value={partner.syncPolicy.groupSyncAllowed} /> : <span className="text-muted">—</span>}
                </td>
                <td data-label="Service provider" className={cell}>
                  <TriStateValue value={partner.isServiceProvider} trueLabel="Yes" falseLabel="No" nullLabel="No" />
                </td>
                <td data-label="Multitenant org" className={cell}>
                  <TriStateValue value={partner.isInMultiTenantOrganization} trueLabel="Member" falseLabel="No" nullLabel="No" />
                </td>
                <td data-label="Outbound" className={cell}>
                  <OutboundCell outbound={outbound} tenantId={partner.tenantId} />
                </td>
              </VirtualRow>
            );
          })}
          <SpacerRow height={paddingBottom} columns={COLUMNS.length + 1} />
        </tbody>
      </table>
    </div>
  );
});
