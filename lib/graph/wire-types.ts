import "server-only";

/**
 * Graph beta shapes as they arrive on the wire. Every property may be missing or
 * null (deleted items especially), so every field is optional and nullable.
 */

type Maybe<T> = T | null | undefined;

export interface WireODataCollection<T> {
  "@odata.context"?: string;
  "@odata.nextLink"?: Maybe<string>;
  "@odata.count"?: Maybe<number>;
  value?: Maybe<T[]>;
}

export interface WireSyncInbound {
  isSyncAllowed?: Maybe<boolean>;
}

export interface WireSyncPolicy {
  "@odata.type"?: string;
  "@odata.context"?: string;
  tenantId?: Maybe<string>;
  displayName?: Maybe<string>;
  userSyncInbound?: Maybe<WireSyncInbound>;
  groupSyncInbound?: Maybe<WireSyncInbound>;
  externalCloudAuthorizedApplicationId?: Maybe<string>;
  deletedDateTime?: Maybe<string>;
}

/** Restore answers are documented flat, but seed 000 wraps the entity in `value`. */
export type WireRestoreResponse = WireSyncPolicy | { value?: Maybe<WireSyncPolicy> };

export interface WireAccessTarget {
  target?: Maybe<string>;
  targetType?: Maybe<string>;
}

export interface WireAccessTargetConfiguration {
  accessType?: Maybe<string>;
  targets?: Maybe<WireAccessTarget[]>;
}

export interface WireCrossTenantAccessSetting {
  usersAndGroups?: Maybe<WireAccessTargetConfiguration>;
  applications?: Maybe<WireAccessTargetConfiguration>;
}

export interface WireInboundTrust {
  isMfaAccepted?: Maybe<boolean>;
  isCompliantDeviceAccepted?: Maybe<boolean>;
  isHybridAzureADJoinedDeviceAccepted?: Maybe<boolean>;
}

export interface WireAutomaticUserConsentSettings {
  inboundAllowed?: Maybe<boolean>;
  outboundAllowed?: Maybe<boolean>;
}

export interface WirePartner {
  "@odata.type"?: string;
  tenantId?: Maybe<string>;
  displayName?: Maybe<string>;
  isServiceProvider?: Maybe<boolean>;
  isInMultiTenantOrganization?: Maybe<boolean>;
  /** Not shown by the dashboard; listed so the documented partner shape type-checks. */
  blockServiceProviderOutboundAccess?: Maybe<boolean>;
  inboundTrust?: Maybe<WireInboundTrust>;
  automaticUserConsentSettings?: Maybe<WireAutomaticUserConsentSettings>;
  b2bCollaborationInbound?: Maybe<WireCrossTenantAccessSetting>;
  b2bCollaborationOutbound?: Maybe<WireCrossTenantAccessSetting>;
  b2bDirectConnectInbound?: Maybe<WireCrossTenantAccessSetting>;
  b2bDirectConnectOutbound?: Maybe<WireCrossTenantAccessSetting>;
  tenantRestrictions?: Maybe<WireCrossTenantAccessSetting>;
  deletedDateTime?: Maybe<string>;
  identitySynchronization?: Maybe<WireSyncPolicy>;
}

export interface WireErrorEnvelope {
  error?: Maybe<{
    code?: unknown;
    message?: unknown;
    innerError?: unknown;
    details?: unknown;
  }>;
}

export interface WireBatchRequestItem {
  id: string;
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Relative to the version root, e.g. `/policies/...`. */
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

export interface WireBatchResponseItem {
  id?: Maybe<string>;
  status?: Maybe<number>;
  headers?: Maybe<Record<string, string>>;
  body?: unknown;
}

export interface WireBatchResponse {
  responses?: Maybe<WireBatchResponseItem[]>;
}

export interface WireTenantInformation {
  tenantId?: Maybe<string>;
  displayName?: Maybe<string>;
  defaultDomainName?: Maybe<string>;
  federationBrandName?: Maybe<string>;
}
