"use client";

import { useState } from "react";
import Link from "next/link";
import { CheckCircle2, CircleAlert, Handshake } from "lucide-react";
import type { Cause, FixAction } from "@/lib/outbound/diagnose";
import { heldDeletions } from "@/lib/outbound/status";
import { useSetOutboundRedemption } from "@/lib/queries/partner-writes";
import { Button, sendThenClose } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { WriteButton } from "@/components/writes/write-button";
import { UnavailableReason } from "@/components/writes/unavailable-reason";
import { useWritePermission } from "@/components/writes/use-write-permission";
import { useSendWrite } from "@/components/writes/write-toast";
import { useJobAction, type JobContext } from "./job-actions";
import { useSyncAccess } from "./use-sync-access";

const FIX_REASON_ID = "fix-reason";

const LABELS: Record<FixAction, string> = {
  "turn-on-outbound": "Turn on outbound automatic redemption",
  "clear-quarantine": "Clear the quarantine",
  "allow-deletes": "Allow deletes",
  start: "Start",
};

/** "Allow deletes": restart with ForceDeletes, behind a typed confirmation naming how many users go. */
function AllowDeletesDialog({ context, open, onOpenChange }: { context: JobContext; open: boolean; onOpenChange: (open: boolean) => void }) {
  const held = heldDeletions(context.job) ?? 0;
  const phrase = `delete ${held}`;
  const [typed, setTyped] = useState("");
  const actions = useJobAction();
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setTyped("");
        onOpenChange(next);
      }}
    >
      <DialogContent
        title="Allow the held deletions"
        description={
          <p>
            <strong className="text-fg">{held} users</strong> taken out of scope will be deleted from {context.targetName}. This cannot be undone from here: to bring them back, put them in scope
            again and they are created anew.
          </p>
        }
      >
        <label className="block text-sm">
          Type <span className="font-mono font-semibold">{phrase}</span> to confirm
          <input value={typed} onChange={(event) => setTyped(event.target.value)} className="mt-1 h-8 w-full rounded-md border border-border-strong bg-surface px-2" autoComplete="off" />
        </label>
        <DialogActions>
          <Button
            variant="danger"
            disabled={typed.trim().toLowerCase() !== phrase}
            onClick={() =>
              sendThenClose(
                () => void actions.restart(context, ["ForceDeletes"], "deletions allowed"),
                () => {
                  onOpenChange(false);
                  setTyped("");
                },
              )
            }
          >
            Delete {held} users
          </Button>
        </DialogActions>
      </DialogContent>
    </Dialog>
  );
}

function FixButton({ action, context, targetTenantId }: { action: FixAction; context: JobContext; targetTenantId: string | null }) {
  const sync = useSyncAccess();
  const policy = useWritePermission();
  const actions = useJobAction();
  const redemption = useSetOutboundRedemption();
  const sendWrite = useSendWrite();
  const [deletesOpen, setDeletesOpen] = useState(false);
  const ours = action === "turn-on-outbound" ? { allowed: policy.allowed, reason: policy.reason } : { allowed: sync.write !== "denied", reason: sync.writeBlockedReason };
  const reasonId = `${FIX_REASON_ID}-${action}`;

  const run = () => {
    switch (action) {
      case "turn-on-outbound":
        if (!targetTenantId) return;
        void sendWrite(() => redemption.mutateAsync({ tenantId: targetTenantId, allowed: true }), {
          write: "set-outbound-redemption",
          tenantId: targetTenantId,
          subject: { name: context.targetName, on: true },
        });
        return;
      case "clear-quarantine":
        void actions.restart(context, ["QuarantineState"], "quarantine cleared");
        return;
      case "allow-deletes":
        setDeletesOpen(true);
        return;
      case "start":
        void actions.start(context);
    }
  };

  return (
    <div className="mt-2 space-y-1">
      <WriteButton allowed={ours.allowed} reasonId={reasonId} size="sm" variant={action === "allow-deletes" ? "danger" : "primary"} disabled={redemption.isPending || actions.pending} onClick={run}>
        {LABELS[action]}
      </WriteButton>
      {!ours.allowed ? <UnavailableReason id={reasonId} reason={ours.reason} /> : null}
      {action === "allow-deletes" ? <AllowDeletesDialog context={context} open={deletesOpen} onOpenChange={setDeletesOpen} /> : null}
    </div>
  );
}

export function FixList({ causes, context, targetTenantId }: { causes: Cause[]; context: JobContext; targetTenantId: string | null }) {
  if (causes.length === 0) {
    return (
      <p className="flex items-center gap-2 py-3">
        <CheckCircle2 aria-hidden className="size-4 text-ok" />
        Nothing is wrong: the last cycle ran without errors.
      </p>
    );
  }
  return (
    <ul className="divide-y divide-border">
      {causes.map((cause) => (
        <li key={cause.id} className="py-3">
          <p className="flex items-start gap-2 font-medium">
            <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-warn" />
            {cause.problem}
          </p>
          <div className="ml-6">
            {cause.detail ? <p className="text-sm text-muted">{cause.detail}</p> : null}
            {cause.fixWords ? (
              <p className="mt-1 flex items-start gap-1.5 text-sm">
                <Handshake aria-hidden className="mt-0.5 size-4 shrink-0 text-muted" />
                <span>{cause.fixWords}</span>
              </p>
            ) : null}
            {cause.link ? (
              <Link href={cause.link.href} className="mt-1 inline-block text-sm text-accent hover:underline">
                {cause.link.label}
              </Link>
            ) : null}
            {cause.action ? <FixButton action={cause.action} context={context} targetTenantId={targetTenantId} /> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
