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

/**
 * Soonest purge first: that is the order an admin has to act in. Search matches
 * the tenant id and the words `searchText` gives (name, domain).
 */
export function filterDeletedItems<T extends { tenantId: string; deletedDateTime: string }>(
  items: readonly T[],
  filter: DeletedFilter,
  now: Date,
  searchText: (item: T) => string,
): T[] {
  const needle = filter.query.trim().toLowerCase();
  return items
    .filter((item) => !filter.expiringOnly || isExpiringSoon(item.deletedDateTime, now))
    .filter((item) => !needle || `${searchText(item)} ${item.tenantId}`.toLowerCase().includes(needle))
    .sort((a, b) => a.deletedDateTime.localeCompare(b.deletedDateTime));
}

export function applyDeletedFilter(policies: DeletedSyncPolicy[], filter: DeletedFilter, now: Date): DeletedSyncPolicy[] {
  return filterDeletedItems(policies, filter, now, (policy) => policyDisplayName(policy) ?? "");
}
