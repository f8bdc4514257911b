import type { DeletedSyncPolicy } from "@/lib/core/models";
import { flagParam, textParam, urlStateCodec } from "@/lib/core/url-state";
import { policyDisplayName } from "@/lib/partners/display";
import { isExpiringSoon } from "./retention";

export interface DeletedFilter {
  query: string;
  expiringOnly: boolean;
}

const deletedFilterCodec = urlStateCodec<DeletedFilter>({ query: textParam("q"), expiringOnly: flagParam("expiring") });

export const parseDeletedFilter = deletedFilterCodec.parse;
export const toDeletedSearchParams = deletedFilterCodec.serialize;

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
