"use client";

import { useState } from "react";
import { Trash2 } from "lucide-react";
import type { Partner, SyncPolicy } from "@/lib/core/models";
import { RETENTION_DAYS } from "@/lib/deleted/retention";
import { WRITE_NOTICES } from "@/lib/writes/messages";
import { useDeleteSyncPolicy } from "@/lib/queries/sync-policy-writes";
import { useRestoreSyncPolicies } from "@/lib/queries/restore";
import { Button, sendThenClose } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { useSendWrite } from "@/components/writes/write-toast";
import { useWritePermission } from "@/components/writes/use-write-permission";
import { CheckingLabel } from "@/components/writes/checking-label";
import { WriteButton } from "@/components/writes/write-button";
import { SYNC_WRITE_REASON_ID } from "./sync-toggle";
import { usePartnerWriteWait } from "./write-wait";

/** How long the toast offers Undo after a delete. */
export const UNDO_SECONDS = 10;

export function DeleteSyncPolicy({ partner, policy, name }: { partner: Partner; policy: SyncPolicy; name: string }) {
  const [open, setOpen] = useState(false);
  const permission = useWritePermission();
  const remove = useDeleteSyncPolicy();
  const restore = useRestoreSyncPolicies();
  const sendWrite = useSendWrite();
  const wait = usePartnerWriteWait(partner.tenantId);
  const subject = { name };

  // The loop lives with the toast: this control unmounts as soon as the policy leaves the page.
  const undo = () =>
    sendWrite(() => restore.mutateAsync({ tenantIds: [partner.tenantId], route: "partner" }), { write: "restore-sync-policy", tenantId: partner.tenantId, subject });

  const send = () =>
    sendWrite(() => remove.mutateAsync({ tenantId: partner.tenantId, policy }), {
      write: "delete-sync-policy",
      tenantId: partner.tenantId,
      subject,
      actionFor: (outcome) => (outcome.kind === "done" ? { label: WRITE_NOTICES.undo, onClick: () => void undo() } : undefined),
      durationMs: UNDO_SECONDS * 1000,
    });

  const confirm = () =>
    sendThenClose(
      () => void send(),
      () => setOpen(false),
    );

  return (
    <>
      <WriteButton
        allowed={permission.allowed}
        reasonId={SYNC_WRITE_REASON_ID}
        size="sm"
        disabled={wait.busy || remove.checking}
        {...(wait.busy ? { "aria-describedby": wait.describedBy } : {})}
        onClick={() => setOpen(true)}
      >
        {remove.checking ? (
          <CheckingLabel />
        ) : (
          <>
            <Trash2 aria-hidden className="size-3.5" />
            Delete sync policy
          </>
        )}
      </WriteButton>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent
          title="Delete sync policy"
          description={
            <p>
              Delete the identity synchronization policy of <strong className="text-fg">{name}</strong> (tenant{" "}
              <span className="font-mono text-xs text-fg">{partner.tenantId}</span>).
            </p>
          }
        >
          <div className="space-y-2 rounded-md bg-surface-muted p-3 text-[13px]">
            <p>
              <strong>What changes:</strong> cross-tenant synchronization stops bringing users from {name} into your tenant.
            </p>
            <p>
              <strong>What does not:</strong> users already synchronized stay. The partner&apos;s other settings stay. The policy waits in deleted sync
              policies for {RETENTION_DAYS} days and can be restored until Microsoft Entra purges it.
            </p>
          </div>
          <DialogActions>
            <Button variant="danger" onClick={confirm}>
              <Trash2 aria-hidden className="size-3.5" />
              Delete
            </Button>
          </DialogActions>
        </DialogContent>
      </Dialog>
    </>
  );
}
