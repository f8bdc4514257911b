"use client";

import { toast } from "sonner";
import { describeWriteOutcome, type OutcomeContext } from "@/lib/writes/messages";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { describeError, toAppError } from "@/components/feedback/graph-error-panel";
import { isAnswerLost, WriteInFlightError } from "@/lib/queries/writes";

/** One toast per write outcome, in the outcome model's words. */
export function announceWrite(outcome: WriteOutcome, title: string, context: OutcomeContext = {}, options: Parameters<typeof toast.success>[1] = {}) {
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
