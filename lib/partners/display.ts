import type { PartnerRow, SyncPolicy, SyncState } from "@/lib/core/models";

/** Tenants that appear as partners without anyone adding them by hand. */
export const WELL_KNOWN_TENANTS: Readonly<Record<string, string>> = {
  "b4c546a4-7dac-46a6-a7dd-ed822a11efd3": "Microsoft support tenant",
};

export function wellKnownTenantLabel(tenantId: string): string | null {
  return WELL_KNOWN_TENANTS[tenantId.toLowerCase()] ?? null;
}

/** The partner's own name, else its sync policy's name (admins name policies after partners), else null. */
export function partnerDisplayName(partner: Pick<PartnerRow, "displayName" | "syncPolicy">): string | null {
  const own = partner.displayName?.trim();
  if (own) return own;
  const fromPolicy = partner.syncPolicy?.displayName?.trim();
  return fromPolicy || null;
}

/** A deleted policy's own name, else its partner's, else a well-known tenant's label. */
export function policyDisplayName(policy: Pick<SyncPolicy, "displayName" | "tenantId"> & { partnerDisplayName?: string | null }): string | null {
  return policy.displayName?.trim() || policy.partnerDisplayName?.trim() || wellKnownTenantLabel(policy.tenantId);
}

export function syncStateOf(partner: Pick<PartnerRow, "syncPolicy">): SyncState {
  if (!partner.syncPolicy) return "no-policy";
  return partner.syncPolicy.userSyncAllowed === true ? "allowed" : "blocked";
}

/**
 * Inbound user sync allowed while inbound automatic redemption is off: synchronized users would
 * have to accept a consent prompt, so cross-tenant sync cannot bring them in. An unset value
 * inherits the default policy's, which Graph keeps off (read-only). False when the row does not
 * carry the setting (nothing is claimed about what was not read).
 */
export function syncCannotWork(partner: Pick<PartnerRow, "syncPolicy" | "automaticUserConsentSettings">): boolean {
  if (partner.automaticUserConsentSettings === undefined) return false;
  return syncStateOf(partner) === "allowed" && partner.automaticUserConsentSettings?.inboundAllowed !== true;
}
