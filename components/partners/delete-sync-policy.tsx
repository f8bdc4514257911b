"use client";

import { useState } from "react";
import { Trash2 } from "lucide-react";
import { toast } from "sonner";
import type { Partner, SyncPolicy } from "@/lib/models";
import { RETENTION_DAYS } from "@/lib/deleted/retention";
import { useDeleteSyncPolicy } from "@/lib/queries/sync-policy-writes";
import { useRestoreSyncPolicies } from "@/lib/queries/restore";
import { Button } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { announceWrite, useAnnounceWriteError } from "@/components/writes/write-toast";
import { useWritePermission } from "@/components/writes/use-write-permission";
import { WriteButton } from "@/components/writes/write-button";
import { SYNC_WRITE_REASON_ID } from "./sync-toggle";

/** How long the toast offers Undo after a delete. */
export const UNDO_SECONDS = 10;

export function DeleteSyncPolicy({ partner, policy, name }: { partner: Partner; policy: SyncPolicy; name: string }) {
  const [open, setOpen] = useState(false);
  const permission = useWritePermission();
  const remove = useDeleteSyncPolicy();
  const restore = useRestoreSyncPolicies();
  const announceError = useAnnounceWriteError();

  // Promises, not mutate callbacks: this control unmounts as soon as the policy leaves the page.
  const undo = () =>
    restore.mutateAsync({ tenantIds: [partner.tenantId], route: "partner" }).then(
      ([outcome]) => void (outcome && announceWrite(outcome, `Restored the sync policy of ${name}`)),
      (error: unknown) => announceError(error, "Nothing was restored."),
    );

  const send = (round = 0): Promise<void> =>
    remove.mutateAsync({ tenantId: partner.tenantId, policy }).then(
      (outcome) => {
        if (outcome.kind !== "done") return void announceWrite(outcome, `Deleted the sync policy of ${name}`, { round, resend: (next) => void send(next) });
        toast.success(`Deleted the sync policy of ${name}`, {
          description: `It is in deleted sync policies for ${RETENTION_DAYS} days. Users already synchronized stay.`,
          duration: UNDO_SECONDS * 1000,
          action: { label: "Undo", onClick: () => void undo() },
        });
      },
      (error: unknown) => announceError(error, "Nothing was deleted."),
    );

  const confirm = () => {
    setOpen(false);
    void send();
  };

  return (
    <>
      <WriteButton
        allowed={permission.allowed}
        reasonId={SYNC_WRITE_REASON_ID}
        size="sm"
        disabled={remove.isPending}
        onClick={() => setOpen(true)}
      >
        <Trash2 aria-hidden className="size-3.5" />
        {remove.isPending ? "Deleting…" : "Delete sync policy"}
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
