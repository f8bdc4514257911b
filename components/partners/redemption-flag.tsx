"use client";

import { useState } from "react";
import { AlertTriangle } from "lucide-react";
import type { Partner } from "@/lib/core/models";
import { useSetInboundRedemption } from "@/lib/queries/partner-writes";
import { sendThenClose } from "@/components/ui/button";
import { useSendWrite } from "@/components/writes/write-toast";
import { useWritePermission } from "@/components/writes/use-write-permission";
import { WriteButton } from "@/components/writes/write-button";
import { UnavailableReason } from "@/components/writes/unavailable-reason";
import { SettingChangeDialog } from "./setting-change-dialog";
import { usePartnerWriteWait } from "./write-wait";

const REASON_ID = "inbound-redemption-reason";

/**
 * Inbound user sync is allowed but inbound automatic redemption is off: synchronized users would
 * have to accept a consent prompt, so sync cannot bring them in. Says so, and turns it on.
 */
export function RedemptionFlag({ partner, name }: { partner: Partner; name: string }) {
  const [open, setOpen] = useState(false);
  const permission = useWritePermission();
  const change = useSetInboundRedemption();
  const sendWrite = useSendWrite();
  const wait = usePartnerWriteWait(partner.tenantId);
  const inherited = partner.automaticUserConsentSettings?.inboundAllowed == null;

  const confirm = () =>
    sendThenClose(
      () =>
        void sendWrite(() => change.mutateAsync({ tenantId: partner.tenantId, allowed: true }), {
          write: "set-inbound-redemption",
          tenantId: partner.tenantId,
          subject: { name, on: true },
        }),
      () => setOpen(false),
    );

  return (
    <div role="note" aria-label="Sync cannot work" className="flex items-start gap-3 rounded-md border border-border bg-surface-muted px-3 py-2.5 text-sm">
      <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-warn" />
      <div className="min-w-0 flex-1 space-y-1.5">
        <p className="font-medium">Users from {name} are not synchronized: inbound automatic redemption is off.</p>
        <p className="text-muted">
          Inbound user sync is allowed, but automatic redemption is {inherited ? "off (inherited from the default policy)" : "off for this partner"}. Cross-tenant
          sync needs it on, so synchronized users are not asked to accept a consent prompt.
        </p>
        <div>
          <WriteButton
            allowed={permission.allowed}
            reasonId={REASON_ID}
            size="sm"
            variant="primary"
            disabled={wait.busy}
            {...(wait.busy ? { "aria-describedby": wait.describedBy } : {})}
            onClick={() => setOpen(true)}
          >
            Turn on automatic redemption
          </WriteButton>
        </div>
        {!permission.allowed ? <UnavailableReason id={REASON_ID} reason={permission.reason} /> : null}
      </div>
      <SettingChangeDialog
        open={open}
        onOpenChange={setOpen}
        turnOn
        setting="inbound automatic redemption"
        name={name}
        tenantId={partner.tenantId}
        changes={`Users from ${name} are no longer asked to accept a consent prompt when invited or synchronized, so cross-tenant sync can bring them into your tenant.`}
        stays="outbound automatic redemption, the sync policy and the partner's other settings stay as they are."
        onConfirm={confirm}
      />
    </div>
  );
}
