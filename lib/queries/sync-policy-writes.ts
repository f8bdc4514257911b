"use client";

/** Writes to sync policies, declared for the one write lifecycle (writes.ts). */
import { deleteSyncPolicy, purgeSyncPolicies, setUpSync, updateSyncPolicy, type SyncSettings } from "@/lib/actions/sync-policy-writes";
import type { SyncPolicy } from "@/lib/core/models";
import { isSettledOutcome } from "@/lib/writes/outcome";
import { addToDeleted, removeFromDeleted, updatePartner } from "./write-cache";
import { callWrite, deletedSyncPolicyTarget, sendInChunks, useGraphWrite } from "./writes";

export type { SyncSettings };

const syncPolicyTarget = (tenantId: string) => [`sync-policy:${tenantId.toLowerCase()}`];

export function useUpdateSyncPolicy() {
  return useGraphWrite<{ tenantId: string; settings: SyncSettings }>({
    targets: ({ tenantId }) => syncPolicyTarget(tenantId),
    send: (getToken, { tenantId, settings }) => callWrite(getToken, (token) => updateSyncPolicy(token, tenantId, settings)),
    optimistic: (queryClient, accountId, { tenantId, settings }) =>
      updatePartner(queryClient, accountId, tenantId, (partner) => (partner.syncPolicy ? { ...partner, syncPolicy: { ...partner.syncPolicy, ...settings } } : partner)),
    apply: (queryClient, accountId, [outcome], { tenantId }, rollback) => {
      const policy = outcome?.policy;
      if (policy) updatePartner(queryClient, accountId, tenantId, (partner) => ({ ...partner, syncPolicy: policy }));
      else if (!outcome || !isSettledOutcome(outcome)) rollback();
    },
  });
}

/** The policy, then (if asked) inbound automatic redemption; a 409 shows the policy someone else just created. */
export function useSetUpSync() {
  return useGraphWrite<{ tenantId: string; displayName: string; enableAutomaticRedemption: boolean }>({
    targets: ({ tenantId }) => syncPolicyTarget(tenantId),
    send: (getToken, { tenantId, displayName, enableAutomaticRedemption }) => callWrite(getToken, (token) => setUpSync(token, tenantId, displayName, enableAutomaticRedemption)),
    apply: (queryClient, accountId, outcomes, { tenantId }) => {
      for (const outcome of outcomes) {
        const live: SyncPolicy | null = outcome.policy;
        if (outcome.write === "create-sync-policy" && live) updatePartner(queryClient, accountId, tenantId, (partner) => ({ ...partner, syncPolicy: live }));
        if (outcome.write === "set-inbound-redemption" && outcome.kind === "done") {
          updatePartner(queryClient, accountId, tenantId, (partner) => ({
            ...partner,
            automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: partner.automaticUserConsentSettings?.outboundAllowed ?? null },
          }));
        }
      }
    },
  });
}

export function useDeleteSyncPolicy() {
  return useGraphWrite<{ tenantId: string; policy: SyncPolicy }>({
    targets: ({ tenantId }) => syncPolicyTarget(tenantId),
    send: (getToken, { tenantId }) => callWrite(getToken, (token) => deleteSyncPolicy(token, tenantId)),
    optimistic: (queryClient, accountId, { tenantId }) => updatePartner(queryClient, accountId, tenantId, (partner) => ({ ...partner, syncPolicy: null })),
    apply: (queryClient, accountId, [outcome], { policy }, rollback) => {
      if (!outcome || !isSettledOutcome(outcome)) rollback();
      else if (outcome.kind === "done") addToDeleted(queryClient, accountId, { ...policy, deletedDateTime: new Date().toISOString() });
    },
  });
}

/** Rows leave deleted items at once; those Graph did not purge come back with their outcome. */
export function usePurgeSyncPolicies() {
  return useGraphWrite<{ tenantIds: string[] }>({
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
