/**
 * Cache edits every write shares: the partners list, each partner's detail and
 * the deleted lists change together, so no view contradicts another.
 */
import type { QueryClient } from "@tanstack/react-query";
import type { DeletedSyncPolicy, Partner } from "@/lib/core/models";
import { toPartnerRow } from "@/lib/partners/row";
import { updateDeletedLists, updatePartnerRows } from "./cache-sync";
import { graphKeys } from "./keys";
import type { PartnerDetail } from "./partners";

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * Applies one change to a partner wherever it is cached; `null` removes it. The
 * list holds only the columns it shows: the change sees those (the rest absent)
 * and the list keeps its columns of the result.
 */
export function updatePartner(queryClient: QueryClient, accountId: string, tenantId: string, change: (partner: Partner) => Partner | null): void {
  updatePartnerRows(queryClient, accountId, (rows) =>
    rows.flatMap((row) => {
      if (!same(row.tenantId, tenantId)) return [row];
      const next = change(row as Partner);
      return next ? [toPartnerRow(next)] : [];
    }),
  );
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

/**
 * Runs a write's optimistic change and returns its undo, which puts back only
 * the caches the change edited: reads that landed meanwhile elsewhere stay.
 */
export function editWithUndo(queryClient: QueryClient, accountId: string, change: () => void): () => void {
  const before = queryClient.getQueriesData({ queryKey: graphKeys.account(accountId) });
  change();
  const edited = before.filter(([key, data]) => queryClient.getQueryData(key) !== data);
  return () => {
    for (const [key, data] of edited) queryClient.setQueryData(key, data);
  };
}

/**
 * A write cancels the account's reads so none overwrites its optimistic change;
 * a read cancelled before its first answer would then wait forever. Start those
 * again for the views still showing them.
 */
export function resumeCancelledReads(queryClient: QueryClient, accountId: string): void {
  void queryClient.refetchQueries({
    queryKey: graphKeys.account(accountId),
    predicate: (query) => query.state.status === "pending" && query.state.fetchStatus === "idle" && query.getObserversCount() > 0,
  });
}
