"use client";

import { useRestoreSyncPolicies, type RestoreRoute } from "@/lib/queries/restore";
import { useRereadDeletedSyncPolicyIds } from "@/lib/queries/deleted-sync-policies";
import type { DeletedSyncPolicy } from "@/lib/core/models";
import { policyDisplayName } from "@/lib/partners/display";
import { isSettledOutcome, type WriteOutcome } from "@/lib/writes/outcome";
import { WRITE_NOTICES } from "@/lib/writes/messages";
import { useWriteRun } from "@/components/writes/use-write-run";

/** Restores of sync policies for one view, through the shared write run; `route` for one row (several always go by deleted items). */
export function useRestoreFlow({
  route,
  onOpenPartner,
  onSettled,
}: {
  route: RestoreRoute;
  /** Where the success toast leads; omitted on the partner's own page. */
  onOpenPartner?: (tenantId: string) => void;
  onSettled?: (outcomes: WriteOutcome[]) => void;
}) {
  const { mutateAsync } = useRestoreSyncPolicies();
  return useWriteRun<DeletedSyncPolicy>({
    write: "restore-sync-policy",
    send: (policies) => mutateAsync({ tenantIds: policies.map((policy) => policy.tenantId), route }),
    tenantIdOf: (policy) => policy.tenantId,
    nameOf: (policy) => policyDisplayName(policy) ?? policy.tenantId,
    stillToDo: useRereadDeletedSyncPolicyIds(),
    actionFor: (outcome) =>
      onOpenPartner && (isSettledOutcome(outcome) || outcome.kind === "conflict") ? { label: WRITE_NOTICES.openPartner, onClick: () => onOpenPartner(outcome.tenantId) } : undefined,
    onSettled,
  });
}
