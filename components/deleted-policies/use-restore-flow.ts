"use client";

import { useCallback, useMemo } from "react";
import { toast } from "sonner";
import { useRestoreSyncPolicies, type RestoreRoute } from "@/lib/queries/restore";
import { useRereadDeletedSyncPolicyIds } from "@/lib/queries/deleted-sync-policies";
import { useAccessProfile } from "@/lib/auth/use-access-profile";
import type { DeletedSyncPolicy } from "@/lib/models";
import { policyDisplayName } from "@/lib/partners/display";
import { describeWriteOutcome, type OutcomeContext } from "@/lib/writes/messages";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { useWriteRun } from "@/components/writes/use-write-run";

/** Restores of sync policies for one view, through the shared write run. */
export function useRestoreFlow({
  onOpenPartner,
  onSettled,
}: {
  /** Where the success toast leads; omitted on the partner's own page. */
  onOpenPartner?: (tenantId: string) => void;
  onSettled?: (outcomes: WriteOutcome[]) => void;
}) {
  const { mutateAsync } = useRestoreSyncPolicies();
  const profile = useAccessProfile();
  const writeBlockedReason = profile?.writeBlockedReason ?? null;
  const roleConfirmed = profile?.write === "allowed";
  const messageContext = useMemo<OutcomeContext>(() => ({ writeBlockedReason, roleConfirmed }), [writeBlockedReason, roleConfirmed]);

  const stillDeleted = useRereadDeletedSyncPolicyIds();

  const announceOne = useCallback(
    (outcome: WriteOutcome, name: string) => {
      const message = describeWriteOutcome(outcome, messageContext);
      const open = onOpenPartner ? { action: { label: "Open partner", onClick: () => onOpenPartner(outcome.tenantId) } } : {};
      if (message.tone === "success") toast.success(`Restored the sync policy of ${name}`, { description: message.detail, ...open });
      else if (message.tone === "info") toast.info(`${name}: ${message.label.toLowerCase()}`, { description: message.detail, ...open });
      else toast.warning(`${name}: ${message.label.toLowerCase()}`, { description: message.detail });
    },
    [messageContext, onOpenPartner],
  );

  const flow = useWriteRun<DeletedSyncPolicy, RestoreRoute>({
    send: (policies, route) => mutateAsync({ tenantIds: policies.map((policy) => policy.tenantId), route }),
    tenantIdOf: (policy) => policy.tenantId,
    nameOf: (policy) => policyDisplayName(policy) ?? policy.tenantId,
    nothingDone: "Nothing was restored.",
    stillToDo: stillDeleted,
    announceOne,
    onSettled,
  });
  return { ...flow, messageContext };
}
