"use client";

import { useCallback } from "react";
import { useMsal } from "@azure/msal-react";
import { toast } from "sonner";
import { describeWriteOutcome } from "@/lib/writes/messages";
import { AUTO_RETRY_ROUNDS, DEFAULT_RETRY_WAIT_SECONDS, type WriteOutcome } from "@/lib/writes/outcome";
import { useAuthConfig } from "@/lib/auth/auth-config-context";
import { redirectToSignIn } from "@/lib/auth/interactive-sign-in";
import { GraphActionError } from "@/lib/queries/graph-action";
import { describeError, toAppError } from "@/components/feedback/graph-error-panel";
import { isAnswerLost, WriteInFlightError } from "@/lib/queries/writes";

/** Which automatic resend this is (0 for the admin's own click) and how to send the next one. */
export interface ThrottleRetry {
  round: number;
  resend: (nextRound: number) => void;
}

/** The countdown's words, shared by the toast and the results panel. */
export function retryCountdownText(seconds: number, round: number): string {
  return `Retrying automatically in ${seconds} s (round ${round + 1} of ${AUTO_RETRY_ROUNDS})`;
}

/**
 * Graph throttled the write and asked for a wait longer than the server holds a
 * request: count it down where the admin sees it, then send the write once more
 * (a throttled answer proves nothing was done).
 */
function resendAfterWait(outcome: WriteOutcome, retry: ThrottleRetry) {
  let left = Math.max(1, outcome.error?.retryAfterSeconds ?? DEFAULT_RETRY_WAIT_SECONDS);
  let timer = 0;
  // Closing the toast cancels the resend: nothing was changed, and nothing will be.
  const stop = () => window.clearInterval(timer);
  const show = (id?: string | number) =>
    toast.warning("Microsoft Graph is throttling requests", {
      id,
      description: `Nothing was changed yet. ${retryCountdownText(left, retry.round)}. Close to cancel.`,
      duration: Infinity,
      onDismiss: stop,
    });
  const id = show();
  timer = window.setInterval(() => {
    left -= 1;
    if (left > 0) {
      show(id);
      return;
    }
    stop();
    toast.dismiss(id);
    retry.resend(retry.round + 1);
  }, 1000);
}

/** One toast per write outcome, in the outcome model's words; with `retry`, a throttled write is counted down and resent, up to AUTO_RETRY_ROUNDS times. */
export function announceWrite(outcome: WriteOutcome, title: string, retry?: ThrottleRetry) {
  if (outcome.kind === "throttled" && retry && retry.round < AUTO_RETRY_ROUNDS) return resendAfterWait(outcome, retry);
  const { tone, label, detail: description } = describeWriteOutcome(outcome);
  if (tone === "success") return toast.success(title, { description });
  if (tone === "info") return toast.info(label, { description });
  if (tone === "warning") return toast.warning(label, { description });
  return toast.error(label, { description });
}

/**
 * Explains a write call that failed as a whole: nothing was done, or (answer
 * lost) the views were re-read. A 401 that survived the silent renewal sends the
 * admin to sign in again; what they selected stays where it was.
 */
export function useAnnounceWriteError() {
  const { instance } = useMsal();
  const config = useAuthConfig();
  return useCallback(
    async (error: unknown, nothingDone: string) => {
      if (error instanceof WriteInFlightError) return;
      if (isAnswerLost(error)) {
        toast.warning("Outcome unknown", { description: "The answer from the server was lost. The views were re-read from Microsoft Graph: check what they show before trying again." });
        return;
      }
      const appError = toAppError(error);
      if (error instanceof GraphActionError && appError.status === 401) {
        if (await redirectToSignIn(instance, config)) {
          toast.info("Your session expired; signing you in again.", { description: nothingDone });
          return;
        }
        toast.error("Your session expired and could not be renewed", {
          description: `${nothingDone} Sign in again, then retry.`,
          action: { label: "Sign in", onClick: () => void redirectToSignIn(instance, config, { prompt: "select_account" }) },
        });
        return;
      }
      toast.error(describeError(appError).title, {
        description: `${nothingDone} ${appError.message}${appError.requestId ? ` Request ID: ${appError.requestId}` : ""}`,
      });
    },
    [instance, config],
  );
}
