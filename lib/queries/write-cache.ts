/**
 * Cache edits every write shares: the partners view, each partner's detail and
 * the deleted lists change together, so no view contradicts another.
 */
import type { QueryClient } from "@tanstack/react-query";
import type { DeletedSyncPolicy, Partner } from "@/lib/models";
import { updateDeletedLists } from "./cache-sync";
import { graphKeys } from "./keys";
import type { PartnerDetail, PartnersView } from "./partners";

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Applies one change to a partner wherever it is cached; `null` removes it. */
export function updatePartner(queryClient: QueryClient, accountId: string, tenantId: string, change: (partner: Partner) => Partner | null): void {
  queryClient.setQueryData<PartnersView>(graphKeys.partnersView(accountId), (view) => {
    if (!view) return view;
    const partners = view.partners.flatMap((partner) => {
      if (!same(partner.tenantId, tenantId)) return [partner];
      const next = change(partner);
      return next ? [next] : [];
    });
    return { ...view, partners };
  });
  queryClient.setQueryData<PartnerDetail>(graphKeys.partnerDetail(accountId, tenantId), (detail) =>
    detail?.partner ? { ...detail, partner: change(detail.partner) } : detail,
  );
}

export function addToDeleted(queryClient: QueryClient, accountId: string, policy: DeletedSyncPolicy): void {
  updateDeletedLists(queryClient, accountId, (list) => [...list.filter((p) => !same(p.tenantId, policy.tenantId)), policy]);
  queryClient.setQueryData<PartnerDetail>(graphKeys.partnerDetail(accountId, policy.tenantId), (detail) => (detail ? { ...detail, deletedSyncPolicy: policy } : detail));
}

export function removeFromDeleted(queryClient: QueryClient, accountId: string, tenantIds: ReadonlySet<string>): void {
  updateDeletedLists(queryClient, accountId, (list) => list.filter((p) => !tenantIds.has(p.tenantId.toLowerCase())));
  for (const id of tenantIds) {
    queryClient.setQueryData<PartnerDetail>(graphKeys.partnerDetail(accountId, id), (detail) => (detail ? { ...detail, deletedSyncPolicy: null } : detail));
  }
}

/** Snapshot of every cache a write touches, to put back when Graph refuses. */
export function snapshotCaches(queryClient: QueryClient, accountId: string): () => void {
  const saved = queryClient.getQueriesData({ queryKey: graphKeys.account(accountId) });
  return () => {
    for (const [key, data] of saved) queryClient.setQueryData(key, data);
  };
}
