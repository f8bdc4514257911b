"use client";

/**
 * Announces writes: one toast per outcome in lib/writes/messages' words, a
 * throttled write counted down (RetryCountdown) and resent by the shared resend
 * loop, and a call that failed as a whole explained once. The single-write
 * controls send through useSendWrite; the row runs (use-write-run.ts) use the
 * same loop and the same toasts.
 */
import { createElement, useCallback, useMemo } from "react";
import { useMsal } from "@azure/msal-react";
import { describeWriteToast, nothingDone, retryCountdownText, WRITE_NOTICES, type OutcomeContext } from "@/lib/writes/messages";
import type { ToastSubject } from "@/lib/writes/words";
import { AUTO_RETRY_ROUNDS, type WriteKind, type WriteOutcome } from "@/lib/writes/outcome";
import { useAuthConfig } from "@/lib/auth/auth-config-context";
import { redirectToSignIn } from "@/lib/auth/interactive-sign-in";
import { useAccessProfile } from "@/lib/auth/use-access-profile";
import { GraphActionError, toAppError } from "@/lib/queries/graph-action";
import { describeError } from "@/components/feedback/graph-error-panel";
import { isActionAnswerLost, WriteInFlightError } from "@/lib/queries/writes";
import { createResendLoop, type ResendLoop, type ResendSchedule } from "./resend-loop";
import { RetryCountdown } from "./retry-countdown";
import { newPendingWriteId, setPendingWrite, type PendingWrite } from "./pending-writes";
import { dismissToast, showToast, type ToastAction } from "./toast-card";

export type { ToastAction };

/** What the sign-in tells about writing, so a refusal is explained as precisely as the hint allows. */
export function useOutcomeContext(): OutcomeContext {
  const profile = useAccessProfile();
  const writeBlockedReason = profile?.writeBlockedReason ?? null;
  const roleConfirmed = profile?.write === "allowed";
  return useMemo(() => ({ writeBlockedReason, roleConfirmed }), [writeBlockedReason, roleConfirmed]);
}

/** One toast for one outcome; a done one may offer a next step and stay longer, any other stays until dismissed. */
export function announceOutcome(outcome: WriteOutcome, subject: ToastSubject, context: OutcomeContext, action?: ToastAction, durationMs?: number) {
  const { tone, title, description } = describeWriteToast(outcome, subject, context);
  const done = tone === "success" || tone === "info";
  if (done) return showToast({ tone, title, description, ...(action ? { action } : {}), ...(durationMs ? { durationMs } : {}) });
  // Checking: the rows and controls say when Graph has answered; the card goes after its usual time.
  if (tone === "pending") return showToast({ tone, title, description });
  // A warning may carry its way forward (Open partner); errors and warnings stay until dismissed, with the request id.
  return showToast({ tone, title, description, ...(tone === "warning" && action ? { action } : {}), requestId: outcome.error?.requestId ?? null, durationMs: Infinity });
}

function CountdownText({ retryAt, round }: { retryAt: number; round: number }) {
  return createElement(RetryCountdown, { retryAt, format: (seconds: number) => WRITE_NOTICES.throttledDetail(retryCountdownText(seconds, round, AUTO_RETRY_ROUNDS)) });
}

/** The countdown toast of a throttled single write; closing it cancels the resend it shows (not a later one). */
function showCountdown(id: string | number | undefined, next: ResendSchedule, loop: ResendLoop<string>): string | number {
  return showToast({
    ...(id !== undefined ? { id } : {}),
    tone: "warning",
    title: WRITE_NOTICES.throttledTitle,
    description: createElement(CountdownText, { retryAt: next.at, round: next.round }),
    durationMs: Infinity,
    onClose: () => {
      if (loop.scheduled() === next) loop.cancel();
    },
  });
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
    async (error: unknown, write: WriteKind) => {
      if (error instanceof WriteInFlightError) return;
      if (isActionAnswerLost(error)) {
        showToast({ tone: "warning", title: WRITE_NOTICES.answerLostTitle, description: WRITE_NOTICES.answerLostDetail, durationMs: Infinity });
        return;
      }
      const nothing = nothingDone(write);
      const appError = toAppError(error);
      if (error instanceof GraphActionError && appError.status === 401) {
        if (await redirectToSignIn(instance, config)) {
          showToast({ tone: "info", title: WRITE_NOTICES.sessionRenewing, description: nothing });
          return;
        }
        showToast({
          tone: "error",
          title: WRITE_NOTICES.sessionExpiredTitle,
          description: WRITE_NOTICES.sessionExpiredDetail(nothing),
          action: { label: WRITE_NOTICES.signIn, onClick: () => void redirectToSignIn(instance, config, { prompt: "select_account" }) },
        });
        return;
      }
      showToast({
        tone: "error",
        title: describeError(appError).title,
        description: WRITE_NOTICES.failedDetail(nothing, appError.message, appError.requestId),
        requestId: appError.requestId ?? null,
      });
    },
    [instance, config],
  );
}

export interface SendWriteOptions {
  /** The write whose words a failed call uses ("Nothing was deleted."). */
  write: WriteKind;
  tenantId: string;
  /** Who the toasts speak of; a function when the words depend on the outcome. */
  subject: ToastSubject;
  /** What a done outcome's toast offers next (Undo, Open partner), and for how long. */
  actionFor?: (outcome: WriteOutcome) => ToastAction | undefined;
  durationMs?: number;
  /** Every answer, automatic resends included. */
  onSent?: (outcomes: WriteOutcome[]) => void;
}

/**
 * Sends one write (or one sequence) from a control and announces it. The resend
 * loop lives with the toast, not with the control: a control that unmounts once
 * its write lands (delete, set up) keeps its countdown and resend.
 */
export function useSendWrite() {
  const announceError = useAnnounceWriteError();
  const context = useOutcomeContext();
  return useCallback(
    (send: () => Promise<WriteOutcome[]>, options: SendWriteOptions): Promise<WriteOutcome[]> => {
      let countdown: string | number | undefined;
      // Pending from the send until Graph settles it, through any countdown: the partner's controls wait.
      const pendingId = newPendingWriteId();
      const pending = (retryAt: number | null, round = 0): PendingWrite => ({ write: options.write, tenantId: options.tenantId, setting: options.subject.setting, retryAt, round });
      const loop = createResendLoop<string>({
        keyOf: (tenantId) => tenantId,
        send: () => {
          setPendingWrite(pendingId, pending(null));
          return send();
        },
        onSchedule: (next) => {
          setPendingWrite(pendingId, next ? pending(next.at, next.round) : null);
          if (next) {
            countdown = showCountdown(countdown, next, loop);
          } else if (countdown !== undefined) {
            dismissToast(countdown);
            countdown = undefined;
          }
        },
        onSent: (outcomes) => {
          if (!loop.scheduled()) setPendingWrite(pendingId, null);
          options.onSent?.(outcomes);
          // While a resend waits, its countdown speaks for the throttled write.
          const shown = loop.scheduled() ? outcomes.filter((outcome) => outcome.kind !== "throttled") : outcomes;
          for (const outcome of shown) announceOutcome(outcome, options.subject, context, options.actionFor?.(outcome), options.durationMs);
        },
        onError: (error) => {
          setPendingWrite(pendingId, null);
          void announceError(error, options.write);
        },
      });
      return loop.start([options.tenantId]);
    },
    [announceError, context],
  );
}
