"use client";

import Link from "next/link";
import { AlarmClock, CircleDashed, Trash2 } from "lucide-react";
import type { DeletedSyncPolicy, Partner } from "@/lib/core/models";
import { syncCannotWork, syncStateOf } from "@/lib/partners/display";
import { formatDate, formatTimeLeft, isExpiringSoon, purgeDate } from "@/lib/deleted/retention";
import { RestoreFromDetail } from "@/components/shared/restore-from-detail";
import { Section } from "@/components/ui/detail-section";
import { SettingRow } from "./setting-list";
import { TriStateValue, UserSyncState } from "@/components/shared/sync-state";
import { usePartnerName } from "./partner-name";
import { SYNC_WRITE_REASON_ID, SyncToggle } from "./sync-toggle";
import { DeleteSyncPolicy } from "./delete-sync-policy";
import { SetUpSync } from "./set-up-sync";
import { useWritePermission } from "@/components/writes/use-write-permission";
import { UnavailableReason } from "@/components/writes/unavailable-reason";
import { PendingMark } from "@/components/writes/pending-mark";
import { RedemptionFlag } from "./redemption-flag";
import { usePartnerWriteWait } from "./write-wait";

export function SyncPolicySection({ partner, deleted }: { partner: Partner; deleted: DeletedSyncPolicy | null }) {
  const policy = partner.syncPolicy;
  const name = usePartnerName(partner);
  const permission = useWritePermission();
  const wait = usePartnerWriteWait(partner.tenantId);
  const label = name ?? partner.tenantId;
  if (policy) {
    return (
      <Section title="Identity synchronization">
        {syncCannotWork(partner) ? (
          <div className="pt-3">
            <RedemptionFlag partner={partner} name={label} />
          </div>
        ) : null}
        <dl>
          <SettingRow label="Inbound user sync">
            <span className="flex flex-wrap items-center justify-between gap-2">
              <span className="flex flex-wrap items-center gap-x-2">
                <UserSyncState state={syncStateOf(partner)} />
                {policy.userSyncAllowed === null ? <span className="ml-2 text-xs text-muted">(not set in the sync policy)</span> : null}
                <PendingMark write={wait.find("update-sync-policy", "inbound user sync")} />
              </span>
              <SyncToggle partner={partner} policy={policy} kind="user" name={label} />
            </span>
          </SettingRow>
          <SettingRow label="Inbound group sync">
            <span className="flex flex-wrap items-center justify-between gap-2">
              <span className="flex flex-wrap items-center gap-x-2">
                <TriStateValue value={policy.groupSyncAllowed} nullLabel={"Not set"} />
                <PendingMark write={wait.find("update-sync-policy", "inbound group sync")} />
              </span>
              <SyncToggle partner={partner} policy={policy} kind="group" name={label} />
            </span>
          </SettingRow>
          <SettingRow label="Policy display name">{policy.displayName ?? <span className="italic text-muted">Not set</span>}</SettingRow>
          <SettingRow label="External cloud authorized application ID">
            {policy.externalCloudAuthorizedApplicationId ? (
              <span className="font-mono text-xs">{policy.externalCloudAuthorizedApplicationId}</span>
            ) : (
              <span className="italic text-muted">Not set</span>
            )}
          </SettingRow>
          <SettingRow label="Last deleted">{policy.deletedDateTime ? formatDate(policy.deletedDateTime, true) : <span className="text-muted">Never</span>}</SettingRow>
        </dl>
        <div className="flex flex-wrap items-center gap-3 border-t border-border py-3">
          <DeleteSyncPolicy partner={partner} policy={policy} name={label} />
          <PendingMark write={wait.find("delete-sync-policy")} />
          {!permission.allowed ? <UnavailableReason id={SYNC_WRITE_REASON_ID} reason={permission.reason} /> : null}
        </div>
      </Section>
    );
  }
  if (deleted) {
    return (
      <Section title="Identity synchronization">
        <div role="note" className="flex items-start gap-3 py-3">
          <Trash2 aria-hidden className="mt-0.5 size-5 shrink-0 text-warn" />
          <div className="space-y-1">
            <p className="font-medium">This partner&apos;s sync policy is in deleted items.</p>
            <p className="text-muted">
              Deleted {formatDate(deleted.deletedDateTime, true)}.{" "}
              <span className={isExpiringSoon(deleted.deletedDateTime) ? "font-medium text-warn" : undefined}>
                <AlarmClock aria-hidden className="mr-1 inline size-3.5" />
                {formatTimeLeft(deleted.deletedDateTime)} before it is purged permanently, on {formatDate(purgeDate(deleted.deletedDateTime)?.toISOString() ?? null, true)}.
              </span>{" "}
              Until it is restored, users from this tenant are not synchronized.
            </p>
            <div className="flex flex-wrap items-center gap-3 pt-1">
              <RestoreFromDetail policy={deleted} name={name} />
              <Link href={`/deleted?q=${deleted.tenantId}`} className="text-accent hover:underline">
                View in deleted sync policies
              </Link>
            </div>
          </div>
        </div>
      </Section>
    );
  }
  return (
    <Section title="Identity synchronization">
      <div className="flex items-start gap-3 py-3">
        <CircleDashed aria-hidden className="mt-0.5 size-5 shrink-0 text-muted" />
        <div className="space-y-2">
          <p>
            <span className="font-medium">No sync policy.</span>{" "}
            <span className="text-muted">Cross-tenant synchronization does not bring users from this tenant into yours.</span>
          </p>
          <SetUpSync partner={partner} name={name} />
        </div>
      </div>
    </Section>
  );
}
