import type { DeletedPartner } from "@/lib/core/models";
import { buildSnapshot, sealSnapshot, type SnapshotReads } from "@/lib/snapshots/build";
import type { SnapshotDocument } from "@/lib/snapshots/schema";
import { makeDeletedSyncPolicy, makePartner, makeSyncPolicy } from "./model-fixtures";

export const HOME = "7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f";
export const FABRIKAM = "11111111-1111-4111-8111-111111111111";
export const NORTHWIND = "22222222-2222-4222-8222-222222222222";
export const CONTOSO_EAST = "33333333-3333-4333-8333-333333333333";
export const LUCERNE = "44444444-4444-4444-8444-444444444444";

export function makeDeletedPartner(tenantId: string, deletedDateTime = "2026-11-20T00:00:00Z"): DeletedPartner {
  const { syncPolicy: _ignored, ...partner } = makePartner(tenantId);
  return { ...partner, deletedDateTime };
}

/** A small tenant: three live partners (two with sync policies), one deleted partner, one deleted policy, names for some. */
export function sampleReads(overrides: Partial<SnapshotReads> = {}): SnapshotReads {
  return {
    tenantId: HOME,
    takenDateTime: "2026-12-01T10:00:00.000Z",
    policyRoot: { displayName: "CrossTenantAccessPolicy", allowedCloudEndpoints: [] },
    defaultPolicy: {
      inboundTrust: { isMfaAccepted: false, isCompliantDeviceAccepted: false, isHybridAzureADJoinedDeviceAccepted: false },
      automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false },
      b2bCollaborationInbound: null,
      b2bCollaborationOutbound: null,
      b2bDirectConnectInbound: null,
      b2bDirectConnectOutbound: null,
      tenantRestrictions: null,
    },
    partners: [
      makePartner(NORTHWIND, { syncPolicy: makeSyncPolicy(NORTHWIND, { displayName: "Northwind", userSyncAllowed: true, deletedDateTime: "2026-10-01T00:00:00Z" }) }),
      makePartner(FABRIKAM, {
        automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: false },
        syncPolicy: makeSyncPolicy(FABRIKAM, { displayName: "Fabrikam", userSyncAllowed: true }),
      }),
      makePartner(CONTOSO_EAST),
    ],
    deletedPartners: [makeDeletedPartner(LUCERNE)],
    deletedSyncPolicies: [makeDeletedSyncPolicy(LUCERNE, { displayName: "Lucerne" })],
    tenants: [
      { tenantId: FABRIKAM, displayName: "Fabrikam", defaultDomainName: "fabrikam.example", federationBrandName: null },
      { tenantId: NORTHWIND, displayName: "Northwind Traders", defaultDomainName: "northwind.example", federationBrandName: null },
      { tenantId: "99999999-9999-4999-8999-999999999999", displayName: "Not named here", defaultDomainName: null, federationBrandName: null },
    ],
    ...overrides,
  };
}

export function sampleSnapshot(overrides: Partial<SnapshotReads> = {}): Promise<SnapshotDocument> {
  return sealSnapshot(buildSnapshot(sampleReads(overrides)));
}
