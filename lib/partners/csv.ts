import { toCsv } from "@/lib/core/csv";
import type { DeletedSyncPolicy, PartnerRow } from "@/lib/core/models";
import { formatTimeLeft } from "@/lib/deleted/retention";
import { partnerDisplayName, syncStateOf, wellKnownTenantLabel } from "@/lib/partners/display";

const SYNC_LABELS = { allowed: "Allowed", blocked: "Blocked", "no-policy": "No sync policy" } as const;

function flag(value: boolean | null | undefined, whenTrue: string, whenFalse: string, whenNull: string): string {
  return value === true ? whenTrue : value === false ? whenFalse : whenNull;
}

/** Inbound automatic redemption as the partner page says it; empty when the row was read without it. */
function redemption(partner: PartnerRow): string {
  const consent = partner.automaticUserConsentSettings;
  if (consent === undefined) return "";
  // Unset inherits the default policy's, which Graph keeps off.
  return flag(consent?.inboundAllowed, "On", "Off", "Inherited: off");
}

export const PARTNERS_CSV_HEADER = [
  "Name",
  "Domain",
  "Tenant ID",
  "Well-known tenant",
  "Inbound user sync",
  "Automatic redemption (inbound)",
  "Group sync",
  "Service provider",
  "Multitenant organization",
  "Sync policy in deleted items",
] as const;

/**
 * The partners table as CSV, in the order and filter the admin is looking at, with the table's
 * words: what a cell shows on screen is what the spreadsheet shows.
 */
export function toPartnersCsv(partners: readonly PartnerRow[], deletedByTenant: ReadonlyMap<string, DeletedSyncPolicy> = new Map(), now: Date = new Date()): string {
  const rows = partners.map((partner) => {
    const deleted = partner.syncPolicy ? undefined : deletedByTenant.get(partner.tenantId.toLowerCase());
    return [
      partnerDisplayName(partner) ?? "Unnamed partner",
      partner.defaultDomainName ?? "",
      partner.tenantId,
      wellKnownTenantLabel(partner.tenantId) ?? "",
      SYNC_LABELS[syncStateOf(partner)],
      redemption(partner),
      partner.syncPolicy ? flag(partner.syncPolicy.groupSyncAllowed, "Allowed", "Blocked", "Not set") : "—",
      flag(partner.isServiceProvider, "Yes", "No", "No"),
      flag(partner.isInMultiTenantOrganization, "Member", "No", "No"),
      deleted ? formatTimeLeft(deleted.deletedDateTime, now) : "",
    ];
  });
  return toCsv([PARTNERS_CSV_HEADER, ...rows]);
}
