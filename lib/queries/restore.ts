"use client";

/**
 * Restores of sync policies, declared for the one write lifecycle (writes.ts).
 * Rows leave the deleted list at once (optimistic); what Graph answered decides
 * whether they stay gone, come back with a reason, or show up as live policies
 * in the partner caches. Each restore fences reads that started before it was
 * answered (cache-sync.ts).
 */
import type { MutationOptions, QueryClient } from "@tanstack/react-query";
import { restoreSyncPolicies, restoreSyncPolicy } from "@/lib/actions/deleted-sync-policies";
import type { RestoreRoute, WriteOutcome } from "@/lib/writes/outcome";
import type { GetGraphToken } from "@/lib/auth/use-graph-token";
import { graphKeys } from "./keys";
import { restoreSettled, restoreStarted, setLivePolicy } from "./cache-sync";
import { rereadDeletedSyncPolicyIds } from "./deleted-sync-policies";
import { removeFromDeleted } from "./write-cache";
import { callWrite, deletedSyncPolicyTarget, graphWriteOptions, sendInChunks, useGraphWrite, type GraphWrite, type WriteCheck } from "./writes";
import type { PartnerDetail } from "./partners";

export type { RestoreRoute };

/** Outcomes after which the policy is no longer in deleted items. */
const LEAVES_DELETED_ITEMS: ReadonlySet<WriteOutcome["kind"]> = new Set(["done", "already-done", "purged"]);

export function leavesDeletedItems(outcome: WriteOutcome): boolean {
  return LEAVES_DELETED_ITEMS.has(outcome.kind);
}

const lowerIds = (ids: readonly string[]) => new Set(ids.map((id) => id.toLowerCase()));

/**
 * Brings every cache in line with what Graph answered: rows that are still in
 * deleted items come back (`rollback`), the others stay out, restored ones show as live.
 */
export function applyRestoreOutcomes(queryClient: QueryClient, accountId: string, outcomes: WriteOutcome[], rollback: () => void) {
  if (!outcomes.every(leavesDeletedItems)) {
    rollback();
    removeFromDeleted(queryClient, accountId, lowerIds(outcomes.filter(leavesDeletedItems).map((outcome) => outcome.tenantId)));
  }
  for (const outcome of outcomes) {
    const id = outcome.tenantId.toLowerCase();
    restoreSettled(queryClient, accountId, id, leavesDeletedItems(outcome), outcome.policy);
    if (outcome.policy && (outcome.kind === "done" || outcome.kind === "already-done")) setLivePolicy(queryClient, accountId, id, outcome.policy);
    if (outcome.kind === "purged") {
      queryClient.setQueryData<PartnerDetail>(graphKeys.partnerDetail(accountId, id), (detail) => (detail ? { ...detail, deletedSyncPolicy: null } : detail));
    }
  }
}

export type RestoreVariables = { tenantIds: string[]; route?: RestoreRoute };

const idOfTarget = (target: string) => target.slice(target.indexOf(":") + 1);

/** After a lost answer: a policy no longer in deleted items went through (restored, or purged meanwhile); one still there did not. */
const restoreCheck: WriteCheck<RestoreVariables> = {
  write: "restore-sync-policy",
  tenantIds: ({ tenantIds }) => tenantIds,
  read: async (queryClient, accountId, getToken, { tenantIds }) => {
    // Their fences would hide them from this read; it is the one that decides.
    tenantIds.forEach((id) => restoreSettled(queryClient, accountId, id, false, null));
    const stillDeleted = await rereadDeletedSyncPolicyIds(queryClient, accountId, getToken, true);
    return (tenantId) => ({ reached: !stillDeleted.has(tenantId.toLowerCase()) });
  },
};

export const restoreWrite: GraphWrite<RestoreVariables> = {
  // A restore or purge of the same policy already on the wire is not sent again; the other rows go.
  targets: ({ tenantIds }) => tenantIds.map(deletedSyncPolicyTarget),
  narrow: (args, claimed) => ({ ...args, tenantIds: claimed.map(idOfTarget) }),
  begin: (queryClient, accountId, { tenantIds }) => restoreStarted(queryClient, accountId, tenantIds),
  abandon: (queryClient, accountId, { tenantIds }) => tenantIds.forEach((id) => restoreSettled(queryClient, accountId, id, false, null)),
  optimistic: (queryClient, accountId, { tenantIds }) => removeFromDeleted(queryClient, accountId, lowerIds(tenantIds)),
  send: (getToken, { tenantIds, route }) => {
    const [only] = tenantIds;
    if (tenantIds.length === 1 && only && route) return callWrite(getToken, (token) => restoreSyncPolicy(token, only, route));
    return sendInChunks(getToken, "restore-sync-policy", tenantIds, restoreSyncPolicies);
  },
  check: restoreCheck,
  apply: (queryClient, accountId, outcomes, _args, rollback) => applyRestoreOutcomes(queryClient, accountId, outcomes, rollback),
};

export function restoreMutationOptions(queryClient: QueryClient, accountId: string, getToken: GetGraphToken): MutationOptions<WriteOutcome[], Error, RestoreVariables, { rollback: () => void }> {
  return graphWriteOptions(queryClient, accountId, getToken, restoreWrite);
}

export function useRestoreSyncPolicies() {
  return useGraphWrite(restoreWrite);
}
