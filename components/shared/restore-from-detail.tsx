"use client";

import { useMemo, useState } from "react";
import { RotateCcw } from "lucide-react";
import type { DeletedSyncPolicy } from "@/lib/core/models";
import { describeWriteOutcome, retryCountdownText, WRITE_NOTICES } from "@/lib/writes/messages";
import { AUTO_RETRY_ROUNDS } from "@/lib/writes/outcome";
import { Button } from "@/components/ui/button";
import { OutcomeIcon } from "@/components/writes/outcome-icon";
import { RetryCountdown } from "@/components/writes/retry-countdown";
import { deletedPolicyItem } from "./deleted-items";
import { RestoreDialog } from "./restore-dialog";
import { useRestoreFlow } from "./use-restore-flow";
import { PERMISSION_REASON_ID, useWritePermission } from "@/components/writes/use-write-permission";

/** Restores from the partner page through the partner route of the restore action; `name`: the partner as the page names it. */
export function RestoreFromDetail({ policy: deleted, name }: { policy: DeletedSyncPolicy; name: string | null }) {
  const [confirming, setConfirming] = useState(false);
  // Every message names the partner as the page does, also when the deleted policy has no name of its own.
  const policy = useMemo(() => (name ? { ...deleted, displayName: name, partnerDisplayName: name } : deleted), [deleted, name]);
  const permission = useWritePermission();
  const flow = useRestoreFlow({ route: "partner" });
  const outcome = flow.run?.outcomes[0];
  const message = outcome ? describeWriteOutcome(outcome, flow.messageContext) : null;

  return (
    <>
      <Button
        variant="primary"
        size="sm"
        unavailable={!permission.allowed}
        disabled={flow.pending}
        aria-describedby={permission.allowed && !permission.note ? undefined : PERMISSION_REASON_ID}
        onClick={() => setConfirming(true)}
      >
        <RotateCcw aria-hidden className="size-3.5" />
        {flow.pending ? "Restoring…" : "Restore sync policy"}
      </Button>
      {!permission.allowed && permission.reason ? (
        <span id={PERMISSION_REASON_ID} className="basis-full text-xs text-muted">
          {permission.reason}
        </span>
      ) : null}
      {permission.allowed && permission.note ? (
        <span id={PERMISSION_REASON_ID} className="basis-full text-xs text-muted">
          {permission.note}
        </span>
      ) : null}
      {flow.run?.retryAt ? (
        <span role="status" className="basis-full text-xs text-muted">
          <RetryCountdown retryAt={flow.run.retryAt} format={(seconds) => WRITE_NOTICES.throttledPanel(retryCountdownText(seconds, flow.run?.autoRound ?? 0, AUTO_RETRY_ROUNDS))} />
        </span>
      ) : null}
      {message && outcome && outcome.kind !== "done" && !flow.run?.retryAt ? (
        <span role="alert" className="flex basis-full items-start gap-1 text-xs">
          <OutcomeIcon tone={message.tone} />
          <span>
            <strong>{message.label}.</strong> {message.detail}
          </span>
        </span>
      ) : null}
      <RestoreDialog open={confirming} onOpenChange={setConfirming} items={[deletedPolicyItem(policy)]} onConfirm={() => void flow.start([policy])} />
    </>
  );
}
