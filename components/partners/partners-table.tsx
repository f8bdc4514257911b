import Link from "next/link";
import type { DeletedSyncPolicy, Partner } from "@/lib/models";
import { formatTimeLeft } from "@/lib/retention";
import { Trash2 } from "lucide-react";
import type { PartnersFilter, SortColumn } from "@/lib/partners-filter";
import { partnerDisplayName, syncStateOf } from "@/lib/partner-display";
import { TenantId } from "@/components/ui/tenant-id";
import { SortableHeader } from "@/components/ui/sortable-header";
import { PartnerName } from "./partner-name";
import { TriStateValue, UserSyncState } from "./sync-state";

const COLUMNS: { id: SortColumn; label: string }[] = [
  { id: "name", label: "Name" },
  { id: "tenantId", label: "Tenant ID" },
  { id: "userSync", label: "Inbound user sync" },
  { id: "groupSync", label: "Group sync" },
  { id: "serviceProvider", label: "Service provider" },
  { id: "multiTenantOrg", label: "Multitenant org" },
];

export const TABLE_CELL = "px-3 py-2 text-left align-middle";

function DeletedPolicyHint({ policy }: { policy: DeletedSyncPolicy }) {
  return (
    <Link
      href={`/partners/${policy.tenantId}`}
      className="mt-0.5 flex items-center gap-1 text-xs text-warn hover:underline"
      title="This partner's sync policy is in deleted items and can still be restored"
    >
      <Trash2 aria-hidden className="size-3.5" />
      In deleted items: {formatTimeLeft(policy.deletedDateTime).toLowerCase()}
    </Link>
  );
}

export function PartnersTable({
  partners,
  filter,
  onSort,
  deletedByTenant,
}: {
  partners: Partner[];
  filter: PartnersFilter;
  onSort: (column: SortColumn) => void;
  /** Deleted sync policies by lower-case tenant id, to flag partners whose policy can still be restored. */
  deletedByTenant: ReadonlyMap<string, DeletedSyncPolicy>;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-border bg-surface">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Cross-tenant access partners and their inbound sync policy</caption>
        <thead className="border-b border-border bg-surface-muted text-xs text-muted">
          <tr>
            {COLUMNS.map((column) => (
              <SortableHeader
                key={column.id}
                label={column.label}
                active={filter.sort === column.id}
                direction={filter.direction}
                onSort={() => onSort(column.id)}
                className={`${TABLE_CELL} py-1.5`}
              />
            ))}
          </tr>
        </thead>
        <tbody>
          {partners.map((partner) => (
            <tr key={partner.tenantId} className="border-b border-border last:border-0 hover:bg-surface-muted/60">
              <td className={`${TABLE_CELL} max-w-[320px]`}>
                <Link href={`/partners/${partner.tenantId}`} className="font-medium text-accent hover:underline">
                  <PartnerName partner={partner} />
                  {partnerDisplayName(partner) ? null : <span className="sr-only"> ({partner.tenantId})</span>}
                </Link>
                {partner.defaultDomainName ? <span className="block truncate text-xs text-muted">{partner.defaultDomainName}</span> : null}
              </td>
              <td className={`${TABLE_CELL} whitespace-nowrap`}>
                <TenantId tenantId={partner.tenantId} />
              </td>
              <td className={TABLE_CELL}>
                <UserSyncState state={syncStateOf(partner)} />
                {!partner.syncPolicy && deletedByTenant.has(partner.tenantId.toLowerCase()) ? (
                  <DeletedPolicyHint policy={deletedByTenant.get(partner.tenantId.toLowerCase())!} />
                ) : null}
              </td>
              <td className={TABLE_CELL}>
                {partner.syncPolicy ? <TriStateValue value={partner.syncPolicy.groupSyncAllowed} /> : <span className="text-muted">—</span>}
              </td>
              <td className={TABLE_CELL}>
                <TriStateValue value={partner.isServiceProvider} trueLabel="Yes" falseLabel="No" nullLabel="No" />
              </td>
              <td className={TABLE_CELL}>
                <TriStateValue value={partner.isInMultiTenantOrganization} trueLabel="Member" falseLabel="No" nullLabel="No" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
