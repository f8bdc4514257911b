/**
 * Keeps the partners list, the deleted list and the partner details consistent:
 * whichever read is fresher updates the others, so no view contradicts another.
 *
 * Restores leave a fence per tenant: a read that started before the restore was
 * answered may have seen the policy still in deleted items, so whatever it
 * brings back is corrected before it reaches any cache.
 */
import type { QueryClient } from "@tanstack/react-query";
import type { DeletedSyncPolicy, PartnerRow, SyncPolicy } from "@/lib/core/models";
import type { PartnerDetail } from "@/lib/actions/partners";
import { toPartnerRow, toRowPolicy } from "@/lib/partners/row";
import { graphKeys } from "./keys";

/** The partners list as cached: Graph's pages of rows as they arrived, and whether the last one has. */
export interface PartnersList {
  pages: PartnerRow[][];
  complete: boolean;
}

function sameTenant(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

interface Fence {
  /** Logical time the restore was answered; null while it is on its way. */
  settledAt: number | null;
  /** The live policy Graph answered with, when it did. */
  policy: SyncPolicy | null;
}

// Logical clock: ordering, not wall time, decides which read may be stale.
let clock = 0;
const fences = new WeakMap<QueryClient, Map<string, Map<string, Fence>>>();

function fencesOf(queryClient: QueryClient, accountId: string): Map<string, Fence> {
  let byAccount = fences.get(queryClient);
  if (!byAccount) fences.set(queryClient, (byAccount = new Map()));
  let byTenant = byAccount.get(accountId);
  if (!byTenant) byAccount.set(accountId, (byTenant = new Map()));
  return byTenant;
}

/** Call before a read goes out; pass the answer to the fence helpers below. */
export function readStarted(): number {
  return ++clock;
}

export function restoreStarted(queryClient: QueryClient, accountId: string, tenantIds: readonly string[]): void {
  const byTenant = fencesOf(queryClient, accountId);
  for (const id of tenantIds) byTenant.set(id.toLowerCase(), { settledAt: null, policy: null });
}

/** `left`: the policy left deleted items (restored, already restored, purged); otherwise the fence goes. */
export function restoreSettled(queryClient: QueryClient, accountId: string, tenantId: string, left: boolean, policy: SyncPolicy | null): void {
  const byTenant = fencesOf(queryClient, accountId);
  if (left) byTenant.set(tenantId.toLowerCase(), { settledAt: ++clock, policy });
  else byTenant.delete(tenantId.toLowerCase());
}

/** The fence a read that started at `startedAt` must respect, if any. */
function fenceFor(queryClient: QueryClient, accountId: string, tenantId: string, startedAt: number): Fence | null {
  const fence = fencesOf(queryClient, accountId).get(tenantId.toLowerCase());
  if (!fence) return null;
  return fence.settledAt === null || fence.settledAt > startedAt ? fence : null;
}

export function fenceDeletedList(queryClient: QueryClient, accountId: string, list: DeletedSyncPolicy[], startedAt: number): DeletedSyncPolicy[] {
  return list.filter((policy) => !fenceFor(queryClient, accountId, policy.tenantId, startedAt));
}

export function fenceRows(queryClient: QueryClient, accountId: string, rows: PartnerRow[], startedAt: number): PartnerRow[] {
  return rows.map((row) => {
    const fence = row.syncPolicy ? null : fenceFor(queryClient, accountId, row.tenantId, startedAt);
    return fence?.policy ? { ...row, syncPolicy: toRowPolicy(fence.policy) } : row;
  });
}

export function fenceDetail(queryClient: QueryClient, accountId: string, tenantId: string, detail: PartnerDetail, startedAt: number): PartnerDetail {
  const fence = fenceFor(queryClient, accountId, tenantId, startedAt);
  if (!fence) return detail;
  const partner = detail.partner && !detail.partner.syncPolicy && fence.policy ? { ...detail.partner, syncPolicy: fence.policy } : detail.partner;
  return { partner, deletedSyncPolicy: null };
}

/** Applies one change to every page of the partners list. */
export function updatePartnerRows(queryClient: QueryClient, accountId: string, change: (rows: PartnerRow[]) => PartnerRow[]): void {
  queryClient.setQueryData<PartnersList>(graphKeys.partnersList(accountId), (list) =>
    list ? { ...list, pages: list.pages.map((page) => change(page)) } : list,
  );
}

export function setLivePolicy(queryClient: QueryClient, accountId: string, tenantId: string, policy: SyncPolicy): void {
  const row = toRowPolicy(policy);
  updatePartnerRows(queryClient, accountId, (rows) => rows.map((partner) => (sameTenant(partner.tenantId, tenantId) ? { ...partner, syncPolicy: row } : partner)));
  queryClient.setQueryData<PartnerDetail>(graphKeys.partnerDetail(accountId, tenantId), (detail) =>
    detail?.partner ? { partner: { ...detail.partner, syncPolicy: policy }, deletedSyncPolicy: null } : detail,
  );
}

/** Applies one change to the deleted list. */
export function updateDeletedLists(queryClient: QueryClient, accountId: string, change: (list: DeletedSyncPolicy[]) => DeletedSyncPolicy[]): void {
  queryClient.setQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(accountId), (list) => (list ? change(list) : list));
}

/** After a fresh deleted list: every cached detail takes its answer on whether the policy is in deleted items. */
export function spreadDeletedList(queryClient: QueryClient, accountId: string, deleted: DeletedSyncPolicy[]): void {
  const detailPrefix = ["graph", accountId, "partner-detail"];
  for (const [key, detail] of queryClient.getQueriesData<PartnerDetail>({ queryKey: detailPrefix })) {
    const tenantId = key[3];
    if (typeof tenantId !== "string" || !detail) continue;
    const deletedSyncPolicy = deleted.find((policy) => sameTenant(policy.tenantId, tenantId)) ?? null;
    if (deletedSyncPolicy !== detail.deletedSyncPolicy) queryClient.setQueryData<PartnerDetail>(key, { ...detail, deletedSyncPolicy });
  }
}

function withDeletedEntry(list: DeletedSyncPolicy[], tenantId: string, entry: DeletedSyncPolicy | null): DeletedSyncPolicy[] {
  const others = list.filter((policy) => !sameTenant(policy.tenantId, tenantId));
  return entry ? [...others, entry] : others;
}

/** After a fresh partner detail: the partners list and the deleted list take its data. */
export function spreadPartnerDetail(queryClient: QueryClient, accountId: string, tenantId: string, detail: PartnerDetail): void {
  const fresh = detail.partner ? toPartnerRow(detail.partner) : null;
  updatePartnerRows(queryClient, accountId, (rows) =>
    fresh ? rows.map((row) => (sameTenant(row.tenantId, tenantId) ? fresh : row)) : rows.filter((row) => !sameTenant(row.tenantId, tenantId)),
  );
  updateDeletedLists(queryClient, accountId, (list) => withDeletedEntry(list, tenantId, detail.deletedSyncPolicy));
}
