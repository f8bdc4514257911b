"use client";

/** Writes to sync policies, declared for the one write lifecycle (writes.ts). */
import { deleteSyncPolicy, purgeSyncPolicies, setUpSync, updateSyncPolicy, type SyncSettings } from "@/lib/actions/sync-policy-writes";
import type { SyncPolicy } from "@/lib/core/models";
import { isSettledOutcome, type WriteKind } from "@/lib/writes/outcome";
import { rereadDeletedSyncPolicyIds } from "./deleted-sync-policies";
import { partnerDetailQuery } from "./partners";
import { readForCheck } from "./write-checks";
import { addToDeleted, removeFromDeleted, updatePartner } from "./write-cache";
import { callWrite, deletedSyncPolicyTarget, sendInChunks, useGraphWrite, type Found, type WriteCheck } from "./writes";

export type { SyncSettings };

const syncPolicyTarget = (tenantId: string) => [`sync-policy:${tenantId.toLowerCase()}`];

/** After a lost answer, one partner's sync policy as Graph holds it now (the caches take the read) decides. */
function policyCheck<TArgs extends { tenantId: string }>(write: WriteKind, reached: (policy: SyncPolicy | null, args: TArgs) => boolean): WriteCheck<TArgs> {
  return {
    write,
    tenantIds: ({ tenantId }) => [tenantId],
    read: async (queryClient, accountId, getToken, args) => {
      const detail = await readForCheck(queryClient, partnerDetailQuery(accountId, args.tenantId, getToken, queryClient));
      const policy = detail.partner?.syncPolicy ?? null;
      const found: Found = { reached: reached(policy, args), policy };
      return () => found;
    },
  };
}
export function useUpdateSyncPolicy() {
  return useGraphWrite<{ tenantId: string; settings: SyncSettings }>({
    targets: ({ tenantId }) => syncPolicyTarget(tenantId),
    send: (getToken, { tenantId, settings }) => callWrite(getToken, (token) => updateSyncPolicy(token, tenantId, settings)),
    optimistic: (queryClient, accountId, { tenantId, settings }) =>
      updatePartner(queryClient, accountId, tenantId, (partner) => (partner.syncPolicy ? { ...partner, syncPolicy: { ...partner.syncPolicy, ...settings } } : partner)),
    check: policyCheck("update-sync-policy", (policy, { settings }) =>
      policy !== null && Object.entries(settings).every(([field, value]) => policy[field as keyof SyncSettings] === value),
    ),
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
    check: policyCheck("create-sync-policy", (policy) => policy !== null),
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
    check: policyCheck("delete-sync-policy", (policy) => policy === null),
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
    // After a lost answer: a policy no longer in deleted items is gone (purged, or restored meanwhile); one still there is not.
    check: {
      write: "purge-sync-policy",
      tenantIds: ({ tenantIds }) => tenantIds,
      read: async (queryClient, accountId, getToken) => {
        const stillDeleted = await rereadDeletedSyncPolicyIds(queryClient, accountId, getToken, true);
        return (tenantId) => ({ reached: !stillDeleted.has(tenantId.toLowerCase()) });
      },
    },
    apply: (queryClient, accountId, outcomes, _args, rollback) => {
      if (outcomes.every(isSettledOutcome)) return;
      // Put the rows back, then take out again those that are gone.
      rollback();
      removeFromDeleted(queryClient, accountId, new Set(outcomes.filter(isSettledOutcome).map((outcome) => outcome.tenantId.toLowerCase())));
    },
  });
}
