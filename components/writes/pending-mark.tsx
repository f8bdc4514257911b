"use client";

import { Hourglass, Loader2 } from "lucide-react";
import { retryCountdownText, WRITE_NOTICES } from "@/lib/writes/messages";
import { AUTO_RETRY_ROUNDS } from "@/lib/writes/outcome";
import { RetryCountdown } from "./retry-countdown";
import type { PendingWrite } from "./pending-writes";

/** Beside a value a pending write changes: not confirmed yet, or (throttled) unchanged until the resend. Its id describes the controls that wait (pendingMarkId). */
export function PendingMark({ write }: { write: PendingWrite | undefined }) {
  if (!write) return null;
  return (
    <span id={pendingMarkId(write)} role="status" className="inline-flex items-center gap-1 text-xs text-muted">
      {write.retryAt === null ? (
        <>
          <Loader2 aria-hidden className="size-3.5 animate-spin motion-reduce:animate-none" />
          {WRITE_NOTICES.pendingSaving}
        </>
      ) : (
        <>
          <Hourglass aria-hidden className="size-3.5 text-warn" />
          <RetryCountdown retryAt={write.retryAt} format={(seconds) => WRITE_NOTICES.pendingThrottled(retryCountdownText(seconds, write.round, AUTO_RETRY_ROUNDS))} />
        </>
      )}
    </span>
  );
}

/** The id of the mark a waiting control points at (aria-describedby). */
export function pendingMarkId(write: Pick<PendingWrite, "write" | "setting" | "tenantId">): string {
  return `pending-${write.write}-${(write.setting ?? "").replace(/\W+/g, "-")}-${write.tenantId.toLowerCase()}`;
}
