import type { DeletedSyncPolicy } from "@/lib/core/models";
import { policyDisplayName } from "@/lib/partners/display";
import { getCachedTenantInformation } from "@/lib/queries/tenant-information";

/** The name a purge confirmation asks for: the partner's; null for an unnamed one (its tenant id is asked instead). */
export function purgeName(policy: DeletedSyncPolicy): string | null {
  return getCachedTenantInformation(policy.tenantId)?.displayName ?? policyDisplayName(policy);
}
