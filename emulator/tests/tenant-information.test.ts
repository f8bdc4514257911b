import { beforeEach, describe, expect, it } from "vitest";
import { CROSS_TENANT_INFORMATION_READ, POLICY_READ_ALL, ROLE } from "../entra/directory";
import { bulkPartnerName, bulkPartnerTenantId, FABRIKAM_TENANT_ID, SEED_DELETED_PARTNERS, SEED_OTHER_TENANTS, SEED_PARTNERS } from "../seed";
import { account, appToken, call, decodeJwt, setupEmulator, signIn, type Emulator } from "./helpers";

let emu: Emulator;
let helpdesk: string;
setupEmulator((started) => (emu = started));
beforeEach(async () => {
  helpdesk = await emu.tokens.userAccessToken(account("helpdesk@contoso.example"), [CROSS_TENANT_INFORMATION_READ]);
});

const byId = (id: string, version = "beta") => `/${version}/tenantRelationships/findTenantInformationByTenantId(tenantId='${id}')`;
const byDomain = (domain: string, version = "beta") => `/${version}/tenantRelationships/findTenantInformationByDomainName(domainName='${domain}')`;
const UNKNOWN = "0badc0de-0000-4000-8000-000000000000";

describe("tenant information", () => {
  it("answers by tenant id on beta and v1.0 with the four documented properties", async () => {
    for (const version of ["beta", "v1.0"]) {
      const res = await call(emu, byId(FABRIKAM_TENANT_ID.toUpperCase(), version), { token: helpdesk });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        "@odata.context": expect.stringContaining(`/${version}/$metadata#microsoft.graph.tenantInformation`),
        tenantId: FABRIKAM_TENANT_ID,
        federationBrandName: "Fabrikam",
        displayName: "Fabrikam",
        defaultDomainName: "fabrikam.onmicrosoft.com",
      });
    }
  });

  it("answers by domain: default or other verified domain, any case, partner or not", async () => {
    const wingtip = await call(emu, byDomain("WingtipToys.onmicrosoft.com"), { token: helpdesk });
    expect(wingtip.status).toBe(200);
    expect(wingtip.body).toMatchObject({ displayName: "Wingtip Toys", defaultDomainName: "wingtiptoys.onmicrosoft.com", federationBrandName: null });
    const partners = await call(emu, "/beta/policies/crossTenantAccessPolicy/partners", { token: await appToken(emu) });
    expect(partners.body.value.map((p: { tenantId: string }) => p.tenantId)).not.toContain(wingtip.body.tenantId);
    const custom = await call(emu, byDomain("fabrikam.com", "v1.0"), { token: helpdesk });
    expect(custom.body).toMatchObject({ tenantId: FABRIKAM_TENANT_ID, defaultDomainName: "fabrikam.onmicrosoft.com" });
  });

  it("knows every seeded partner, deleted partner, bulk partner and the non-partners", async () => {
    const added = await call(emu, "/_emulator/seed-deleted", { method: "POST", body: { count: 3 } });
    expect(added.status).toBe(201);
    const tenants = [
      ...[...SEED_PARTNERS, ...SEED_DELETED_PARTNERS].map((s) => ({ tenantId: s.partner.tenantId, displayName: s.tenant.displayName })),
      ...SEED_OTHER_TENANTS.map((t) => ({ tenantId: t.tenantId, displayName: t.displayName })),
      { tenantId: bulkPartnerTenantId(3), displayName: bulkPartnerName(3) },
    ];
    for (const tenant of tenants) {
      const res = await call(emu, byId(tenant.tenantId), { token: helpdesk });
      expect(res.status, tenant.tenantId).toBe(200);
      expect(res.body.displayName).toBe(tenant.displayName);
      const back = await call(emu, byDomain(res.body.defaultDomainName), { token: helpdesk });
      expect(back.body.tenantId).toBe(tenant.tenantId);
    }
  });

  it("404 for an unknown tenant or domain; 400 for a malformed one, before any permission check", async () => {
    const unknown = await call(emu, byId(UNKNOWN), { token: helpdesk });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("Request_ResourceNotFound");
    expect((await call(emu, byDomain("nobody-here.onmicrosoft.com"), { token: helpdesk })).status).toBe(404);

    const noScope = await emu.tokens.userAccessToken(account("helpdesk@contoso.example"), [POLICY_READ_ALL]);
    for (const path of [
      byId("not-a-guid"),
      byDomain("no dots"),
      byDomain("-bad-.com"),
      byDomain(""),
      "/beta/tenantRelationships/findTenantInformationByTenantId(domainName='fabrikam.com')",
      "/beta/tenantRelationships/findTenantInformationByTenantId",
    ]) {
      const res = await call(emu, path, { token: noScope });
      expect(res.status, path).toBe(400);
      expect(res.body.error.innerError["request-id"]).toBeTruthy();
    }
    expect((await call(emu, `${byId(FABRIKAM_TENANT_ID)}?$top=1`, { token: helpdesk })).status).toBe(400);
    const selected = await call(emu, `${byId(FABRIKAM_TENANT_ID)}?$select=displayName`, { token: helpdesk });
    expect(Object.keys(selected.body)).toEqual(["@odata.context", "displayName"]);
  });

  it("needs CrossTenantInformation.ReadBasic.All and no directory role; 401 without a token", async () => {
    expect((await call(emu, byId(FABRIKAM_TENANT_ID))).status).toBe(401);
    const policyOnly = await emu.tokens.userAccessToken(account("admin@contoso.example"), [POLICY_READ_ALL]);
    const denied = await call(emu, byId(FABRIKAM_TENANT_ID), { token: policyOnly });
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe("Authorization_RequestDenied");
    expect((await call(emu, byId(FABRIKAM_TENANT_ID), { token: await appToken(emu) })).status).toBe(200);
    expect((await call(emu, "/beta/tenantRelationships/findTenantInformationByTenantId(tenantId='x')", { method: "POST", token: helpdesk })).status).toBe(400);
    expect((await call(emu, byId(FABRIKAM_TENANT_ID), { method: "POST", token: helpdesk })).status).toBe(405);
  });

  it("demo users get the scope through an ordinary interactive sign-in", async () => {
    const scope = `https://graph.microsoft.com/Policy.Read.All https://graph.microsoft.com/${CROSS_TENANT_INFORMATION_READ} openid profile offline_access`;
    const tokens = await signIn(emu, "helpdesk@contoso.example", scope);
    expect(tokens.status).toBe(200);
    expect(tokens.body.scope).toContain(`https://graph.microsoft.com/${CROSS_TENANT_INFORMATION_READ}`);
    expect(String(decodeJwt(tokens.body.access_token).scp).split(" ")).toContain(CROSS_TENANT_INFORMATION_READ);
    expect((await call(emu, byDomain("wingtiptoys.onmicrosoft.com"), { token: tokens.body.access_token })).status).toBe(200);
  });

  it("works inside $batch, each item on its own", async () => {
    const res = await call(emu, "/v1.0/$batch", {
      method: "POST",
      token: helpdesk,
      body: {
        requests: [
          { id: "1", method: "GET", url: `/tenantRelationships/findTenantInformationByTenantId(tenantId='${FABRIKAM_TENANT_ID}')` },
          { id: "2", method: "GET", url: `tenantRelationships/findTenantInformationByTenantId(tenantId='${UNKNOWN}')` },
          { id: "3", method: "GET", url: "/tenantRelationships/findTenantInformationByDomainName(domainName='wingtiptoys.onmicrosoft.com')" },
          { id: "4", method: "GET", url: "/tenantRelationships/findTenantInformationByTenantId(tenantId='nope')" },
        ],
      },
    });
    expect(res.status).toBe(200);
    const items = new Map<string, { status: number; body: Record<string, unknown> }>(res.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(items.get("1")?.status).toBe(200);
    expect(items.get("1")?.body.displayName).toBe("Fabrikam");
    expect(items.get("2")?.status).toBe(404);
    expect(items.get("3")?.body.displayName).toBe("Wingtip Toys");
    expect(items.get("4")?.status).toBe(400);
  });
});

describe("cross-tenant access policy and its default", () => {
  const POLICY = "/beta/policies/crossTenantAccessPolicy";
  const DEFAULT = `${POLICY}/default`;
  const teams = () => emu.tokens.mint({ aud: "https://graph.microsoft.com", scp: "Policy.Read.All Policy.ReadWrite.CrossTenantAccess", oid: "t", wids: [ROLE.teamsAdministrator] });
  const admin = () => emu.tokens.userAccessToken(account("admin@contoso.example"), ["Policy.Read.All", "Policy.ReadWrite.CrossTenantAccess"]);
  const reader = () => emu.tokens.userAccessToken(account("reader@contoso.example"), ["Policy.Read.All", "Policy.ReadWrite.CrossTenantAccess"]);

  it("reads the policy root and Entra's out-of-the-box default", async () => {
    const root = await call(emu, POLICY, { token: await reader() });
    expect(root.status).toBe(200);
    expect(root.body).toMatchObject({ displayName: "CrossTenantAccessPolicy", allowedCloudEndpoints: [] });
    const res = await call(emu, DEFAULT.replace("beta", "v1.0"), { token: await reader() });
    expect(res.status).toBe(200);
    expect(res.body["@odata.context"]).toContain("policies/crossTenantAccessPolicy/default/$entity");
    expect(res.body).toMatchObject({
      isServiceDefault: true,
      inboundTrust: { isMfaAccepted: false, isCompliantDeviceAccepted: false, isHybridAzureADJoinedDeviceAccepted: false },
      automaticUserConsentSettings: { inboundAllowed: false, outboundAllowed: false },
      b2bCollaborationInbound: { usersAndGroups: { accessType: "allowed" }, applications: { accessType: "allowed" } },
      b2bDirectConnectInbound: { usersAndGroups: { accessType: "blocked" } },
      tenantRestrictions: { usersAndGroups: { accessType: "blocked" } },
    });
    expect(res.body).not.toHaveProperty("userSyncInbound");
    const helpdesk403 = await call(emu, DEFAULT, { token: await emu.tokens.userAccessToken(account("helpdesk@contoso.example"), ["Policy.Read.All"]) });
    expect(helpdesk403.status).toBe(403);
  });

  it("PATCH changes the default (no longer the service default); reset brings Entra's back; read-only and null refused", async () => {
    const token = await admin();
    const inboundTrust = { isMfaAccepted: true, isCompliantDeviceAccepted: false, isHybridAzureADJoinedDeviceAccepted: false };
    expect((await call(emu, DEFAULT, { method: "PATCH", token, body: { inboundTrust } })).status).toBe(204);
    const changed = await call(emu, DEFAULT, { token });
    expect(changed.body).toMatchObject({ isServiceDefault: false, inboundTrust });
    expect((await call(emu, DEFAULT, { method: "PATCH", token, body: { automaticUserConsentSettings: { inboundAllowed: true } } })).status).toBe(400);
    expect((await call(emu, DEFAULT, { method: "PATCH", token, body: { inboundTrust: null } })).status).toBe(400);
    expect((await call(emu, DEFAULT, { method: "PATCH", token, body: { isServiceDefault: true } })).status).toBe(400);
    expect((await call(emu, DEFAULT, { method: "PATCH", token: await reader(), body: { inboundTrust } })).status).toBe(403);
    expect((await call(emu, `${DEFAULT}/resetToSystemDefault`, { method: "POST", token })).status).toBe(204);
    expect((await call(emu, DEFAULT, { token })).body).toMatchObject({ isServiceDefault: true, inboundTrust: { isMfaAccepted: false } });
  });

  it("PATCH changes the policy root's allowed clouds (204); unknown clouds, definition and readers refused", async () => {
    const token = await admin();
    const allowedCloudEndpoints = ["microsoftonline.us", "partner.microsoftonline.cn"];
    const patched = await call(emu, POLICY, { method: "PATCH", token, body: { allowedCloudEndpoints } });
    expect(patched.status).toBe(204);
    expect(patched.body).toBeUndefined();
    expect((await call(emu, POLICY, { token })).body).toMatchObject({ displayName: "CrossTenantAccessPolicy", allowedCloudEndpoints, definition: [] });
    const [entry] = (await call(emu, "/beta/auditLogs/directoryAudits?$top=1", { token: await emu.tokens.appAccessToken() })).body.value;
    expect(entry).toMatchObject({ activityDisplayName: "Update the cross-tenant access policy", category: "CrossTenantAccessSettings", operationType: "Update" });
    expect(entry.targetResources[0].modifiedProperties).toEqual([{ displayName: "allowedCloudEndpoints", oldValue: "[]", newValue: JSON.stringify(allowedCloudEndpoints) }]);
    expect((await call(emu, POLICY, { method: "PATCH", token, body: { allowedCloudEndpoints: ["example.com"] } })).status).toBe(400);
    expect((await call(emu, POLICY, { method: "PATCH", token, body: { definition: ["{}"] } })).status).toBe(400);
    expect((await call(emu, POLICY, { method: "PATCH", token: await reader(), body: { allowedCloudEndpoints: [] } })).status).toBe(403);
    await call(emu, "/_emulator/reset", { method: "POST" });
    expect((await call(emu, POLICY, { token })).body.allowedCloudEndpoints).toEqual([]);
  });

  it("Teams Administrators write partners but not identity sync settings", async () => {
    const token = await teams();
    const tenantId = SEED_OTHER_TENANTS[0]?.tenantId ?? "";
    expect((await call(emu, `${POLICY}/partners`, { method: "POST", token, body: { tenantId } })).status).toBe(201);
    expect((await call(emu, `${POLICY}/partners/${tenantId}`, { method: "PATCH", token, body: { automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: false } } })).status).toBe(204);
    const put = await call(emu, `${POLICY}/partners/${tenantId}/identitySynchronization`, { method: "PUT", token, body: { displayName: "Wingtip Toys", userSyncInbound: { isSyncAllowed: true } } });
    expect(put.status).toBe(403);
    expect(put.body.error.code).toBe("Authorization_RequestDenied");
    const sync = await call(emu, `${POLICY}/partners/${FABRIKAM_TENANT_ID}/identitySynchronization`, { method: "PATCH", token, body: { userSyncInbound: { isSyncAllowed: false } } });
    expect(sync.status).toBe(403);
    // A partner with a live sync policy cannot be deleted, whoever asks.
    const refused = await call(emu, `${POLICY}/partners/${FABRIKAM_TENANT_ID}`, { method: "DELETE", token });
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("Request_BadRequest");
    expect((await call(emu, `${POLICY}/partners/${tenantId}`, { method: "DELETE", token })).status).toBe(204);
    expect((await call(emu, `/beta/policies/deletedItems/crossTenantPartners/${tenantId}/restore`, { method: "POST", token })).status).toBe(200);
    expect((await call(emu, `/beta/policies/deletedItems/crossTenantSyncPolicyPartners/0f1e2d3c-4b5a-4697-8877-a6b5c4d3e2f1`, { method: "DELETE", token })).status).toBe(403);
  });
});
