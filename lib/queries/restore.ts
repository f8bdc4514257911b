"use client";

/**
 * Restore mutations. Rows leave the deleted list at once (optimistic); what
 * Graph answered decides whether they stay gone, come back with a reason, or
 * show up as live policies in the partner caches.
 */
import { useMutation, useQueryClient, type MutationOptions, type QueryClient } from "@tanstack/react-query";
import { restoreSyncPolicies, restoreSyncPolicy } from "@/lib/actions/deleted-sync-policies";
import type { RestoreOutcome, RestoreRoute } from "@/lib/writes/outcome";
import { useGraphToken } from "@/lib/auth/use-graph-token";
import type { GetGraphToken } from "@/lib/auth/use-graph-token";
import type { DeletedSyncPolicy } from "@/lib/models";
import { callGraphAction } from "./graph-action";
import { claimTargets, deletedSyncPolicyTarget, isAnswerLost, releaseTargets, rememberWriteDenial, sendInChunks } from "./writes";
import { resumeCancelledReads } from "./write-cache";
import { graphKeys } from "./keys";
import { restoreSettled, restoreStarted, setLivePolicy, updateDeletedLists } from "./cache-sync";
import type { PartnerDetail } from "./partners";

export type { RestoreOutcome, RestoreRoute };

/** Outcomes after which the policy is no longer in deleted items. */
const LEAVES_DELETED_ITEMS: ReadonlySet<RestoreOutcome["kind"]> = new Set(["done", "already-done", "purged"]);

export function leavesDeletedItems(outcome: RestoreOutcome): boolean {
  return LEAVES_DELETED_ITEMS.has(outcome.kind);
}

function removeFromDeleted(queryClient: QueryClient, accountId: string, ids: Set<string>) {
  updateDeletedLists(queryClient, accountId, (list) => list.filter((policy) => !ids.has(policy.tenantId.toLowerCase())));
}

function putBackIntoDeleted(queryClient: QueryClient, accountId: string, policies: DeletedSyncPolicy[]) {
  if (policies.length === 0) return;
  updateDeletedLists(queryClient, accountId, (list) => {
    const present = new Set(list.map((policy) => policy.tenantId.toLowerCase()));
    return [...list, ...policies.filter((policy) => !present.has(policy.tenantId.toLowerCase()))];
  });
}

/** Brings every cache in line with what Graph answered, then lets the next visit re-read in the background. */
export function applyRestoreOutcomes(queryClient: QueryClient, accountId: string, outcomes: RestoreOutcome[], snapshot: DeletedSyncPolicy[]) {
  const byId = new Map(snapshot.map((policy) => [policy.tenantId.toLowerCase(), policy]));
  const comeBack: DeletedSyncPolicy[] = [];
  for (const outcome of outcomes) {
    const id = outcome.tenantId.toLowerCase();
    restoreSettled(queryClient, accountId, id, leavesDeletedItems(outcome), outcome.policy);
    if (outcome.policy && (outcome.kind === "done" || outcome.kind === "already-done")) setLivePolicy(queryClient, accountId, id, outcome.policy);
    if (outcome.kind === "purged") {
      queryClient.setQueryData<PartnerDetail>(graphKeys.partnerDetail(accountId, id), (detail) => (detail ? { ...detail, deletedSyncPolicy: null } : detail));
    }
    if (!leavesDeletedItems(outcome)) {
      const original = byId.get(id);
      if (original) comeBack.push(original);
    }
  }
  putBackIntoDeleted(queryClient, accountId, comeBack);
  void queryClient.invalidateQueries({ queryKey: graphKeys.account(accountId), refetchType: "none" });
}

function snapshotOf(queryClient: QueryClient, accountId: string, tenantIds: string[]): DeletedSyncPolicy[] {
  const wanted = new Set(tenantIds.map((id) => id.toLowerCase()));
  const fromList = queryClient.getQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(accountId)) ?? [];
  const fromDetails = tenantIds
    .map((id) => queryClient.getQueryData<PartnerDetail>(graphKeys.partnerDetail(accountId, id))?.deletedSyncPolicy)
    .filter((policy): policy is DeletedSyncPolicy => Boolean(policy));
  const seen = new Map<string, DeletedSyncPolicy>();
  for (const policy of [...fromList, ...fromDetails]) {
    const id = policy.tenantId.toLowerCase();
    if (wanted.has(id) && !seen.has(id)) seen.set(id, policy);
  }
  return [...seen.values()];
}

interface RestoreContext {
  snapshot: DeletedSyncPolicy[];
}

type RestoreVariables = { tenantIds: string[]; route?: RestoreRoute };

export function restoreMutationOptions(
  queryClient: QueryClient,
  accountId: string,
  getToken: GetGraphToken,
): MutationOptions<RestoreOutcome[], Error, RestoreVariables, RestoreContext> {
  return {
    onMutate: async ({ tenantIds }) => {
      restoreStarted(queryClient, accountId, tenantIds);
      await queryClient.cancelQueries({ queryKey: graphKeys.account(accountId) });
      const snapshot = snapshotOf(queryClient, accountId, tenantIds);
      removeFromDeleted(queryClient, accountId, new Set(tenantIds.map((id) => id.toLowerCase())));
      return { snapshot };
    },
    mutationFn: async ({ tenantIds, route }) => {
      // A restore or purge of the same policy already on the wire is not sent again.
      const ids = claimTargets(tenantIds.map(deletedSyncPolicyTarget)).map((target) => target.slice(target.indexOf(":") + 1));
      if (ids.length === 0) return [];
      try {
        if (ids.length === 1 && route) {
          const [id] = ids as [string];
          return [await callGraphAction(getToken, (token) => restoreSyncPolicy(token, id, route))];
        }
        return await sendInChunks(getToken, "restore-sync-policy", ids, restoreSyncPolicies);
      } finally {
        releaseTargets(ids.map(deletedSyncPolicyTarget));
      }
    },
    onSuccess: (outcomes, _variables, context) => {
      rememberWriteDenial(outcomes);
      applyRestoreOutcomes(queryClient, accountId, outcomes, context?.snapshot ?? []);
    },
    onError: async (error, { tenantIds }, context) => {
      const snapshot = context?.snapshot ?? [];
      for (const id of tenantIds) restoreSettled(queryClient, accountId, id, false, null);
      if (!isAnswerLost(error)) {
        putBackIntoDeleted(queryClient, accountId, snapshot);
        return;
      }
      // The call may have reached Graph: re-read instead of guessing which rows came back.
      try {
        await queryClient.refetchQueries({ queryKey: graphKeys.account(accountId), type: "active" }, { throwOnError: true });
      } catch {
        putBackIntoDeleted(queryClient, accountId, snapshot);
      }
      void queryClient.invalidateQueries({ queryKey: graphKeys.account(accountId), refetchType: "none" });
    },
    onSettled: () => resumeCancelledReads(queryClient, accountId),
  };
}

export function useRestoreSyncPolicies() {
  const { account, getToken } = useGraphToken();
  const queryClient = useQueryClient();
  const accountId = account?.homeAccountId ?? "signed-out";
  return useMutation(restoreMutationOptions(queryClient, accountId, getToken));
}
