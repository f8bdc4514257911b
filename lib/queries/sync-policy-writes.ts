"use client";

import { deleteSyncPolicy, purgeSyncPolicies, setUpSync, updateSyncPolicy, type SetUpSyncResult, type SyncSettings } from "@/lib/actions/sync-policy-writes";
import type { SyncPolicy } from "@/lib/models";
import { isSettledOutcome, type WriteOutcome } from "@/lib/writes/outcome";
import { addToDeleted, removeFromDeleted, updatePartner } from "./write-cache";
import { deletedSyncPolicyTarget, sendInChunks, useGraphWrite } from "./writes";

export type { SetUpSyncResult, SyncSettings };

export function useUpdateSyncPolicy() {
  return useGraphWrite<{ tenantId: string; settings: SyncSettings }, WriteOutcome>({
    targets: ({ tenantId }) => [`sync-policy:${tenantId.toLowerCase()}`],
    run: (token, { tenantId, settings }) => updateSyncPolicy(token, tenantId, settings),
    optimistic: (queryClient, accountId, { tenantId, settings }) =>
      updatePartner(queryClient, accountId, tenantId, (partner) =>
        partner.syncPolicy ? { ...partner, syncPolicy: { ...partner.syncPolicy, ...settings } } : partner,
      ),
    apply: (queryClient, accountId, outcome, { tenantId }, rollback) => {
      const policy = outcome.policy;
      if (policy) updatePartner(queryClient, accountId, tenantId, (partner) => ({ ...partner, syncPolicy: policy }));
      else if (!isSettledOutcome(outcome)) rollback();
    },
  });
}

export function useSetUpSync() {
  return useGraphWrite<{ tenantId: string; displayName: string; enableAutomaticRedemption: boolean }, SetUpSyncResult>({
    targets: ({ tenantId }) => [`sync-policy:${tenantId.toLowerCase()}`],
    run: (token, { tenantId, displayName, enableAutomaticRedemption }) => setUpSync(token, tenantId, displayName, enableAutomaticRedemption),
    apply: (queryClient, accountId, { policy, redemption }, { tenantId }) => {
      // A 409 shows the policy someone else just created.
      const live: SyncPolicy | null = policy.policy;
      if (live) updatePartner(queryClient, accountId, tenantId, (partner) => ({ ...partner, syncPolicy: live }));
      if (redemption?.kind === "done") {
        updatePartner(queryClient, accountId, tenantId, (partner) => ({
          ...partner,
          automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: partner.automaticUserConsentSettings?.outboundAllowed ?? false },
        }));
      }
    },
  });
}

export function useDeleteSyncPolicy() {
  return useGraphWrite<{ tenantId: string; policy: SyncPolicy }, WriteOutcome>({
    targets: ({ tenantId }) => [`sync-policy:${tenantId.toLowerCase()}`],
    run: (token, { tenantId }) => deleteSyncPolicy(token, tenantId),
    optimistic: (queryClient, accountId, { tenantId }) => updatePartner(queryClient, accountId, tenantId, (partner) => ({ ...partner, syncPolicy: null })),
    apply: (queryClient, accountId, outcome, { policy }, rollback) => {
      if (!isSettledOutcome(outcome)) rollback();
      else if (outcome.kind === "done") addToDeleted(queryClient, accountId, { ...policy, deletedDateTime: new Date().toISOString() });
    },
  });
}

/** Rows leave deleted items at once; those Graph did not purge come back with their outcome. */
export function usePurgeSyncPolicies() {
  return useGraphWrite<{ tenantIds: string[] }, WriteOutcome[]>({
    targets: ({ tenantIds }) => tenantIds.map(deletedSyncPolicyTarget),
    send: (getToken, { tenantIds }) => sendInChunks(getToken, "purge-sync-policy", tenantIds, purgeSyncPolicies),
    optimistic: (queryClient, accountId, { tenantIds }) => removeFromDeleted(queryClient, accountId, new Set(tenantIds.map((id) => id.toLowerCase()))),
    apply: (queryClient, accountId, outcomes, _args, rollback) => {
      if (outcomes.every(isSettledOutcome)) return;
      // Put the rows back, then take out again those that are gone.
      rollback();
      removeFromDeleted(queryClient, accountId, new Set(outcomes.filter(isSettledOutcome).map((outcome) => outcome.tenantId.toLowerCase())));
    },
  });
}
