import type { Partner } from "@/lib/models";
import { Section } from "./detail-section";
import { AccessSettingRows, Inherited, SettingRow } from "./setting-list";
import { TriStateValue } from "./sync-state";

export function ConfigurationSection({ partner }: { partner: Partner }) {
  const trust = partner.inboundTrust;
  const consent = partner.automaticUserConsentSettings;
  return (
    <Section title="Partner configuration">
      <dl>
        <SettingRow label="Service provider">
          <TriStateValue value={partner.isServiceProvider} trueLabel="Yes" falseLabel="No" nullLabel="Inherited from default" />
        </SettingRow>
        <SettingRow label="Multitenant organization">
          <TriStateValue value={partner.isInMultiTenantOrganization} trueLabel="Member" falseLabel="Not a member" nullLabel="Inherited from default" />
        </SettingRow>
        <SettingRow label="Inbound trust">
          {trust ? (
            <dl className="grid grid-cols-[220px_1fr] gap-x-2">
              <dt className="text-muted">MFA from partner</dt>
              <dd><TriStateValue value={trust.isMfaAccepted} trueLabel="Trusted" falseLabel="Not trusted" nullLabel="Inherited from default" /></dd>
              <dt className="text-muted">Compliant devices</dt>
              <dd><TriStateValue value={trust.isCompliantDeviceAccepted} trueLabel="Trusted" falseLabel="Not trusted" nullLabel="Inherited from default" /></dd>
              <dt className="text-muted">Hybrid Entra joined devices</dt>
              <dd><TriStateValue value={trust.isHybridAzureADJoinedDeviceAccepted} trueLabel="Trusted" falseLabel="Not trusted" nullLabel="Inherited from default" /></dd>
            </dl>
          ) : (
            <Inherited />
          )}
        </SettingRow>
        <SettingRow label="Automatic user consent">
          {consent ? (
            <dl className="grid grid-cols-[220px_1fr] gap-x-2">
              <dt className="text-muted">Inbound</dt>
              <dd><TriStateValue value={consent.inboundAllowed} trueLabel="Suppress consent prompts" falseLabel="Prompt users" nullLabel="Inherited from default" /></dd>
              <dt className="text-muted">Outbound</dt>
              <dd><TriStateValue value={consent.outboundAllowed} trueLabel="Suppress consent prompts" falseLabel="Prompt users" nullLabel="Inherited from default" /></dd>
            </dl>
          ) : (
            <Inherited />
          )}
        </SettingRow>
        <AccessSettingRows label="B2B collaboration inbound" setting={partner.b2bCollaborationInbound} />
        <AccessSettingRows label="B2B collaboration outbound" setting={partner.b2bCollaborationOutbound} />
        <AccessSettingRows label="B2B direct connect inbound" setting={partner.b2bDirectConnectInbound} />
        <AccessSettingRows label="B2B direct connect outbound" setting={partner.b2bDirectConnectOutbound} />
        <AccessSettingRows label="Tenant restrictions" setting={partner.tenantRestrictions} />
      </dl>
    </Section>
  );
}
