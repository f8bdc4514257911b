"use client";

/**
 * Runs restores for one view: the mutation, toasts, the results of the last
 * run, and automatic retries of throttled items after a visible countdown.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useMsal } from "@azure/msal-react";
import { toast } from "sonner";
import { isRetryableOutcome } from "@/lib/writes/outcome";
import { useAuthConfig } from "@/lib/auth/auth-config-context";
import { redirectToSignIn } from "@/lib/auth/interactive-sign-in";
import { GraphActionError } from "@/lib/queries/graph-action";
import { isOutcomeUnknown, useRestoreSyncPolicies, type RestoreOutcome, type RestoreRoute } from "@/lib/queries/restore";
import { useQueryClient } from "@tanstack/react-query";
import { deletedSyncPoliciesQuery } from "@/lib/queries/deleted-sync-policies";
import { useGraphToken } from "@/lib/auth/use-graph-token";
import type { DeletedSyncPolicy } from "@/lib/models";
import { policyDisplayName } from "@/lib/partners/display";
import { describeWriteOutcome, type OutcomeContext } from "@/lib/writes/messages";
import { useAccessProfile } from "@/lib/auth/use-access-profile";
import { rememberDenial } from "@/lib/auth/permission-denials";
import { describeError, toAppError } from "@/components/feedback/graph-error-panel";

/** Throttled items are resent automatically this many times, each after Graph's Retry-After. */
export const AUTO_RETRY_ROUNDS = 3;
const DEFAULT_WAIT_SECONDS = 5;

export interface RestoreRun {
  outcomes: RestoreOutcome[];
  names: Record<string, string>;
  policies: Record<string, DeletedSyncPolicy>;
  route: RestoreRoute | undefined;
  /** When throttled items are resent automatically, as epoch ms; null when nothing waits. */
  retryAt: number | null;
  autoRound: number;
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

function mergeOutcomes(previous: RestoreOutcome[], latest: RestoreOutcome[]): RestoreOutcome[] {
  const byId = new Map(latest.map((outcome) => [outcome.tenantId.toLowerCase(), outcome]));
  const merged = previous.map((outcome) => {
    const newer = byId.get(outcome.tenantId.toLowerCase());
    if (!newer) return outcome;
    byId.delete(outcome.tenantId.toLowerCase());
    return { ...newer, attempts: outcome.attempts + newer.attempts };
  });
  return [...merged, ...byId.values()];
}

function announce(outcome: RestoreOutcome, name: string, onOpenPartner: ((tenantId: string) => void) | undefined, context: OutcomeContext) {
  const message = describeWriteOutcome(outcome, context);
  // Already on the partner's page there is nowhere to lead.
  const open = onOpenPartner ? { action: { label: "Open partner", onClick: () => onOpenPartner(outcome.tenantId) } } : {};
  if (message.tone === "success") toast.success(`Restored the sync policy of ${name}`, { description: message.detail, ...open });
  else if (message.tone === "info") toast.info(`${name}: ${message.label.toLowerCase()}`, { description: message.detail, ...open });
  else if (outcome.kind !== "throttled") toast.warning(`${name}: ${message.label.toLowerCase()}`, { description: message.detail });
}

export function useRestoreFlow({
  onOpenPartner,
  onSettled,
}: {
  /** Where the success toast leads; omitted on the partner's own page. */
  onOpenPartner?: (tenantId: string) => void;
  /** Called with every run's outcomes, automatic retries included. */
  onSettled?: (outcomes: RestoreOutcome[]) => void;
}) {
  const { mutateAsync, isPending } = useRestoreSyncPolicies();
  const queryClient = useQueryClient();
  const { account, getToken } = useGraphToken();
  const { instance } = useMsal();
  const config = useAuthConfig();
  const profile = useAccessProfile();
  const writeBlockedReason = profile?.writeBlockedReason ?? null;
  const roleConfirmed = profile?.write === "allowed";
  const messageContext = useMemo<OutcomeContext>(() => ({ writeBlockedReason, roleConfirmed }), [writeBlockedReason, roleConfirmed]);
  const [run, setRun] = useState<RestoreRun | null>(null);
  const runRef = useRef<RestoreRun | null>(null);
  const retryInSeconds = useSecondsUntil(run?.retryAt ?? null);

  const updateRun = useCallback((next: RestoreRun | null) => {
    runRef.current = next;
    setRun(next);
  }, []);

  const restore = useCallback(
    async (policies: DeletedSyncPolicy[], route?: RestoreRoute, continuing: { autoRound: number } | null = null): Promise<RestoreOutcome[]> => {
      if (policies.length === 0) return [];
      const names = Object.fromEntries(policies.map((policy) => [policy.tenantId.toLowerCase(), policyDisplayName(policy) ?? policy.tenantId]));
      const byId = Object.fromEntries(policies.map((policy) => [policy.tenantId.toLowerCase(), policy]));
      try {
        const outcomes = await mutateAsync({ tenantIds: policies.map((policy) => policy.tenantId), route });
        const refused = outcomes.find((outcome) => outcome.kind === "forbidden" && outcome.error);
        if (refused?.error) rememberDenial(refused.error);
        // Runs accumulate: a second action never hides the first one's results or its pending retries.
        const previous = runRef.current;
        const merged = previous ? mergeOutcomes(previous.outcomes, outcomes) : outcomes;
        const autoRound = continuing?.autoRound ?? 0;
        const waits = outcomes.filter((outcome) => outcome.kind === "throttled").map((outcome) => outcome.error?.retryAfterSeconds ?? DEFAULT_WAIT_SECONDS);
        const retryAt = waits.length > 0 && autoRound < AUTO_RETRY_ROUNDS ? Date.now() + Math.max(...waits) * 1000 : null;
        updateRun({
          outcomes: merged,
          names: { ...previous?.names, ...names },
          policies: { ...previous?.policies, ...byId },
          route,
          retryAt,
          autoRound,
        });
        if (policies.length === 1 && outcomes[0]) announce(outcomes[0], names[outcomes[0].tenantId.toLowerCase()] ?? outcomes[0].tenantId, onOpenPartner, messageContext);
        onSettled?.(outcomes);
        return outcomes;
      } catch (error) {
        const appError = toAppError(error);
        if (error instanceof GraphActionError && appError.status === 401) {
          const redirected = await redirectToSignIn(instance, config);
          if (redirected) toast.info("Your session expired; signing you in again. Your selection is kept.");
          else {
            toast.error("Your session expired and could not be renewed", {
              description: "Nothing was restored. Sign in again, then retry; your selection is kept.",
              action: { label: "Sign in", onClick: () => void redirectToSignIn(instance, config, { prompt: "select_account" }) },
            });
          }
          return [];
        }
        if (isOutcomeUnknown(error)) {
          toast.warning("Restore outcome unknown", {
            description: "The answer from the server was lost. The lists were re-read from Microsoft Graph: policies still in deleted items were not restored and can be retried.",
          });
          return [];
        }
        toast.error(describeError(appError).title, {
          description: `Nothing was restored. ${appError.message}${appError.requestId ? ` Request ID: ${appError.requestId}` : ""}`,
        });
        return [];
      }
    },
    [mutateAsync, onOpenPartner, onSettled, instance, config, updateRun, messageContext],
  );

  const retryAt = run?.retryAt ?? null;
  useEffect(() => {
    if (retryAt === null) return;
    const timer = window.setTimeout(() => {
      const current = runRef.current;
      if (!current) return;
      // Clear the schedule first, so a re-render while the retry runs cannot schedule it again.
      updateRun({ ...current, retryAt: null });
      const throttled = current.outcomes
        .filter((outcome) => outcome.kind === "throttled")
        .map((outcome) => current.policies[outcome.tenantId.toLowerCase()])
        .filter((policy): policy is DeletedSyncPolicy => policy !== undefined);
      void restore(throttled, throttled.length === 1 ? current.route : undefined, { autoRound: current.autoRound + 1 });
    }, Math.max(0, retryAt - Date.now()));
    return () => window.clearTimeout(timer);
  }, [retryAt, restore, updateRun]);

  const retryFailed = useCallback(async () => {
    const current = runRef.current;
    if (!current) return;
    // Re-read first: an unknown outcome may have restored the policy after all, and it must not be sent twice.
    let stillDeleted: Set<string> | null = null;
    try {
      const fresh = await queryClient.fetchQuery({ ...deletedSyncPoliciesQuery(account?.homeAccountId ?? "signed-out", getToken, queryClient), staleTime: 0 });
      stillDeleted = new Set(fresh.map((policy) => policy.tenantId.toLowerCase()));
    } catch {
      toast.error("The deleted items could not be re-read, so nothing was resent. Try again in a moment.");
      return;
    }
    const failed = current.outcomes
      .filter(isRetryableOutcome)
      .filter((outcome) => stillDeleted.has(outcome.tenantId.toLowerCase()))
      .map((outcome) => current.policies[outcome.tenantId.toLowerCase()])
      .filter((policy): policy is DeletedSyncPolicy => policy !== undefined);
    if (failed.length === 0) {
      toast.info("Nothing to resend: none of those policies is in deleted items any more.");
      return;
    }
    await restore(failed, failed.length === 1 ? current.route : undefined, { autoRound: AUTO_RETRY_ROUNDS });
  }, [restore, queryClient, account, getToken]);

  const retryable = run?.outcomes.filter(isRetryableOutcome) ?? [];
  const dismiss = useCallback(() => updateRun(null), [updateRun]);

  return { restore, run, dismiss, retryFailed, pending: isPending, retryInSeconds, retryable, messageContext };
}
