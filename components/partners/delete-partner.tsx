"use client";

import { useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Trash2 } from "lucide-react";
import type { Partner } from "@/lib/core/models";
import { RETENTION_DAYS } from "@/lib/deleted/retention";
import { useDeletePartner } from "@/lib/queries/partner-writes";
import { Button, sendThenClose } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { WRITE_NOTICES } from "@/lib/writes/messages";
import { useSendWrite } from "@/components/writes/write-toast";
import { useWritePermission } from "@/components/writes/use-write-permission";
import { WriteButton } from "@/components/writes/write-button";
import { usePartnerWriteWait } from "./write-wait";
import { PendingMark } from "@/components/writes/pending-mark";

const REASON_ID = "delete-partner-reason";

export function DeletePartner({ partner, name }: { partner: Partner; name: string | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [withPolicy, setWithPolicy] = useState(true);
  const permission = useWritePermission();
  const remove = useDeletePartner();
  const sendWrite = useSendWrite();
  const wait = usePartnerWriteWait(partner.tenantId);
  const hasPolicy = partner.syncPolicy !== null;

  const confirm = () =>
    sendThenClose(
      () => {
        const args = { tenantId: partner.tenantId, withSyncPolicy: hasPolicy && withPolicy };
        void sendWrite(() => remove.mutateAsync(args), {
          write: "delete-partner",
          tenantId: partner.tenantId,
          subject: { name: name ?? partner.tenantId },
          actionFor: (outcome) => (outcome.write === "delete-partner" && outcome.kind === "done" ? { label: WRITE_NOTICES.deletedPartners, onClick: () => router.push("/partners/deleted") } : undefined),
          onSent: (outcomes) => {
            if (outcomes.some((outcome) => outcome.write === "delete-partner" && outcome.kind === "done")) router.push("/partners");
          },
        });
      },
      () => setOpen(false),
    );

  return (
    <div className="flex flex-col items-end gap-1">
      <WriteButton
        allowed={permission.allowed}
        reasonId={REASON_ID}
        disabled={wait.busy}
        {...(wait.busy ? { "aria-describedby": wait.describedBy } : {})}
        onClick={() => {
          setWithPolicy(true);
          setOpen(true);
        }}
      >
        <Trash2 aria-hidden className="size-3.5" />
        Delete partner
      </WriteButton>
      <PendingMark write={wait.find("delete-partner")} />
      {!permission.allowed && permission.reason ? (
        <span id={REASON_ID} className="sr-only">
          {permission.reason}
        </span>
      ) : null}
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent
          title="Delete partner"
          description={
            <p>
              Delete the cross-tenant access configuration of <strong className="text-fg">{name ?? "an unnamed partner"}</strong> (tenant{" "}
              <span className="font-mono text-xs text-fg">{partner.tenantId}</span>).
            </p>
          }
        >
          <div className="space-y-2 rounded-md bg-surface-muted p-3 text-[13px]">
            <p>
              <strong>What changes:</strong> this organization falls back to your default cross-tenant access settings. The configuration waits in{" "}
              <Link href="/partners/deleted" className="text-accent hover:underline">
                deleted partners
              </Link>{" "}
              for {RETENTION_DAYS} days and can be restored until then.
            </p>
            {partner.isServiceProvider ? <p>This partner is marked as a service provider: check with its owner before removing it.</p> : null}
          </div>
          {hasPolicy ? (
            <label className="mt-3 flex items-start gap-2 rounded-md border border-border p-3 text-[13px]">
              <input type="checkbox" checked={withPolicy} onChange={(event) => setWithPolicy(event.target.checked)} className="mt-0.5 size-4 accent-[var(--accent)]" />
              <span>
                <strong>Also delete its sync policy, first.</strong> Microsoft Entra refuses to delete a partner that still has a sync policy. Users
                already synchronized stay in your tenant.
              </span>
            </label>
          ) : null}
          {hasPolicy && !withPolicy ? <p className="mt-2 text-xs text-warn">Without deleting the sync policy first, Microsoft Entra will refuse to delete this partner.</p> : null}
          <DialogActions>
            <Button variant="danger" disabled={hasPolicy && !withPolicy} onClick={confirm}>
              <Trash2 aria-hidden className="size-3.5" />
              {hasPolicy && withPolicy ? "Delete both" : "Delete partner"}
            </Button>
          </DialogActions>
        </DialogContent>
      </Dialog>
    </div>
  );
}
