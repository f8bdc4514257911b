"use client";

import { toast } from "sonner";
import { describeWriteOutcome, type OutcomeContext } from "@/lib/writes/messages";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { describeError, toAppError } from "@/components/feedback/graph-error-panel";
import { isAnswerLost, WriteInFlightError } from "@/lib/queries/writes";

const DEFAULT_WAIT_SECONDS = 5;

/**
 * Graph throttled the write and asked for a wait longer than the server holds a
 * request: count it down where the admin sees it, then send the write once more
 * (a throttled answer proves nothing was done).
 */
export function resendAfterWait(outcome: WriteOutcome, resend: () => void) {
  let left = Math.max(1, outcome.error?.retryAfterSeconds ?? DEFAULT_WAIT_SECONDS);
  const text = () => `Nothing was changed yet. Retrying automatically in ${left} s.`;
  const id = toast.warning("Microsoft Graph is throttling requests", { description: text(), duration: Infinity });
  const timer = window.setInterval(() => {
    left -= 1;
    if (left > 0) {
      toast.warning("Microsoft Graph is throttling requests", { id, description: text(), duration: Infinity });
      return;
    }
    window.clearInterval(timer);
    toast.dismiss(id);
    resend();
  }, 1000);
}

/** One toast per write outcome, in the outcome model's words; with `resend`, a throttled write is counted down and sent once more. */
export function announceWrite(outcome: WriteOutcome, title: string, context: OutcomeContext = {}, options: Parameters<typeof toast.success>[1] = {}, resend?: () => void) {
  if (outcome.kind === "throttled" && resend) return resendAfterWait(outcome, resend);
  const message = describeWriteOutcome(outcome, context);
  const description = message.detail;
  if (message.tone === "success") return toast.success(title, { description, ...options });
  if (message.tone === "info") return toast.info(`${message.label}`, { description });
  if (message.tone === "warning") return toast.warning(message.label, { description });
  return toast.error(message.label, { description });
}

/** A call that failed as a whole: nothing was done, or (answer lost) the views were re-read. */
export function announceWriteError(error: unknown, nothingDone: string) {
  if (error instanceof WriteInFlightError) return;
  if (isAnswerLost(error)) {
    toast.warning("Outcome unknown", { description: "The answer from the server was lost. The views were re-read from Microsoft Graph: check what they show before trying again." });
    return;
  }
  const appError = toAppError(error);
  toast.error(describeError(appError).title, {
    description: `${nothingDone} ${appError.message}${appError.requestId ? ` Request ID: ${appError.requestId}` : ""}`,
  });
}
