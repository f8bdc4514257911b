/**
 * Stored shapes of the emulated directory objects. They mirror Graph's wire
 * properties so serialising is a matter of picking fields, not mapping.
 */

export interface AccessTarget {
  target: string;
  targetType: string;
}

export interface AccessTargetConfiguration {
  accessType: "allowed" | "blocked";
  targets: AccessTarget[];
}

export interface CrossTenantAccessSetting {
  usersAndGroups: AccessTargetConfiguration | null;
  applications: AccessTargetConfiguration | null;
}

export interface PartnerRecord {
  tenantId: string;
  displayName: string | null;
  isServiceProvider: boolean | null;
  isInMultiTenantOrganization: boolean | null;
  inboundTrust: {
    isMfaAccepted: boolean | null;
    isCompliantDeviceAccepted: boolean | null;
    isHybridAzureADJoinedDeviceAccepted: boolean | null;
  } | null;
  automaticUserConsentSettings: { inboundAllowed: boolean | null; outboundAllowed: boolean | null } | null;
  b2bCollaborationOutbound: CrossTenantAccessSetting | null;
  b2bCollaborationInbound: CrossTenantAccessSetting | null;
  b2bDirectConnectOutbound: CrossTenantAccessSetting | null;
  b2bDirectConnectInbound: CrossTenantAccessSetting | null;
  tenantRestrictions: CrossTenantAccessSetting | null;
  deletedDateTime: string | null;
}

export interface SyncPolicyRecord {
  tenantId: string;
  displayName: string | null;
  externalCloudAuthorizedApplicationId: string | null;
  userSyncInbound: { isSyncAllowed: boolean } | null;
  groupSyncInbound: { isSyncAllowed: boolean } | null;
  deletedDateTime: string | null;
}

export const PARTNER_TYPE = "microsoft.graph.crossTenantAccessPolicyConfigurationPartner";
export const SYNC_TYPE = "microsoft.graph.crossTenantIdentitySyncPolicyPartner";

export const PARTNER_PROPERTIES = [
  "tenantId",
  "displayName",
  "isServiceProvider",
  "isInMultiTenantOrganization",
  "inboundTrust",
  "automaticUserConsentSettings",
  "b2bCollaborationOutbound",
  "b2bCollaborationInbound",
  "b2bDirectConnectOutbound",
  "b2bDirectConnectInbound",
  "tenantRestrictions",
  "deletedDateTime",
] as const satisfies readonly (keyof PartnerRecord)[];

export const SYNC_POLICY_PROPERTIES = [
  "tenantId",
  "displayName",
  "externalCloudAuthorizedApplicationId",
  "userSyncInbound",
  "groupSyncInbound",
  "deletedDateTime",
] as const satisfies readonly (keyof SyncPolicyRecord)[];

export function emptyPartner(tenantId: string): PartnerRecord {
  return {
    tenantId,
    displayName: null,
    isServiceProvider: null,
    isInMultiTenantOrganization: null,
    inboundTrust: null,
    automaticUserConsentSettings: null,
    b2bCollaborationOutbound: null,
    b2bCollaborationInbound: null,
    b2bDirectConnectOutbound: null,
    b2bDirectConnectInbound: null,
    tenantRestrictions: null,
    deletedDateTime: null,
  };
}

export function emptySyncPolicy(tenantId: string): SyncPolicyRecord {
  return {
    tenantId,
    displayName: null,
    externalCloudAuthorizedApplicationId: null,
    userSyncInbound: null,
    groupSyncInbound: null,
    deletedDateTime: null,
  };
}
