"use client";

import { useId, useState } from "react";
import { AlertTriangle, RefreshCcw } from "lucide-react";
import type { Partner } from "@/lib/core/models";
import { useSetUpSync } from "@/lib/queries/sync-policy-writes";
import { Button, sendThenClose } from "@/components/ui/button";
import { Dialog, DialogActions, DialogContent } from "@/components/ui/dialog";
import { useSendWrite } from "@/components/writes/write-toast";
import { useWritePermission } from "@/components/writes/use-write-permission";
import { CheckingLabel } from "@/components/writes/checking-label";
import { WriteButton } from "@/components/writes/write-button";
import { UnavailableReason } from "@/components/writes/unavailable-reason";
import { PendingMark } from "@/components/writes/pending-mark";
import { usePartnerWriteWait } from "./write-wait";

const REASON_ID = "set-up-sync-reason";

export function SetUpSync({ partner, name }: { partner: Partner; name: string | null }) {
  const [open, setOpen] = useState(false);
  const permission = useWritePermission();
  const setUp = useSetUpSync();
  const sendWrite = useSendWrite();
  const wait = usePartnerWriteWait(partner.tenantId);
  const redemptionOn = partner.automaticUserConsentSettings?.inboundAllowed === true;
  const [policyName, setPolicyName] = useState(name ?? partner.tenantId);
  const [redeem, setRedeem] = useState(true);
  const nameId = useId();

  const confirm = () =>
    sendThenClose(
      () => {
        const enableAutomaticRedemption = !redemptionOn && redeem;
        const args = { tenantId: partner.tenantId, displayName: policyName.trim(), enableAutomaticRedemption };
        // The loop lives with the toast: this control unmounts once the policy exists.
        void sendWrite(() => setUp.mutateAsync(args), {
          write: "create-sync-policy",
          tenantId: partner.tenantId,
          subject: { name: name ?? partner.tenantId, on: true, redemptionOff: !redemptionOn && !enableAutomaticRedemption },
        });
      },
      () => setOpen(false),
    );

  return (
    <div className="flex flex-wrap items-center gap-3">
      <WriteButton
        allowed={permission.allowed}
        reasonId={REASON_ID}
        variant="primary"
        size="sm"
        disabled={wait.busy || setUp.checking}
        {...(wait.busy ? { "aria-describedby": wait.describedBy } : {})}
        onClick={() => {
          setPolicyName(name ?? partner.tenantId);
          setRedeem(true);
          setOpen(true);
        }}
      >
        {setUp.checking ? (
          <CheckingLabel />
        ) : (
          <>
            <RefreshCcw aria-hidden className="size-3.5" />
            Set up sync
          </>
        )}
      </WriteButton>
      <PendingMark write={wait.find("create-sync-policy")} />
      {!permission.allowed ? <UnavailableReason id={REASON_ID} reason={permission.reason} /> : null}
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent
          title="Set up sync"
          description={
            <p>
              Create the identity synchronization policy of <strong className="text-fg">{name ?? "an unnamed partner"}</strong> (tenant{" "}
              <span className="font-mono text-xs text-fg">{partner.tenantId}</span>), allowing inbound user sync.
            </p>
          }
        >
          <form
            onSubmit={(event) => {
              event.preventDefault();
              if (policyName.trim()) confirm();
            }}
            className="space-y-3"
          >
            <div className="space-y-1">
              <label htmlFor={nameId} className="text-[13px] font-medium">
                Policy name
              </label>
              <input
                id={nameId}
                value={policyName}
                maxLength={256}
                required
                onChange={(event) => setPolicyName(event.target.value)}
                className="h-8 w-full rounded-md border border-border-strong bg-surface px-2 text-sm"
              />
            </div>
            {redemptionOn ? (
              <p className="text-[13px] text-muted">Automatic redemption of invitations from this tenant is already on.</p>
            ) : (
              <label className="flex items-start gap-2 rounded-md bg-surface-muted p-3 text-[13px]">
                <input type="checkbox" checked={redeem} onChange={(event) => setRedeem(event.target.checked)} className="mt-0.5 size-4 accent-[var(--accent)]" />
                <span>
                  <strong>Also turn on automatic redemption (inbound).</strong> Cross-tenant sync needs it: synchronized users are not asked to accept a
                  consent prompt. It is off for this partner now
                  {partner.automaticUserConsentSettings?.inboundAllowed == null ? " (inherited from the default policy)" : ""}.
                </span>
              </label>
            )}
            {!redemptionOn && !redeem ? (
              <p className="flex items-start gap-1.5 text-[13px]">
                <AlertTriangle aria-hidden className="mt-0.5 size-3.5 shrink-0 text-warn" />
                Without inbound automatic redemption, no user is synchronized: the policy is created, but sync cannot work until it is turned on.
              </p>
            ) : null}
            <p className="text-[13px] text-muted">
              Outbound automatic redemption and the partner&apos;s other settings stay as they are. Nothing is synchronized until a configuration in the
              partner&apos;s tenant pushes users to yours.
            </p>
            <DialogActions className="mt-0 pt-2">
              <Button type="submit" variant="primary" disabled={!policyName.trim()}>
                Set up sync
              </Button>
            </DialogActions>
          </form>
        </DialogContent>
      </Dialog>
    </div>
  );
}
