/**
 * App-level shapes the UI works with. Wire types (`@odata.*`, Graph nullables)
 * stay in lib/graph/ and are turned into these by its `toX()` mappers.
 */

/** Inbound user sync as the admin reads it: allowed, blocked, or no sync policy at all. */
export type SyncState = "allowed" | "blocked" | "no-policy";

export type AccessType = "allowed" | "blocked";

export interface AccessTarget {
  target: string;
  targetType: string;
}

export interface AccessTargetConfiguration {
  accessType: AccessType | null;
  targets: AccessTarget[];
}

/** b2bCollaboration*, b2bDirectConnect*, tenantRestrictions: null means inherited from the default policy. */
export interface CrossTenantAccessSetting {
  usersAndGroups: AccessTargetConfiguration | null;
  applications: AccessTargetConfiguration | null;
}

export interface InboundTrust {
  isMfaAccepted: boolean | null;
  isCompliantDeviceAccepted: boolean | null;
  isHybridAzureADJoinedDeviceAccepted: boolean | null;
}

export interface AutomaticUserConsentSettings {
  inboundAllowed: boolean | null;
  outboundAllowed: boolean | null;
}

/** crossTenantIdentitySyncPolicyPartner */
export interface SyncPolicy {
  tenantId: string;
  displayName: string | null;
  /** userSyncInbound.isSyncAllowed; null when Graph returned no userSyncInbound */
  userSyncAllowed: boolean | null;
  /** groupSyncInbound.isSyncAllowed; null when absent */
  groupSyncAllowed: boolean | null;
  externalCloudAuthorizedApplicationId: string | null;
  deletedDateTime: string | null;
}

/** A soft-deleted sync policy. deletedDateTime is "" when Graph omitted it (the item is still restorable). */
export interface DeletedSyncPolicy extends SyncPolicy {
  deletedDateTime: string;
  /** The partner configuration's name, looked up because deleted policies often lose their own. */
  partnerDisplayName?: string | null;
}

/** The inbound and outbound settings a partner may override and the default policy sets for all. */
export interface AccessSettings {
  inboundTrust: InboundTrust | null;
  automaticUserConsentSettings: AutomaticUserConsentSettings | null;
  b2bCollaborationInbound: CrossTenantAccessSetting | null;
  b2bCollaborationOutbound: CrossTenantAccessSetting | null;
  b2bDirectConnectInbound: CrossTenantAccessSetting | null;
  b2bDirectConnectOutbound: CrossTenantAccessSetting | null;
  tenantRestrictions: CrossTenantAccessSetting | null;
}

/** crossTenantAccessPolicyConfigurationPartner with its expanded identitySynchronization */
export interface Partner extends AccessSettings {
  tenantId: string;
  displayName: string | null;
  isServiceProvider: boolean | null;
  isInMultiTenantOrganization: boolean | null;
  /** null when the partner has no live identity sync policy */
  syncPolicy: SyncPolicy | null;
  /** The tenant's default domain, from tenant information once looked up. */
  defaultDomainName?: string | null;
}

/** A partner configuration in deleted items. deletedDateTime is "" when Graph omitted it. */
export interface DeletedPartner extends Omit<Partner, "syncPolicy"> {
  deletedDateTime: string;
}

/** tenantRelationships/findTenantInformationBy*: who a tenant is, as its own directory says. */
export interface TenantInformation {
  tenantId: string;
  displayName: string | null;
  defaultDomainName: string | null;
  federationBrandName: string | null;
}

/** crossTenantAccessPolicy/default: what every null partner setting inherits. */
export type DefaultPolicy = AccessSettings;

/** What the partners list shows of a partner: read with $select, so only these fields exist. */
export interface PartnerRow {
  tenantId: string;
  /** The tenant's name from tenant information once looked up (Graph gives a partner none). */
  displayName: string | null;
  /** The tenant's default domain, from tenant information once looked up. */
  defaultDomainName?: string | null;
  isServiceProvider: boolean | null;
  isInMultiTenantOrganization: boolean | null;
  /** Absent in rows read before the list selected it: then nothing is said about redemption. */
  automaticUserConsentSettings?: AutomaticUserConsentSettings | null;
  syncPolicy: Pick<SyncPolicy, "tenantId" | "displayName" | "userSyncAllowed" | "groupSyncAllowed"> | null;
}
