import type { DeletedSyncPolicy } from "@/lib/core/models";
import { policyDisplayName } from "@/lib/partners/display";
import { isExpiringSoon } from "./retention";

export interface DeletedFilter {
  query: string;
  expiringOnly: boolean;
}

export function parseDeletedFilter(params: URLSearchParams): DeletedFilter {
  return { query: (params.get("q") ?? "").slice(0, 200), expiringOnly: params.get("expiring") === "1" };
}

export function toDeletedSearchParams(filter: DeletedFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.query) params.set("q", filter.query);
  if (filter.expiringOnly) params.set("expiring", "1");
  return params;
}

/** Soonest purge first: that is the order an admin has to act in. */
export function applyDeletedFilter(policies: DeletedSyncPolicy[], filter: DeletedFilter, now: Date): DeletedSyncPolicy[] {
  const needle = filter.query.trim().toLowerCase();
  return policies
    .filter((policy) => !filter.expiringOnly || isExpiringSoon(policy.deletedDateTime, now))
    .filter((policy) => !needle || `${policyDisplayName(policy) ?? ""} ${policy.tenantId}`.toLowerCase().includes(needle))
    .sort((a, b) => a.deletedDateTime.localeCompare(b.deletedDateTime));
}
