import type { PartnerRow } from "@/lib/models";
import { partnerDisplayName, syncStateOf, wellKnownTenantLabel } from "@/lib/partners/display";

const SYNC_LABELS = { allowed: "Allowed", blocked: "Blocked", "no-policy": "No sync policy" } as const;

function flag(value: boolean | null | undefined, whenTrue: string, whenFalse: string, whenNull: string): string {
  return value === true ? whenTrue : value === false ? whenFalse : whenNull;
}

// Quote every cell; a leading =, +, - or @ is neutralised so spreadsheets never run a partner name as a formula.
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${safe.replace(/"/g, '""')}"`;
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
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
