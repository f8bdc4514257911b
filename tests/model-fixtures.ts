import type { DeletedSyncPolicy, Partner, SyncPolicy } from "@/lib/core/models";

/** App-model objects for unit tests: every field present, overrides for what a test is about. */
export function makeSyncPolicy(tenantId: string, overrides: Partial<SyncPolicy> = {}): SyncPolicy {
  return { tenantId, displayName: null, userSyncAllowed: null, groupSyncAllowed: null, externalCloudAuthorizedApplicationId: null, deletedDateTime: null, ...overrides };
}

export function makeDeletedSyncPolicy(tenantId: string, overrides: Partial<DeletedSyncPolicy> = {}): DeletedSyncPolicy {
  return { ...makeSyncPolicy(tenantId), deletedDateTime: "2026-11-20T00:00:00Z", ...overrides };
}

export function makePartner(tenantId: string, overrides: Partial<Partner> = {}): Partner {
  return {
    tenantId,
    displayName: null,
    isServiceProvider: null,
    isInMultiTenantOrganization: null,
    inboundTrust: null,
    automaticUserConsentSettings: null,
    b2bCollaborationInbound: null,
    b2bCollaborationOutbound: null,
    b2bDirectConnectInbound: null,
    b2bDirectConnectOutbound: null,
    tenantRestrictions: null,
    syncPolicy: null,
    ...overrides,
  };
}
