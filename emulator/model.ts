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
  /** Absent in state files written before the property was served; read through `partnerOnWire`. */
  blockServiceProviderOutboundAccess?: boolean | null;
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

/** The B2B and tenant-restriction settings, on a partner and on the default policy alike (wire order). */
export const ACCESS_SETTING_PROPERTIES = [
  "b2bCollaborationOutbound",
  "b2bCollaborationInbound",
  "b2bDirectConnectOutbound",
  "b2bDirectConnectInbound",
  "tenantRestrictions",
] as const;

export const PARTNER_PROPERTIES = [
  "tenantId",
  "isServiceProvider",
  "isInMultiTenantOrganization",
  "blockServiceProviderOutboundAccess",
  "inboundTrust",
  "automaticUserConsentSettings",
  ...ACCESS_SETTING_PROPERTIES,
  "deletedDateTime",
] as const satisfies readonly (keyof PartnerRecord)[];

/**
 * A partner as Graph shows it: an unconfigured automaticUserConsentSettings is an object with null
 * members (the resource page: "Unless configured, inboundAllowed and outboundAllowed are null"),
 * isInMultiTenantOrganization is false outside a multitenant organization, and
 * blockServiceProviderOutboundAccess is null until set. Stored records keep null for "unset" so
 * the audit log records what was written.
 */
export function partnerOnWire(partner: PartnerRecord): PartnerRecord {
  return {
    ...partner,
    isInMultiTenantOrganization: partner.isInMultiTenantOrganization ?? false,
    blockServiceProviderOutboundAccess: partner.blockServiceProviderOutboundAccess ?? null,
    automaticUserConsentSettings: partner.automaticUserConsentSettings ?? { inboundAllowed: null, outboundAllowed: null },
  };
}

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
    blockServiceProviderOutboundAccess: null,
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

/** crossTenantAccessPolicy itself: its name and the other Microsoft clouds the tenant may collaborate with. */
export interface AccessPolicyRecord {
  displayName: string;
  allowedCloudEndpoints: string[];
}

export const ACCESS_POLICY_TYPE = "microsoft.graph.crossTenantAccessPolicy";
/** `definition` is deprecated (tenantRelationshipAccessPolicyBase): always an empty collection here. */
export const ACCESS_POLICY_PROPERTIES = ["displayName", "definition", "allowedCloudEndpoints"] as const;
/** The values the resource page lists for allowedCloudEndpoints. */
export const CLOUD_ENDPOINTS = ["microsoftonline.com", "microsoftonline.us", "partner.microsoftonline.cn"] as const;

/** A tenant that never allowed another cloud. */
export function serviceAccessPolicy(): AccessPolicyRecord {
  return { displayName: "CrossTenantAccessPolicy", allowedCloudEndpoints: [] };
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
  ...ACCESS_SETTING_PROPERTIES,
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
