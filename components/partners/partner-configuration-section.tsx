"use client";

import type { DefaultPolicy, Partner } from "@/lib/models";
import { useDefaultPolicy } from "@/lib/queries/default-policy";
import { Section } from "./detail-section";
import { AccessSettingRows, Inherited, SettingRow } from "./setting-list";
import { TriStateValue } from "./sync-state";

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

export function ConfigurationSection({ partner }: { partner: Partner }) {
  const defaults: DefaultPolicy | null = useDefaultPolicy().data ?? null;
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
            <dd>
              <Value value={consent?.inboundAllowed} inherited={defaults?.automaticUserConsentSettings?.inboundAllowed} trueLabel="On" falseLabel="Off" />
            </dd>
            <dt className="text-muted">Outbound</dt>
            <dd>
              <Value value={consent?.outboundAllowed} inherited={defaults?.automaticUserConsentSettings?.outboundAllowed} trueLabel="On" falseLabel="Off" />
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
