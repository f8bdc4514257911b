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

/** The reference gives a partner configuration no displayName: names come from tenant information. */
export interface PartnerRecord {
  tenantId: string;
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

/** crossTenantAccessPolicyConfigurationDefault: what every null partner setting inherits. */
export interface DefaultPolicyRecord {
  isServiceDefault: boolean;
  inboundTrust: { isMfaAccepted: boolean; isCompliantDeviceAccepted: boolean; isHybridAzureADJoinedDeviceAccepted: boolean };
  automaticUserConsentSettings: { inboundAllowed: boolean; outboundAllowed: boolean };
  b2bCollaborationOutbound: CrossTenantAccessSetting;
  b2bCollaborationInbound: CrossTenantAccessSetting;
  b2bDirectConnectOutbound: CrossTenantAccessSetting;
  b2bDirectConnectInbound: CrossTenantAccessSetting;
  tenantRestrictions: CrossTenantAccessSetting;
  invitationRedemptionIdentityProviderConfiguration: {
    primaryIdentityProviderPrecedenceOrder: string[];
    fallbackIdentityProvider: string;
  };
}

export const DEFAULT_POLICY_TYPE = "microsoft.graph.crossTenantAccessPolicyConfigurationDefault";

export const DEFAULT_POLICY_PROPERTIES = [
  "isServiceDefault",
  "inboundTrust",
  "automaticUserConsentSettings",
  "b2bCollaborationOutbound",
  "b2bCollaborationInbound",
  "b2bDirectConnectOutbound",
  "b2bDirectConnectInbound",
  "tenantRestrictions",
  "invitationRedemptionIdentityProviderConfiguration",
] as const satisfies readonly (keyof DefaultPolicyRecord)[];

const everyone = (accessType: "allowed" | "blocked"): CrossTenantAccessSetting => ({
  usersAndGroups: { accessType, targets: [{ target: "AllUsers", targetType: "user" }] },
  applications: { accessType, targets: [{ target: "AllApplications", targetType: "application" }] },
});

/** Entra's out-of-the-box defaults: B2B collaboration open both ways, B2B direct connect and tenant restrictions closed. */
export function serviceDefaultPolicy(): DefaultPolicyRecord {
  return {
    isServiceDefault: true,
    inboundTrust: { isMfaAccepted: false, isCompliantDeviceAccepted: false, isHybridAzureADJoinedDeviceAccepted: false },
    automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false },
    b2bCollaborationOutbound: everyone("allowed"),
    b2bCollaborationInbound: everyone("allowed"),
    b2bDirectConnectOutbound: everyone("blocked"),
    b2bDirectConnectInbound: everyone("blocked"),
    tenantRestrictions: everyone("blocked"),
    invitationRedemptionIdentityProviderConfiguration: {
      primaryIdentityProviderPrecedenceOrder: ["externalFederation", "azureActiveDirectory", "socialIdentityProviders"],
      fallbackIdentityProvider: "defaultConfiguredIdp",
    },
  };
}

/** What findTenantInformationByTenantId / ByDomainName answer (microsoft.graph.tenantInformation). */
export interface TenantInformation {
  tenantId: string;
  displayName: string;
  defaultDomainName: string;
  federationBrandName: string | null;
}

export const TENANT_INFORMATION_TYPE = "microsoft.graph.tenantInformation";
export const TENANT_INFORMATION_PROPERTIES = ["tenantId", "federationBrandName", "displayName", "defaultDomainName"] as const satisfies readonly (keyof TenantInformation)[];
