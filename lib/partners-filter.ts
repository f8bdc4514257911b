import type { Partner, SyncState } from "./models";
import { partnerDisplayName, syncStateOf, wellKnownTenantLabel } from "./partner-display";

export const SORT_COLUMNS = ["name", "tenantId", "userSync", "groupSync", "serviceProvider", "multiTenantOrg"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = "asc" | "desc";

export interface PartnersFilter {
  query: string;
  sync: SyncState | null;
  sort: SortColumn;
  direction: SortDirection;
}

export const DEFAULT_FILTER: PartnersFilter = { query: "", sync: null, sort: "name", direction: "asc" };

const SYNC_STATES: readonly SyncState[] = ["allowed", "blocked", "no-policy"];

export function parsePartnersFilter(params: URLSearchParams): PartnersFilter {
  const sync = params.get("sync");
  const sort = params.get("sort");
  return {
    query: (params.get("q") ?? "").slice(0, 200),
    sync: SYNC_STATES.includes(sync as SyncState) ? (sync as SyncState) : null,
    sort: SORT_COLUMNS.includes(sort as SortColumn) ? (sort as SortColumn) : DEFAULT_FILTER.sort,
    direction: params.get("dir") === "desc" ? "desc" : "asc",
  };
}

export function toSearchParams(filter: PartnersFilter): URLSearchParams {
  const params = new URLSearchParams();
  if (filter.query) params.set("q", filter.query);
  if (filter.sync) params.set("sync", filter.sync);
  if (filter.sort !== DEFAULT_FILTER.sort) params.set("sort", filter.sort);
  if (filter.direction !== DEFAULT_FILTER.direction) params.set("dir", filter.direction);
  return params;
}

function groupSyncRank(partner: Partner): number {
  const allowed = partner.syncPolicy?.groupSyncAllowed;
  return allowed === true ? 0 : allowed === false ? 1 : 2;
}

const SYNC_RANK: Record<SyncState, number> = { allowed: 0, blocked: 1, "no-policy": 2 };

function flagRank(value: boolean | null): number {
  return value === true ? 0 : value === false ? 1 : 2;
}

function sortKey(partner: Partner, column: SortColumn): string | number {
  switch (column) {
    case "name":
      // Unnamed partners sort after named ones.
      return (partnerDisplayName(partner) ?? wellKnownTenantLabel(partner.tenantId) ?? `\uffff${partner.tenantId}`).toLowerCase();
    case "tenantId":
      return partner.tenantId.toLowerCase();
    case "userSync":
      return SYNC_RANK[syncStateOf(partner)];
    case "groupSync":
      return groupSyncRank(partner);
    case "serviceProvider":
      return flagRank(partner.isServiceProvider);
    case "multiTenantOrg":
      return flagRank(partner.isInMultiTenantOrganization);
  }
}

export function matchesQuery(partner: Partner, query: string): boolean {
  const needle = query.trim().toLowerCase();
  if (!needle) return true;
  const haystack = [partnerDisplayName(partner), partner.syncPolicy?.displayName, partner.defaultDomainName, wellKnownTenantLabel(partner.tenantId), partner.tenantId]
    .filter(Boolean)
    .join(" ")
    .toLowerCase();
  return haystack.includes(needle);
}

export function applyPartnersFilter(partners: Partner[], filter: PartnersFilter): Partner[] {
  const filtered = partners.filter(
    (partner) => matchesQuery(partner, filter.query) && (filter.sync === null || syncStateOf(partner) === filter.sync),
  );
  const factor = filter.direction === "asc" ? 1 : -1;
  return filtered.sort((a, b) => {
    const left = sortKey(a, filter.sort);
    const right = sortKey(b, filter.sort);
    const order = left < right ? -1 : left > right ? 1 : 0;
    if (order !== 0) return order * factor;
    return sortKey(a, "name") < sortKey(b, "name") ? -1 : 1;
  });
}

export interface PartnersSummary {
  total: number;
  allowed: number;
  blocked: number;
  noPolicy: number;
}

export function summarisePartners(partners: Partner[]): PartnersSummary {
  const summary: PartnersSummary = { total: partners.length, allowed: 0, blocked: 0, noPolicy: 0 };
  for (const partner of partners) {
    const state = syncStateOf(partner);
    if (state === "allowed") summary.allowed += 1;
    else if (state === "blocked") summary.blocked += 1;
    else summary.noPolicy += 1;
  }
  return summary;
}
