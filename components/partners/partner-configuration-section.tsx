"use client";

import { useState } from "react";
import type { DefaultPolicy, Partner } from "@/lib/core/models";
import { useDefaultPolicy } from "@/lib/queries/default-policy";
import { useSetOutboundRedemption } from "@/lib/queries/partner-writes";
import { sendThenClose } from "@/components/ui/button";
import { useWritePermission } from "@/components/writes/use-write-permission";
import { WriteButton } from "@/components/writes/write-button";
import { UnavailableReason } from "@/components/writes/unavailable-reason";
import { PendingMark } from "@/components/writes/pending-mark";
import { usePartnerWriteWait } from "./write-wait";
import { useSendWrite } from "@/components/writes/write-toast";
import { Section } from "@/components/ui/detail-section";
import { usePartnerName } from "./partner-name";
import { AccessSettingRows, Inherited, SettingRow } from "./setting-list";
import { TriStateValue } from "@/components/shared/sync-state";
import { SettingChangeDialog } from "./setting-change-dialog";

function word(value: boolean | null | undefined, trueLabel: string, falseLabel: string): string | null {
  return value === true ? trueLabel.toLowerCase() : value === false ? falseLabel.toLowerCase() : null;
}

/** The partner's value, or what it inherits from the default policy. */
function Value({ value, inherited, trueLabel, falseLabel }: { value: boolean | null | undefined; inherited: boolean | null | undefined; trueLabel: string; falseLabel: string }) {
  if (value === null || value === undefined) return <Inherited value={word(inherited, trueLabel, falseLabel)} />;
  return <TriStateValue value={value} trueLabel={trueLabel} falseLabel={falseLabel} />;
}

const TRUST = [
  ["MFA from partner", "isMfaAccepted"],
  ["Compliant devices", "isCompliantDeviceAccepted"],
  ["Hybrid Entra joined devices", "isHybridAzureADJoinedDeviceAccepted"],
] as const;

const OUTBOUND_REASON_ID = "outbound-redemption-reason";

/** Turns the partner's outbound automatic redemption on or off, after a confirmation; inbound stays. */
function OutboundRedemptionToggle({ partner, name }: { partner: Partner; name: string }) {
  const [open, setOpen] = useState(false);
  const permission = useWritePermission();
  const change = useSetOutboundRedemption();
  const sendWrite = useSendWrite();
  const wait = usePartnerWriteWait(partner.tenantId);
  const turnOn = partner.automaticUserConsentSettings?.outboundAllowed !== true;
  const verb = turnOn ? "Turn on" : "Turn off";
  const title = `${verb} outbound automatic redemption`;

  const confirm = () =>
    sendThenClose(
      () =>
        void sendWrite(() => change.mutateAsync({ tenantId: partner.tenantId, allowed: turnOn }), {
          write: "set-outbound-redemption",
          tenantId: partner.tenantId,
          subject: { name, on: turnOn },
        }),
      () => setOpen(false),
    );

  return (
    <>
      <WriteButton
        allowed={permission.allowed}
        reasonId={OUTBOUND_REASON_ID}
        size="sm"
        aria-label={title}
        disabled={wait.busy}
        {...(wait.busy ? { "aria-describedby": wait.describedBy } : {})}
        onClick={() => setOpen(true)}
      >
        {verb}
      </WriteButton>
      <PendingMark write={wait.find("set-outbound-redemption")} />
      {!permission.allowed ? <UnavailableReason id={OUTBOUND_REASON_ID} reason={permission.reason} /> : null}
      <SettingChangeDialog
        open={open}
        onOpenChange={setOpen}
        turnOn={turnOn}
        setting="outbound automatic redemption"
        name={name}
        tenantId={partner.tenantId}
        changes={
          turnOn
            ? `Your users invited to ${name} are no longer asked to accept a consent prompt, once ${name} turns inbound automatic redemption on too. Cross-tenant sync from your tenant to ${name} needs it.`
            : `Your users invited to ${name} are asked to accept a consent prompt again. Cross-tenant sync from your tenant to ${name} stops working until it is turned back on.`
        }
        stays="inbound automatic redemption and the partner's other settings stay as they are."
        onConfirm={confirm}
      />
    </>
  );
}

export function ConfigurationSection({ partner }: { partner: Partner }) {
  const name = usePartnerName(partner) ?? partner.tenantId;
  const defaults: DefaultPolicy | null = useDefaultPolicy().data ?? null;
  const wait = usePartnerWriteWait(partner.tenantId);
  const trust = partner.inboundTrust;
  const consent = partner.automaticUserConsentSettings;
  return (
    <Section title="Partner configuration">
      <dl>
        <SettingRow label="Service provider">
          <TriStateValue value={partner.isServiceProvider} trueLabel="Yes" falseLabel="No" nullLabel="Not set" />
        </SettingRow>
        <SettingRow label="Multitenant organization">
          <TriStateValue value={partner.isInMultiTenantOrganization} trueLabel="Member" falseLabel="Not a member" nullLabel="Not set" />
        </SettingRow>
        <SettingRow label="Inbound trust">
          <dl className="grid grid-cols-[220px_1fr] gap-x-2">
            {TRUST.map(([label, key]) => (
              <div key={key} className="contents">
                <dt className="text-muted">{label}</dt>
                <dd>
                  <Value value={trust?.[key]} inherited={defaults?.inboundTrust?.[key]} trueLabel="Trusted" falseLabel="Not trusted" />
                </dd>
              </div>
            ))}
          </dl>
        </SettingRow>
        <SettingRow label="Automatic redemption">
          <dl className="grid grid-cols-[220px_1fr] gap-x-2">
            <dt className="text-muted">Inbound</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <Value value={consent?.inboundAllowed} inherited={defaults?.automaticUserConsentSettings?.inboundAllowed} trueLabel="On" falseLabel="Off" />
              <PendingMark write={wait.find("set-inbound-redemption")} />
            </dd>
            <dt className="text-muted">Outbound</dt>
            <dd className="flex flex-wrap items-center gap-2">
              <Value value={consent?.outboundAllowed} inherited={defaults?.automaticUserConsentSettings?.outboundAllowed} trueLabel="On" falseLabel="Off" />
              <OutboundRedemptionToggle partner={partner} name={name} />
            </dd>
          </dl>
        </SettingRow>
        <AccessSettingRows label="B2B collaboration inbound" setting={partner.b2bCollaborationInbound} inherited={defaults?.b2bCollaborationInbound} />
        <AccessSettingRows label="B2B collaboration outbound" setting={partner.b2bCollaborationOutbound} inherited={defaults?.b2bCollaborationOutbound} />
        <AccessSettingRows label="B2B direct connect inbound" setting={partner.b2bDirectConnectInbound} inherited={defaults?.b2bDirectConnectInbound} />
        <AccessSettingRows label="B2B direct connect outbound" setting={partner.b2bDirectConnectOutbound} inherited={defaults?.b2bDirectConnectOutbound} />
        <AccessSettingRows label="Tenant restrictions" setting={partner.tenantRestrictions} inherited={defaults?.tenantRestrictions} />
      </dl>
    </Section>
  );
}
