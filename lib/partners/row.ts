import type { PartnerRow } from "@/lib/core/models";

/** A sync policy as the list shows it: only the columns of a row. */
export function toRowPolicy(policy: NonNullable<PartnerRow["syncPolicy"]>): NonNullable<PartnerRow["syncPolicy"]> {
  return { tenantId: policy.tenantId, displayName: policy.displayName, userSyncAllowed: policy.userSyncAllowed, groupSyncAllowed: policy.groupSyncAllowed };
}

function toConsent(consent: PartnerRow["automaticUserConsentSettings"]): PartnerRow["automaticUserConsentSettings"] {
  return consent ? { inboundAllowed: consent.inboundAllowed, outboundAllowed: consent.outboundAllowed } : null;
}

/**
 * The list's view of a partner: only the columns it shows. The one projection, for the list read
 * from Graph (lib/graph/partners.ts) and for a partner written into the cached list (lib/queries).
 */
export function toPartnerRow(partner: PartnerRow): PartnerRow {
  return {
    tenantId: partner.tenantId,
    displayName: partner.displayName,
    isServiceProvider: partner.isServiceProvider,
    isInMultiTenantOrganization: partner.isInMultiTenantOrganization,
    automaticUserConsentSettings: partner.automaticUserConsentSettings === undefined ? undefined : toConsent(partner.automaticUserConsentSettings),
    syncPolicy: partner.syncPolicy ? toRowPolicy(partner.syncPolicy) : null,
  };
}
