import "server-only";
import type {
  AccessTargetConfiguration,
  AutomaticUserConsentSettings,
  CrossTenantAccessSetting,
  DefaultPolicy,
  DeletedPartner,
  DeletedSyncPolicy,
  InboundTrust,
  Partner,
  SyncPolicy,
  TenantInformation,
} from "@/lib/core/models";
import type {
  WireAccessTargetConfiguration,
  WireAutomaticUserConsentSettings,
  WireCrossTenantAccessSetting,
  WireInboundTrust,
  WirePartner,
  WireSyncInbound,
  WireSyncPolicy,
  WireTenantInformation,
} from "./wire-types";

// Wire values are cast from JSON, not validated: read each one defensively.
function str(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}

function bool(value: unknown): boolean | null {
  return typeof value === "boolean" ? value : null;
}

function record<T extends object>(value: unknown): T | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as T) : null;
}

function tenantKey(value: unknown, fallback?: string): string {
  return (str(value) ?? fallback ?? "").toLowerCase();
}

function syncAllowed(value: unknown): boolean | null {
  return bool(record<WireSyncInbound>(value)?.isSyncAllowed);
}

export function toSyncPolicy(wire: WireSyncPolicy | null | undefined, fallbackTenantId?: string): SyncPolicy {
  const w = record<WireSyncPolicy>(wire) ?? {};
  return {
    tenantId: tenantKey(w.tenantId, fallbackTenantId),
    displayName: str(w.displayName),
    userSyncAllowed: syncAllowed(w.userSyncInbound),
    groupSyncAllowed: syncAllowed(w.groupSyncInbound),
    externalCloudAuthorizedApplicationId: str(w.externalCloudAuthorizedApplicationId),
    deletedDateTime: str(w.deletedDateTime),
  };
}

/** A deleted item without deletedDateTime gets "" so it stays listed (and restorable); the UI treats it as unknown. */
export function toDeletedSyncPolicy(wire: WireSyncPolicy | null | undefined, fallbackTenantId?: string): DeletedSyncPolicy {
  const policy = toSyncPolicy(wire, fallbackTenantId);
  return { ...policy, deletedDateTime: policy.deletedDateTime ?? "" };
}

/** Restore answers may be flat or wrapped in `value` (seed 000). */
export function unwrapRestoreBody(body: unknown): WireSyncPolicy | null {
  const outer = record<{ value?: unknown }>(body);
  if (!outer) return null;
  return record<WireSyncPolicy>(outer.value) ?? (outer as WireSyncPolicy);
}

function toTargetConfiguration(wire: unknown): AccessTargetConfiguration | null {
  const w = record<WireAccessTargetConfiguration>(wire);
  if (!w) return null;
  const accessType = str(w.accessType);
  const targets = Array.isArray(w.targets) ? w.targets : [];
  return {
    accessType: accessType === "allowed" || accessType === "blocked" ? accessType : null,
    targets: targets.flatMap((t) => {
      const target = record<{ target?: unknown; targetType?: unknown }>(t);
      const id = str(target?.target);
      return id === null ? [] : [{ target: id, targetType: str(target?.targetType) ?? "" }];
    }),
  };
}

function toAccessSetting(wire: WireCrossTenantAccessSetting | null | undefined): CrossTenantAccessSetting | null {
  const w = record<WireCrossTenantAccessSetting>(wire);
  if (!w) return null;
  return { usersAndGroups: toTargetConfiguration(w.usersAndGroups), applications: toTargetConfiguration(w.applications) };
}

function toInboundTrust(wire: WireInboundTrust | null | undefined): InboundTrust | null {
  const w = record<WireInboundTrust>(wire);
  if (!w) return null;
  return {
    isMfaAccepted: bool(w.isMfaAccepted),
    isCompliantDeviceAccepted: bool(w.isCompliantDeviceAccepted),
    isHybridAzureADJoinedDeviceAccepted: bool(w.isHybridAzureADJoinedDeviceAccepted),
  };
}

/** Unconfigured, Graph answers an object whose members are null (the reference) or, from some tenants, null: both mean "inherited". */
function toConsentSettings(wire: WireAutomaticUserConsentSettings | null | undefined): AutomaticUserConsentSettings | null {
  const w = record<WireAutomaticUserConsentSettings>(wire);
  if (!w) return null;
  const settings = { inboundAllowed: bool(w.inboundAllowed), outboundAllowed: bool(w.outboundAllowed) };
  return settings.inboundAllowed === null && settings.outboundAllowed === null ? null : settings;
}

export function toPartner(wire: WirePartner | null | undefined, fallbackTenantId?: string): Partner {
  const w = record<WirePartner>(wire) ?? {};
  const tenantId = tenantKey(w.tenantId, fallbackTenantId);
  const sync = record<WireSyncPolicy>(w.identitySynchronization);
  return {
    tenantId,
    displayName: str(w.displayName),
    isServiceProvider: bool(w.isServiceProvider),
    isInMultiTenantOrganization: bool(w.isInMultiTenantOrganization),
    inboundTrust: toInboundTrust(w.inboundTrust),
    automaticUserConsentSettings: toConsentSettings(w.automaticUserConsentSettings),
    b2bCollaborationInbound: toAccessSetting(w.b2bCollaborationInbound),
    b2bCollaborationOutbound: toAccessSetting(w.b2bCollaborationOutbound),
    b2bDirectConnectInbound: toAccessSetting(w.b2bDirectConnectInbound),
    b2bDirectConnectOutbound: toAccessSetting(w.b2bDirectConnectOutbound),
    tenantRestrictions: toAccessSetting(w.tenantRestrictions),
    syncPolicy: sync ? toSyncPolicy(sync, tenantId) : null,
  };
}

export function toDeletedPartner(wire: WirePartner | null | undefined, fallbackTenantId?: string): DeletedPartner {
  const { syncPolicy: _ignored, ...partner } = toPartner(wire, fallbackTenantId);
  void _ignored;
  return { ...partner, deletedDateTime: str(record<WirePartner>(wire)?.deletedDateTime) ?? "" };
}

export function toTenantInformation(wire: WireTenantInformation | null | undefined, fallbackTenantId?: string): TenantInformation {
  const w = record<WireTenantInformation>(wire) ?? {};
  const text = (value: unknown) => str(value)?.trim() || null;
  return {
    tenantId: tenantKey(w.tenantId, fallbackTenantId),
    displayName: text(w.displayName),
    defaultDomainName: text(w.defaultDomainName),
    federationBrandName: text(w.federationBrandName),
  };
}

export function toDefaultPolicy(wire: WirePartner | null | undefined): DefaultPolicy {
  const { inboundTrust, automaticUserConsentSettings, b2bCollaborationInbound, b2bCollaborationOutbound, b2bDirectConnectInbound, b2bDirectConnectOutbound, tenantRestrictions } =
    toPartner(wire, "default");
  return { inboundTrust, automaticUserConsentSettings, b2bCollaborationInbound, b2bCollaborationOutbound, b2bDirectConnectInbound, b2bDirectConnectOutbound, tenantRestrictions };
}
