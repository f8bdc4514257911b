import { describe, expect, it } from "vitest";
import { toDeletedPartner, toDeletedSyncPolicy, toPartner, toSyncPolicy, unwrapRestoreBody } from "./mappers";

const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";

describe("toSyncPolicy", () => {
  it("maps the seed 004 policy", () => {
    expect(toSyncPolicy({ tenantId: FABRIKAM, displayName: "Fabrikam", userSyncInbound: { isSyncAllowed: true } })).toEqual({
      tenantId: FABRIKAM,
      displayName: "Fabrikam",
      userSyncAllowed: true,
      groupSyncAllowed: null,
      externalCloudAuthorizedApplicationId: null,
      deletedDateTime: null,
    });
  });

  it("tolerates missing properties, wrong types and a missing tenantId", () => {
    const policy = toSyncPolicy({ displayName: 42 as unknown as string, userSyncInbound: {} }, FABRIKAM.toUpperCase());
    expect(policy).toMatchObject({ tenantId: FABRIKAM, displayName: null, userSyncAllowed: null });
    expect(toSyncPolicy(null).tenantId).toBe("");
  });
});

describe("toDeletedSyncPolicy", () => {
  it("maps a null-heavy deleted item", () => {
    const deleted = toDeletedSyncPolicy({
      "@odata.type": "#microsoft.graph.crossTenantIdentitySyncPolicyPartner",
      tenantId: FABRIKAM,
      displayName: null,
      userSyncInbound: null,
      groupSyncInbound: null,
      externalCloudAuthorizedApplicationId: null,
      deletedDateTime: "2025-06-01T10:00:00Z",
    });
    expect(deleted).toEqual({
      tenantId: FABRIKAM,
      displayName: null,
      userSyncAllowed: null,
      groupSyncAllowed: null,
      externalCloudAuthorizedApplicationId: null,
      deletedDateTime: "2025-06-01T10:00:00Z",
    });
  });

  it("keeps an item without deletedDateTime, marked unknown with an empty string", () => {
    expect(toDeletedSyncPolicy({ tenantId: FABRIKAM }).deletedDateTime).toBe("");
  });
});

describe("unwrapRestoreBody", () => {
  const entity = { tenantId: FABRIKAM, displayName: "Fabrikam", userSyncInbound: { isSyncAllowed: false } };

  it("accepts the flat entity", () => {
    expect(unwrapRestoreBody(entity)).toEqual(entity);
  });

  it("accepts the value-wrapped entity of seed 000", () => {
    const wrapped = { value: { "@odata.type": "#microsoft.graph.crossTenantIdentitySyncPolicyPartner", ...entity } };
    expect(toSyncPolicy(unwrapRestoreBody(wrapped))).toMatchObject({ tenantId: FABRIKAM, userSyncAllowed: false });
  });

  it("returns null for empty bodies", () => {
    expect(unwrapRestoreBody(null)).toBeNull();
    expect(unwrapRestoreBody("")).toBeNull();
  });
});

describe("toPartner", () => {
  it("maps settings and the expanded sync policy", () => {
    const partner = toPartner({
      tenantId: FABRIKAM,
      displayName: null,
      isServiceProvider: true,
      inboundTrust: { isMfaAccepted: true },
      b2bCollaborationInbound: {
        usersAndGroups: { accessType: "allowed", targets: [{ target: "AllUsers", targetType: "user" }, { targetType: "group" }] },
        applications: null,
      },
      identitySynchronization: { displayName: "Fabrikam sync", userSyncInbound: { isSyncAllowed: true } },
    });
    expect(partner).toMatchObject({
      tenantId: FABRIKAM,
      displayName: null,
      isServiceProvider: true,
      isInMultiTenantOrganization: null,
      inboundTrust: { isMfaAccepted: true, isCompliantDeviceAccepted: null, isHybridAzureADJoinedDeviceAccepted: null },
      automaticUserConsentSettings: null,
      b2bCollaborationInbound: {
        usersAndGroups: { accessType: "allowed", targets: [{ target: "AllUsers", targetType: "user" }] },
        applications: null,
      },
      tenantRestrictions: null,
      syncPolicy: { tenantId: FABRIKAM, displayName: "Fabrikam sync", userSyncAllowed: true },
    });
  });

  it("reads an unconfigured partner in the documented shape as it reads the bare one", () => {
    // As the reference shows a partner (policydeletableitem-get, restore): consent an object of nulls, multitenant false.
    const documented = {
      tenantId: FABRIKAM,
      deletedDateTime: "2025-06-18T22:58:04Z",
      isServiceProvider: null,
      isInMultiTenantOrganization: false,
      blockServiceProviderOutboundAccess: null,
      inboundTrust: null,
      b2bCollaborationInbound: null,
      tenantRestrictions: null,
      automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: null },
    };
    const bare = { ...documented, automaticUserConsentSettings: null };
    expect(toPartner(documented)).toEqual(toPartner(bare));
    expect(toPartner(documented)).toMatchObject({ automaticUserConsentSettings: null, isInMultiTenantOrganization: false, isServiceProvider: null, syncPolicy: null });
    expect(toDeletedPartner(documented)).toMatchObject({ tenantId: FABRIKAM, automaticUserConsentSettings: null, deletedDateTime: "2025-06-18T22:58:04Z" });
  });

  it("keeps a consent direction that is set next to one left null", () => {
    const partner = toPartner({ tenantId: FABRIKAM, automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: null } });
    expect(partner.automaticUserConsentSettings).toEqual({ inboundAllowed: true, outboundAllowed: null });
    expect(toPartner({ tenantId: FABRIKAM, automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false } }).automaticUserConsentSettings).toEqual({
      inboundAllowed: false,
      outboundAllowed: false,
    });
  });

  it("has no sync policy when identitySynchronization is null or missing", () => {
    expect(toPartner({ tenantId: FABRIKAM, identitySynchronization: null }).syncPolicy).toBeNull();
    expect(toPartner({ tenantId: FABRIKAM }).syncPolicy).toBeNull();
  });
});
