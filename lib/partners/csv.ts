import { toCsv } from "@/lib/core/csv";
import type { PartnerRow } from "@/lib/core/models";
import { partnerDisplayName, syncStateOf, wellKnownTenantLabel } from "@/lib/partners/display";

const SYNC_LABELS = { allowed: "Allowed", blocked: "Blocked", "no-policy": "No sync policy" } as const;

function flag(value: boolean | null | undefined, whenTrue: string, whenFalse: string, whenNull: string): string {
  return value === true ? whenTrue : value === false ? whenFalse : whenNull;
}

/** The partners table as CSV, in the order and filter the admin is looking at. */
export function toPartnersCsv(partners: PartnerRow[]): string {
  const header = ["Name", "Tenant ID", "Well-known tenant", "Inbound user sync", "Group sync", "Service provider", "Multitenant organization"];
  const rows = partners.map((partner) => [
    partnerDisplayName(partner) ?? "",
    partner.tenantId,
    wellKnownTenantLabel(partner.tenantId) ?? "",
    SYNC_LABELS[syncStateOf(partner)],
    partner.syncPolicy ? flag(partner.syncPolicy.groupSyncAllowed, "Allowed", "Blocked", "Not set") : "",
    flag(partner.isServiceProvider, "Yes", "No", "Not set"),
    flag(partner.isInMultiTenantOrganization, "Member", "No", "Not set"),
  ]);
  return toCsv([header, ...rows]);
}
