"use client";

import { useCallback, useEffect, useState } from "react";
import { useMsal } from "@azure/msal-react";
import { toast } from "sonner";
import { isRetryableRestoreOutcome } from "@/lib/graph/restore-outcome";
import { useAuthConfig } from "@/lib/auth/auth-config-context";
import { redirectToSignIn } from "@/lib/auth/interactive-sign-in";
import { GraphActionError } from "@/lib/queries/graph-action";
import { useRestoreSyncPolicies, type RestoreOutcome, type RestoreRoute } from "@/lib/queries/restore";
import type { DeletedSyncPolicy } from "@/lib/models";
import { policyDisplayName } from "@/lib/partner-display";
import { describeRestoreOutcome } from "@/lib/restore-messages";
import { describeError, toAppError } from "@/components/feedback/graph-error-panel";

export interface RestoreRun {
  outcomes: RestoreOutcome[];
  names: Record<string, string>;
  /** When throttled items may be retried, as epoch ms; null when nothing waits. */
  retryAt: number | null;
}

function useSecondsUntil(epochMs: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (epochMs === null) return;
    const timer = window.setInterval(() => setNow(Date.now()), 250);
    return () => window.clearInterval(timer);
  }, [epochMs]);
  return epochMs === null ? 0 : Math.max(0, Math.ceil((epochMs - now) / 1000));
}

export function useRestoreFlow(onOpenPartner: (tenantId: string) => void) {
  const mutation = useRestoreSyncPolicies();
  const { instance } = useMsal();
  const config = useAuthConfig();
  const [run, setRun] = useState<RestoreRun | null>(null);
  const retryInSeconds = useSecondsUntil(run?.retryAt ?? null);

  const restore = useCallback(
    async (policies: DeletedSyncPolicy[], route?: RestoreRoute): Promise<RestoreOutcome[]> => {
      if (policies.length === 0) return [];
      const names = Object.fromEntries(policies.map((policy) => [policy.tenantId.toLowerCase(), policyDisplayName(policy) ?? policy.tenantId]));
      try {
        const outcomes = await mutation.mutateAsync({ tenantIds: policies.map((policy) => policy.tenantId), route });
        const waits = outcomes.filter((outcome) => outcome.kind === "throttled").map((outcome) => outcome.error?.retryAfterSeconds ?? 5);
        setRun({ outcomes, names, retryAt: waits.length > 0 ? Date.now() + Math.max(...waits) * 1000 : null });
        if (outcomes.length === 1 && outcomes[0]) {
          const outcome = outcomes[0];
          const message = describeRestoreOutcome(outcome);
          const name = names[outcome.tenantId.toLowerCase()] ?? outcome.tenantId;
          const open = { label: "Open partner", onClick: () => onOpenPartner(outcome.tenantId) };
          if (message.tone === "success") toast.success(`Restored the sync policy of ${name}`, { description: message.detail, action: open });
          else if (message.tone === "info") toast.info(`${name}: ${message.label.toLowerCase()}`, { description: message.detail, action: open });
          else toast.warning(`${name}: ${message.label.toLowerCase()}`, { description: message.detail });
        }
        return outcomes;
      } catch (error) {
        const appError = toAppError(error);
        if (error instanceof GraphActionError && appError.status === 401) {
          toast.error("Your session expired; signing you in again. Your selection is kept.");
          await redirectToSignIn(instance, config);
          return [];
        }
        toast.error(describeError(appError).title, {
          description: `Nothing was restored. ${appError.message}${appError.requestId ? ` Request ID: ${appError.requestId}` : ""}`,
        });
        return [];
      }
    },
    [mutation, onOpenPartner, instance, config],
  );

  const retryable = run?.outcomes.filter(isRetryableRestoreOutcome) ?? [];

  return { restore, run, setRun, pending: mutation.isPending, retryInSeconds, retryable };
}
