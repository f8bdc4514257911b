/**
 * Keeps the partners view, the deleted list and the partner details consistent:
 * whichever read is fresher updates the others, so no view contradicts another.
 */
import type { QueryClient } from "@tanstack/react-query";
import type { DeletedSyncPolicy, Partner } from "@/lib/models";
import type { PartnerDetail, PartnersView } from "./partners";
import { graphKeys } from "./keys";

function sameTenant(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** After a fresh partners view: the deleted list and every cached detail take its data. */
export function spreadPartnersView(queryClient: QueryClient, accountId: string, view: PartnersView): void {
  const deleted = view.deletedSyncPolicies;
  if (deleted) queryClient.setQueryData(graphKeys.deletedSyncPolicies(accountId), deleted);
  const detailPrefix = ["graph", accountId, "partner-detail"];
  for (const [key, detail] of queryClient.getQueriesData<PartnerDetail>({ queryKey: detailPrefix })) {
    const tenantId = key[3];
    if (typeof tenantId !== "string" || !detail) continue;
    const partner: Partner | null = view.partners.find((candidate) => sameTenant(candidate.tenantId, tenantId)) ?? null;
    const deletedSyncPolicy = deleted ? (deleted.find((policy) => sameTenant(policy.tenantId, tenantId)) ?? null) : detail.deletedSyncPolicy;
    queryClient.setQueryData<PartnerDetail>(key, { partner, deletedSyncPolicy });
  }
}

/** Applies one change to both copies of the deleted list: its own cache and the partners view's. */
export function updateDeletedLists(queryClient: QueryClient, accountId: string, change: (list: DeletedSyncPolicy[]) => DeletedSyncPolicy[]): void {
  queryClient.setQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(accountId), (list) => (list ? change(list) : list));
  queryClient.setQueryData<PartnersView>(graphKeys.partnersView(accountId), (view) =>
    view?.deletedSyncPolicies ? { ...view, deletedSyncPolicies: change(view.deletedSyncPolicies) } : view,
  );
}

function withDeletedEntry(list: DeletedSyncPolicy[], tenantId: string, entry: DeletedSyncPolicy | null): DeletedSyncPolicy[] {
  const others = list.filter((policy) => !sameTenant(policy.tenantId, tenantId));
  return entry ? [...others, entry] : others;
}

/** After a fresh partner detail: the partners view and the deleted lists take its data. */
export function spreadPartnerDetail(queryClient: QueryClient, accountId: string, tenantId: string, detail: PartnerDetail): void {
  queryClient.setQueryData<PartnersView>(graphKeys.partnersView(accountId), (view) => {
    if (!view) return view;
    const partners = detail.partner
      ? view.partners.map((partner) => (sameTenant(partner.tenantId, tenantId) ? detail.partner! : partner))
      : view.partners.filter((partner) => !sameTenant(partner.tenantId, tenantId));
    return { ...view, partners };
  });
  updateDeletedLists(queryClient, accountId, (list) => withDeletedEntry(list, tenantId, detail.deletedSyncPolicy));
}
