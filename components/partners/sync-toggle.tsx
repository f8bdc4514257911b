"use client";

import { useState } from "react";
import { Power, PowerOff } from "lucide-react";
import type { Partner, SyncPolicy } from "@/lib/core/models";
import { useUpdateSyncPolicy, type SyncSettings } from "@/lib/queries/sync-policy-writes";
import { WRITE_NOTICES } from "@/lib/writes/messages";
import { sendThenClose } from "@/components/ui/button";
import { useSendWrite } from "@/components/writes/write-toast";
import { useWritePermission } from "@/components/writes/use-write-permission";
import { CheckingLabel } from "@/components/writes/checking-label";
import { WriteButton } from "@/components/writes/write-button";
import { SettingChangeDialog } from "./setting-change-dialog";
import { usePartnerWriteWait } from "./write-wait";

export const SYNC_WRITE_REASON_ID = "sync-write-reason";

const WHAT = {
  user: { setting: "inbound user sync", field: "userSyncAllowed", objects: "users" },
  group: { setting: "inbound group sync", field: "groupSyncAllowed", objects: "groups" },
} as const;

function consequences(kind: keyof typeof WHAT, turnOn: boolean, name: string) {
  const { objects } = WHAT[kind];
  if (turnOn) {
    return {
      changes: `Cross-tenant synchronization may bring ${objects} from ${name} into your tenant again, on the partner's next sync cycle.`,
      stays: `Nothing is synchronized until a configuration in ${name}'s tenant pushes ${objects}. Other cross-tenant access settings stay as they are.`,
    };
  }
  return {
    changes: `Cross-tenant synchronization stops bringing new and changed ${objects} from ${name} into your tenant.`,
    stays: `${objects[0]!.toUpperCase()}${objects.slice(1)} already synchronized stay in your tenant, with their access. The sync policy and the partner's other settings stay as they are.`,
  };
}

export function SyncToggle({ partner, policy, kind, name }: { partner: Partner; policy: SyncPolicy; kind: keyof typeof WHAT; name: string }) {
  const [open, setOpen] = useState(false);
  const permission = useWritePermission();
  const update = useUpdateSyncPolicy();
  const sendWrite = useSendWrite();
  const wait = usePartnerWriteWait(partner.tenantId);
  const current = policy[WHAT[kind].field];
  const turnOn = current !== true;
  const verb = turnOn ? "Turn on" : "Turn off";
  const setting = WHAT[kind].setting;
  const words = consequences(kind, turnOn, name);

  const confirm = () =>
    sendThenClose(
      () => {
        const settings: SyncSettings = { [WHAT[kind].field]: turnOn };
        void sendWrite(() => update.mutateAsync({ tenantId: partner.tenantId, settings }), {
          write: "update-sync-policy",
          tenantId: partner.tenantId,
          subject: { name, on: turnOn, setting },
        });
      },
      () => setOpen(false),
    );

  return (
    <>
      <WriteButton
        allowed={permission.allowed}
        reasonId={SYNC_WRITE_REASON_ID}
        size="sm"
        aria-label={update.checking ? WRITE_NOTICES.checkingNamed(setting) : `${verb} ${setting}`}
        disabled={wait.busy || update.checking}
        {...(wait.busy ? { "aria-describedby": wait.describedBy } : {})}
        onClick={() => setOpen(true)}
      >
        {update.checking ? (
          <CheckingLabel />
        ) : (
          <>
            {turnOn ? <Power aria-hidden className="size-3.5" /> : <PowerOff aria-hidden className="size-3.5" />}
            {verb}
          </>
        )}
      </WriteButton>
      <SettingChangeDialog
        open={open}
        onOpenChange={setOpen}
        turnOn={turnOn}
        setting={setting}
        name={name}
        tenantId={partner.tenantId}
        changes={words.changes}
        stays={words.stays}
        onConfirm={confirm}
      />
    </>
  );
}
