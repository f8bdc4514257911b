import type { PartnerRow, SyncState } from "@/lib/core/models";
import { choiceParam, directionParam, textParam, urlStateCodec, type SortDirection } from "@/lib/core/url-state";
import { partnerDisplayName, syncCannotWork, syncStateOf, wellKnownTenantLabel } from "@/lib/partners/display";

export const SORT_COLUMNS = ["name", "tenantId", "userSync", "groupSync", "serviceProvider", "multiTenantOrg"] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];

/** A sync state, or "cannot-work": inbound user sync allowed while inbound automatic redemption is off. */
export type SyncFilter = SyncState | "cannot-work";

export interface PartnersFilter {
  query: string;
  sync: SyncFilter | null;
  sort: SortColumn;
  direction: SortDirection;
}

const SYNC_FILTERS: readonly SyncFilter[] = ["allowed", "blocked", "no-policy", "cannot-work"];

const partnersFilterCodec = urlStateCodec<PartnersFilter>({
  query: textParam("q"),
  sync: choiceParam("sync", SYNC_FILTERS, null),
  sort: choiceParam("sort", SORT_COLUMNS, "name"),
  direction: directionParam(),
});

export const DEFAULT_FILTER: PartnersFilter = partnersFilterCodec.defaults;
export const parsePartnersFilter = partnersFilterCodec.parse;
export const toSearchParams = partnersFilterCodec.serialize;

function matchesSync(partner: PartnerRow, sync: SyncFilter): boolean {
  return sync === "cannot-work" ? syncCannotWork(partner) : syncStateOf(partner) === sync;
}

function groupSyncRank(partner: PartnerRow): number {
  const allowed = partner.syncPolicy?.groupSyncAllowed;
  return allowed === true ? 0 : allowed === false ? 1 : 2;
}

const SYNC_RANK: Record<SyncState, number> = { allowed: 0, blocked: 1, "no-policy": 2 };

function flagRank(value: boolean | null): number {
  return value === true ? 0 : value === false ? 1 : 2;
}

function sortKey(partner: PartnerRow, column: SortColumn): string | number {
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

// Built once per row object: a keystroke then costs one substring test per partner.
const haystacks = new WeakMap<PartnerRow, string>();

function haystackOf(partner: PartnerRow): string {
  let haystack = haystacks.get(partner);
  if (haystack === undefined) {
    haystack = [partnerDisplayName(partner), partner.syncPolicy?.displayName, partner.defaultDomainName, wellKnownTenantLabel(partner.tenantId), partner.tenantId]
      .filter(Boolean)
      .join(" ")
      .toLowerCase();
    haystacks.set(partner, haystack);
  }
  return haystack;
}

export function matchesQuery(partner: PartnerRow, query: string): boolean {
  const needle = query.trim().toLowerCase();
  return !needle || haystackOf(partner).includes(needle);
}

/** Sorted copy; keys are computed once per row, not once per comparison. */
export function sortPartners<T extends PartnerRow>(partners: readonly T[], sort: Pick<PartnersFilter, "sort" | "direction">): T[] {
  const factor = sort.direction === "asc" ? 1 : -1;
  const keyed = partners.map((row) => ({ row, key: sortKey(row, sort.sort), name: sortKey(row, "name") }));
  keyed.sort((a, b) => {
    const order = a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    if (order !== 0) return order * factor;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
  return keyed.map((entry) => entry.row);
}

/** Keeps the order it is given: filter an already sorted list and each keystroke stays linear. */
export function filterPartners<T extends PartnerRow>(partners: readonly T[], filter: Pick<PartnersFilter, "query" | "sync">): T[] {
  const needle = filter.query.trim().toLowerCase();
  if (!needle && filter.sync === null) return [...partners];
  return partners.filter((partner) => (filter.sync === null || matchesSync(partner, filter.sync)) && (!needle || haystackOf(partner).includes(needle)));
}

export function applyPartnersFilter<T extends PartnerRow>(partners: readonly T[], filter: PartnersFilter): T[] {
  return filterPartners(sortPartners(partners, filter), filter);
}

export interface PartnersSummary {
  total: number;
  allowed: number;
  blocked: number;
  noPolicy: number;
  /** Sync allowed but inbound automatic redemption off. */
  cannotWork: number;
}

export function summarisePartners(partners: PartnerRow[]): PartnersSummary {
  const summary: PartnersSummary = { total: partners.length, allowed: 0, blocked: 0, noPolicy: 0, cannotWork: 0 };
  for (const partner of partners) {
    const state = syncStateOf(partner);
    if (state === "allowed") summary.allowed += 1;
    else if (state === "blocked") summary.blocked += 1;
    else summary.noPolicy += 1;
    if (syncCannotWork(partner)) summary.cannotWork += 1;
  }
  return summary;
}
