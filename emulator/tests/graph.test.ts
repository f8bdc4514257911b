import { generateKeyPair, SignJWT } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import { ROLE } from "../entra/directory";
import { FABRIKAM_TENANT_ID, MICROSOFT_SUPPORT_TENANT_ID, SEED_PARTNERS } from "../seed";
import {
  account,
  adminToken,
  appToken,
  call,
  DELETED,
  helpdeskToken,
  PARTNERS,
  readerToken,
  sync,
  setupEmulator,
  type Emulator,
} from "./helpers";

let emu: Emulator;
let admin: string;
let reader: string;
let helpdesk: string;
setupEmulator((started) => (emu = started));
beforeEach(async () => {
  [admin, reader, helpdesk] = await Promise.all([adminToken(emu), readerToken(emu), helpdeskToken(emu)]);
});

const COHO = "0f1e2d3c-4b5a-4697-8877-a6b5c4d3e2f1"; // deleted 29 days ago
const FOURTH_COFFEE = "7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d"; // deleted 5 days ago
const WOODGROVE = "d5e6f7a8-b9c0-4d1e-8f2a-3b4c5d6e7f80"; // no sync policy
const NEW_TENANT = "11112222-3333-4444-8555-666677778888";

function expectGraphError(res: { status: number; body: { error?: { code?: string; innerError?: Record<string, string> } } }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.body.error?.code).toBe(code);
  expect(res.body.error?.innerError?.["request-id"]).toBeTruthy();
  expect(res.body.error?.innerError?.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
}

describe("authentication", () => {
  it("401 without a token", async () => {
    const res = await call(emu, PARTNERS);
    expectGraphError(res, 401, "InvalidAuthenticationToken");
    expect(res.headers.get("www-authenticate")).toContain("Bearer");
  });

  it("401 for a malformed token", async () => {
    expectGraphError(await call(emu, PARTNERS, { token: "not-a-jwt" }), 401, "InvalidAuthenticationToken");
  });

  it("401 for an expired token (clock moved past exp)", async () => {
    expect((await call(emu, PARTNERS, { token: admin })).status).toBe(200);
    await call(emu, "/_emulator/clock", { method: "POST", body: { advanceMs: 3601_000 } });
    const res = await call(emu, PARTNERS, { token: admin });
    expectGraphError(res, 401, "InvalidAuthenticationToken");
    expect(res.body.error.message).toContain("expired");
  });

  it("401 for a wrong audience", async () => {
    const a = account("admin@contoso.example");
    const token = await emu.tokens.mint({ aud: "api://something-else", scp: "Policy.Read.All", oid: a.oid, wids: a.wids });
    const res = await call(emu, PARTNERS, { token });
    expectGraphError(res, 401, "InvalidAuthenticationToken");
    expect(res.body.error.message).toContain("audience");
  });

  it("accepts Graph's app id as audience", async () => {
    const a = account("admin@contoso.example");
    const token = await emu.tokens.mint({ aud: "00000003-0000-0000-c000-000000000000", scp: "Policy.Read.All", oid: a.oid, wids: a.wids });
    expect((await call(emu, PARTNERS, { token })).status).toBe(200);
  });

  it("401 for a token signed by another key", async () => {
    const { privateKey } = await generateKeyPair("RS256");
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ aud: "https://graph.microsoft.com", iss: emu.issuer, tid: emu.tenantId, scp: "Policy.Read.All", wids: [ROLE.securityAdministrator] })
      .setProtectedHeader({ alg: "RS256", kid: "forged" })
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(privateKey);
    const res = await call(emu, PARTNERS, { token });
    expectGraphError(res, 401, "InvalidAuthenticationToken");
    expect(res.body.error.message).toContain("Signature");
  });
});

describe("authorization", () => {
  it("400 for a malformed GUID comes before 403", async () => {
    expectGraphError(await call(emu, sync("not-a-guid"), { token: helpdesk }), 400, "Request_BadRequest");
    expectGraphError(await call(emu, `${PARTNERS}/1234`, { method: "DELETE", token: reader }), 400, "Request_BadRequest");
  });

  it("403 for a user without a directory role", async () => {
    const res = await call(emu, PARTNERS, { token: helpdesk });
    expectGraphError(res, 403, "Authorization_RequestDenied");
    expect(res.body.error.message).toBe("Insufficient privileges to complete the operation.");
  });

  it("readers read, but every write is 403", async () => {
    expect((await call(emu, sync(FABRIKAM_TENANT_ID), { token: reader })).status).toBe(200);
    expect((await call(emu, DELETED, { token: reader })).status).toBe(200);
    expectGraphError(await call(emu, sync(FABRIKAM_TENANT_ID), { method: "PATCH", token: reader, body: { userSyncInbound: { isSyncAllowed: false } } }), 403, "Authorization_RequestDenied");
    expectGraphError(await call(emu, sync(FABRIKAM_TENANT_ID), { method: "DELETE", token: reader }), 403, "Authorization_RequestDenied");
    expectGraphError(await call(emu, `${DELETED}/${COHO}/restore`, { method: "POST", token: reader }), 403, "Authorization_RequestDenied");
    expectGraphError(await call(emu, `${DELETED}/${COHO}`, { method: "DELETE", token: reader }), 403, "Authorization_RequestDenied");
  });

  it("a token with only Policy.Read.All cannot write even as Security Administrator", async () => {
    const token = await emu.tokens.userAccessToken(account("admin@contoso.example"), ["Policy.Read.All"]);
    expect((await call(emu, PARTNERS, { token })).status).toBe(200);
    expectGraphError(await call(emu, sync(FABRIKAM_TENANT_ID), { method: "DELETE", token }), 403, "Authorization_RequestDenied");
  });

  it("Teams Administrators read partners but not identity sync settings", async () => {
    const token = await emu.tokens.mint({ aud: "https://graph.microsoft.com", scp: "Policy.Read.All", oid: "x", wids: [ROLE.teamsAdministrator] });
    expect((await call(emu, PARTNERS, { token })).status).toBe(200);
    expect((await call(emu, `${PARTNERS}?$expand=identitySynchronization`, { token })).status).toBe(403);
    expect((await call(emu, sync(FABRIKAM_TENANT_ID), { token })).status).toBe(403);
  });

  it("an app without roles is refused", async () => {
    const token = await emu.tokens.mint({ aud: "https://graph.microsoft.com", roles: [], idtyp: "app", oid: "x" });
    expect((await call(emu, PARTNERS, { token })).status).toBe(403);
  });
});

describe("headers and CORS", () => {
  it("request-id on every response, client-request-id echoed", async () => {
    const res = await call(emu, PARTNERS, { token: admin, headers: { "client-request-id": "abc-123" } });
    expect(res.headers.get("request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get("client-request-id")).toBe("abc-123");
    const err = await call(emu, `${PARTNERS}/${NEW_TENANT}`, { token: admin, headers: { "client-request-id": "err-1" } });
    expect(err.body.error.innerError["client-request-id"]).toBe("err-1");
    expect(err.body.error.innerError["request-id"]).toBe(err.headers.get("request-id"));
  });

  it("answers CORS preflight and exposes the ids", async () => {
    const pre = await fetch(`${emu.url}${PARTNERS}`, {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:3000", "Access-Control-Request-Method": "PATCH", "Access-Control-Request-Headers": "authorization,content-type" },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-headers")).toBe("authorization,content-type");
    const res = await call(emu, PARTNERS, { token: admin, headers: { Origin: "http://localhost:3000" } });
    expect(res.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(res.headers.get("access-control-expose-headers")).toContain("request-id");
  });
});

describe("partners", () => {
  it("lists the seed with @odata.context and expands identitySynchronization", async () => {
    const res = await call(emu, `${PARTNERS}?$expand=identitySynchronization`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body["@odata.context"]).toContain("$metadata#policies/crossTenantAccessPolicy/partners");
    expect(res.body["@odata.nextLink"]).toBeUndefined();
    expect(res.body.value).toHaveLength(SEED_PARTNERS.length);
    const fabrikam = res.body.value.find((p: { tenantId: string }) => p.tenantId === FABRIKAM_TENANT_ID);
    // The reference gives partner configurations no displayName.
    for (const partner of res.body.value) expect(partner).not.toHaveProperty("displayName");
    expect(fabrikam.identitySynchronization).toMatchObject({ tenantId: FABRIKAM_TENANT_ID, displayName: "Fabrikam", userSyncInbound: { isSyncAllowed: true } });
    const support = res.body.value.find((p: { tenantId: string }) => p.tenantId === MICROSOFT_SUPPORT_TENANT_ID);
    expect(support.identitySynchronization).toBeNull();
  });

  it("$select on the collection and on an entity", async () => {
    const list = await call(emu, `${PARTNERS}?$select=tenantId,isServiceProvider`, { token: admin });
    expect(Object.keys(list.body.value[0])).toEqual(["tenantId", "isServiceProvider"]);
    expect(list.body["@odata.context"]).toContain("partners(tenantId,isServiceProvider)");
    expectGraphError(await call(emu, `${PARTNERS}?$select=tenantId,displayName`, { token: admin }), 400, "Request_BadRequest");
    const one = await call(emu, `${PARTNERS}/${FABRIKAM_TENANT_ID}?$select=inboundTrust&$expand=identitySynchronization($select=userSyncInbound)`, { token: admin });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ inboundTrust: { isMfaAccepted: true }, identitySynchronization: { userSyncInbound: { isSyncAllowed: true } } });
    expect(one.body.tenantId).toBeUndefined();
    expect(one.body.identitySynchronization.displayName).toBeUndefined();
    const sel = await call(emu, `${sync(FABRIKAM_TENANT_ID)}?$select=userSyncInbound`, { token: admin });
    expect(Object.keys(sel.body)).toEqual(["@odata.context", "userSyncInbound"]);
  });

  it("pages with $top and @odata.nextLink that carries the other options", async () => {
    const seen: string[] = [];
    let next: string | undefined = `${PARTNERS}?$top=5&$expand=identitySynchronization`;
    let pages = 0;
    while (next) {
      const res = await call(emu, next, { token: admin });
      expect(res.status).toBe(200);
      expect(res.body.value.length).toBeLessThanOrEqual(5);
      for (const p of res.body.value) {
        expect(p).toHaveProperty("identitySynchronization");
        seen.push(p.tenantId);
      }
      next = res.body["@odata.nextLink"];
      if (next) expect(next.startsWith(emu.url.replace("localhost", "127.0.0.1")) || next.startsWith(emu.url)).toBe(true);
      pages++;
    }
    expect(pages).toBe(Math.ceil(SEED_PARTNERS.length / 5));
    expect(new Set(seen).size).toBe(SEED_PARTNERS.length);
  });

  it("400 for unknown or repeated $-options and bad values; plain parameters are ignored", async () => {
    expectGraphError(await call(emu, `${PARTNERS}?$foo=1`, { token: admin }), 400, "Request_BadRequest");
    expectGraphError(await call(emu, `${PARTNERS}?$filter=displayName eq 'x'`, { token: admin }), 400, "Request_BadRequest");
    expectGraphError(await call(emu, `${PARTNERS}?$top=0`, { token: admin }), 400, "Request_BadRequest");
    expectGraphError(await call(emu, `${PARTNERS}?$top=1&$top=2`, { token: admin }), 400, "Request_BadRequest");
    expectGraphError(await call(emu, `${PARTNERS}?$select=nope`, { token: admin }), 400, "Request_BadRequest");
    expectGraphError(await call(emu, `${PARTNERS}?$expand=members`, { token: admin }), 400, "Request_BadRequest");
    expectGraphError(await call(emu, `${PARTNERS}?$skiptoken=garbage`, { token: admin }), 400, "Request_BadRequest");
    expectGraphError(await call(emu, `${sync(FABRIKAM_TENANT_ID)}?$top=1`, { token: admin }), 400, "Request_BadRequest");
    expect((await call(emu, `${PARTNERS}?foo=bar`, { token: admin })).status).toBe(200);
  });

  it("creates (201, 409 on duplicate), patches (204, 404 when missing) and deletes (refused while a sync policy exists)", async () => {
    const created = await call(emu, PARTNERS, { method: "POST", token: admin, body: { tenantId: NEW_TENANT, isServiceProvider: false } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ tenantId: NEW_TENANT, isServiceProvider: false, b2bCollaborationInbound: null });
    expect(created.body).not.toHaveProperty("displayName");
    expect(created.headers.get("location")).toContain(NEW_TENANT);
    expectGraphError(await call(emu, PARTNERS, { method: "POST", token: admin, body: { tenantId: NEW_TENANT } }), 409, "Request_MultipleObjectsWithSameKeyValue");
    expectGraphError(await call(emu, PARTNERS, { method: "POST", token: admin, body: { isServiceProvider: true } }), 400, "Request_BadRequest");
    expectGraphError(await call(emu, PARTNERS, { method: "POST", token: admin, body: { tenantId: "22223333-3333-4444-8555-666677778888", displayName: "Named" } }), 400, "Request_BadRequest");
    expectGraphError(await call(emu, PARTNERS, { method: "POST", token: admin, body: { tenantId: NEW_TENANT, bogus: 1 } }), 400, "Request_BadRequest");

    const inboundTrust = { isMfaAccepted: true, isCompliantDeviceAccepted: true, isHybridAzureADJoinedDeviceAccepted: false };
    expect((await call(emu, `${PARTNERS}/${NEW_TENANT}`, { method: "PATCH", token: admin, body: { inboundTrust } })).status).toBe(204);
    const got = await call(emu, `${PARTNERS}/${NEW_TENANT}`, { token: admin });
    expect(got.body).toMatchObject({ isServiceProvider: false, inboundTrust });
    expectGraphError(await call(emu, `${PARTNERS}/${"99999999-3333-4444-8555-666677778888"}`, { method: "PATCH", token: admin, body: { isServiceProvider: true } }), 404, "Directory_ObjectNotFound");

    expectGraphError(await call(emu, `${PARTNERS}/${FABRIKAM_TENANT_ID}`, { method: "DELETE", token: admin }), 400, "Request_BadRequest");
    expect((await call(emu, `${PARTNERS}/${NEW_TENANT}`, { method: "DELETE", token: admin })).status).toBe(204);
    expectGraphError(await call(emu, `${PARTNERS}/${NEW_TENANT}`, { token: admin }), 404, "Request_ResourceNotFound");

    const deletedPartners = await call(emu, "/beta/policies/deletedItems/crossTenantPartners", { token: admin });
    expect(deletedPartners.body.value.map((p: { tenantId: string }) => p.tenantId)).toContain(NEW_TENANT);
    // Unset flags read and filter as Graph shows them: not in a multitenant organization, consent an object of nulls.
    const notMembers = await call(emu, "/beta/policies/deletedItems/crossTenantPartners?$filter=isInMultiTenantOrganization eq false", { token: admin });
    expect(notMembers.body.value.find((p: { tenantId: string }) => p.tenantId === NEW_TENANT)).toMatchObject({
      isInMultiTenantOrganization: false,
      blockServiceProviderOutboundAccess: null,
      automaticUserConsentSettings: { inboundAllowed: null, outboundAllowed: null },
    });
    const restored = await call(emu, `/beta/policies/deletedItems/crossTenantPartners/${NEW_TENANT}/restore`, { method: "POST", token: admin });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ tenantId: NEW_TENANT, isServiceProvider: false, inboundTrust });
    expect(restored.body.deletedDateTime).toBeTruthy();
    expectGraphError(await call(emu, `/beta/policies/deletedItems/crossTenantPartners/${NEW_TENANT}/restore`, { method: "POST", token: admin }), 404, "Request_ResourceNotFound");
  });

  it("GUIDs match case-insensitively; unknown segments and verbs are refused", async () => {
    expect((await call(emu, sync(FABRIKAM_TENANT_ID.toUpperCase()), { token: admin })).status).toBe(200);
    expectGraphError(await call(emu, "/beta/policies/crossTenantAccessPolicy/nope", { token: admin }), 400, "BadRequest");
    expectGraphError(await call(emu, PARTNERS, { method: "DELETE", token: admin }), 405, "Request_BadRequest");
    expectGraphError(await call(emu, PARTNERS, { method: "POST", token: admin, body: "{not json" }), 400, "Request_BadRequest");
  });
});

describe("identity synchronization", () => {
  it("GET returns the documented shape (seed 004)", async () => {
    const res = await call(emu, sync(FABRIKAM_TENANT_ID), { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tenantId: FABRIKAM_TENANT_ID, displayName: "Fabrikam", userSyncInbound: { isSyncAllowed: true } });
    expect(res.body["@odata.context"]).toContain("identitySynchronization/$entity");
    expectGraphError(await call(emu, sync(WOODGROVE), { token: admin }), 404, "Request_ResourceNotFound");
    expectGraphError(await call(emu, sync(NEW_TENANT), { token: admin }), 404, "Request_ResourceNotFound");
  });

  it("PUT creates only; PATCH replaces named properties; DELETE soft-deletes", async () => {
    const body = { displayName: "Woodgrove Bank", userSyncInbound: { isSyncAllowed: true } };
    expectGraphError(await call(emu, sync(NEW_TENANT), { method: "PUT", token: admin, body }), 404, "Request_ResourceNotFound");
    expect((await call(emu, sync(WOODGROVE), { method: "PUT", token: admin, body })).status).toBe(204);
    expectGraphError(await call(emu, sync(WOODGROVE), { method: "PUT", token: admin, body }), 409, "Request_MultipleObjectsWithSameKeyValue");
    expectGraphError(await call(emu, sync(WOODGROVE), { method: "PUT", token: admin, body: { tenantId: FABRIKAM_TENANT_ID } }), 400, "Request_BadRequest");

    expect((await call(emu, sync(WOODGROVE), { method: "PATCH", token: admin, body: { userSyncInbound: { isSyncAllowed: false } } })).status).toBe(204);
    const patched = await call(emu, sync(WOODGROVE), { token: admin });
    const inList = await call(emu, `${PARTNERS}?$expand=identitySynchronization`, { token: admin });
    expect(inList.body.value.find((p: { tenantId: string }) => p.tenantId === WOODGROVE).identitySynchronization.userSyncInbound).toEqual({ isSyncAllowed: false });
    expect(patched.body).toMatchObject({ displayName: "Woodgrove Bank", userSyncInbound: { isSyncAllowed: false }, deletedDateTime: null });
    expectGraphError(await call(emu, sync(COHO), { method: "PATCH", token: admin, body: { displayName: "x" } }), 404, "Directory_ObjectNotFound");
    expectGraphError(await call(emu, sync(WOODGROVE), { method: "PATCH", token: admin, body: { userSyncInbound: { isSyncAllowed: "yes" } } }), 400, "Request_BadRequest");

    const before = emu.clock.now();
    expect((await call(emu, sync(WOODGROVE), { method: "DELETE", token: admin })).status).toBe(204);
    expectGraphError(await call(emu, sync(WOODGROVE), { token: admin }), 404, "Request_ResourceNotFound");
    expectGraphError(await call(emu, sync(WOODGROVE), { method: "DELETE", token: admin }), 404, "Request_ResourceNotFound");
    const listed = await call(emu, `${PARTNERS}?$expand=identitySynchronization`, { token: admin });
    expect(listed.body.value.find((p: { tenantId: string }) => p.tenantId === WOODGROVE).identitySynchronization).toBeNull();
    const deleted = await call(emu, `${DELETED}/${WOODGROVE}`, { token: admin });
    expect(deleted.status).toBe(200);
    expect(Date.parse(deleted.body.deletedDateTime)).toBeGreaterThanOrEqual(before - 1000);
    expect(deleted.body.userSyncInbound).toEqual({ isSyncAllowed: false });
  });
});

describe("deleted items and restore", () => {
  it("lists the seeded deleted policies with their nulls and dates spread over 30 days", async () => {
    const res = await call(emu, DELETED, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body["@odata.context"]).toContain("$metadata#policies/deletedItems/crossTenantSyncPolicyPartners");
    expect(res.body.value.length).toBeGreaterThanOrEqual(6);
    const ages = res.body.value.map((p: { deletedDateTime: string }) => Math.round((emu.clock.now() - Date.parse(p.deletedDateTime)) / 86_400_000));
    expect(Math.max(...ages)).toBe(29);
    expect(res.body.value.some((p: { displayName: string | null; userSyncInbound: unknown }) => p.displayName === null && p.userSyncInbound === null)).toBe(true);
    for (const item of res.body.value) {
      const partner = await call(emu, `${PARTNERS}/${item.tenantId}?$expand=identitySynchronization`, { token: admin });
      expect(partner.status).toBe(200);
      expect(partner.body.identitySynchronization).toBeNull();
    }
  });

  it("supports $top paging, $count, $filter and $orderby on deleted items", async () => {
    const page = await call(emu, `${DELETED}?$top=4&$count=true`, { token: admin });
    expect(page.body.value).toHaveLength(4);
    expect(page.body["@odata.count"]).toBe(6);
    const rest = await call(emu, page.body["@odata.nextLink"], { token: admin });
    expect(rest.body.value).toHaveLength(2);
    expect(rest.body["@odata.nextLink"]).toBeUndefined();

    const ordered = await call(emu, `${DELETED}?$orderby=deletedDateTime desc`, { token: admin });
    expect(ordered.body.value[0].tenantId).toBe(FOURTH_COFFEE);
    const filtered = await call(emu, `${DELETED}?$filter=startswith(displayName,'Coho')`, { token: admin });
    expect(filtered.body.value.map((p: { tenantId: string }) => p.tenantId)).toEqual([COHO]);
    const byId = await call(emu, `${DELETED}?$filter=tenantId eq '${COHO}'`, { token: admin });
    expect(byId.body.value).toHaveLength(1);
    expectGraphError(await call(emu, `${DELETED}?$filter=foo(bar)`, { token: admin }), 400, "Request_BadRequest");
    expectGraphError(await call(emu, `${DELETED}?$orderby=nope`, { token: admin }), 400, "Request_BadRequest");
  });

  it("restores from deleted items: 200 with the flat entity, deletedDateTime kept; second time 404", async () => {
    const deleted = await call(emu, `${DELETED}/${COHO}`, { token: admin });
    const res = await call(emu, `${DELETED}/${COHO}/restore`, { method: "POST", token: admin });
    expect(res.status).toBe(200);
    expect(res.body.value).toBeUndefined();
    expect(res.body).toMatchObject({
      "@odata.type": "#microsoft.graph.crossTenantIdentitySyncPolicyPartner",
      tenantId: COHO,
      displayName: "Coho Winery",
      deletedDateTime: deleted.body.deletedDateTime,
    });
    const live = await call(emu, sync(COHO), { token: admin });
    expect(live.body.deletedDateTime).toBe(deleted.body.deletedDateTime);
    expectGraphError(await call(emu, `${DELETED}/${COHO}/restore`, { method: "POST", token: admin }), 404, "Request_ResourceNotFound");
  });

  it("restores through the partner route too (seed 000), including microsoft.graph.restore", async () => {
    const res = await call(emu, `${sync(FOURTH_COFFEE)}/restore`, { method: "POST", token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tenantId: FOURTH_COFFEE, displayName: null, userSyncInbound: null });
    expect((await call(emu, sync(FOURTH_COFFEE), { token: admin })).status).toBe(200);
    const relecloud = "5e6f7a8b-9c0d-4e1f-b2a3-c4d5e6f7a8b9";
    expect((await call(emu, `${sync(relecloud)}/microsoft.graph.restore`, { method: "POST", token: admin })).status).toBe(200);
  });

  it("409 when a live policy exists; 404 naming the partner when it is gone", async () => {
    expect((await call(emu, sync(COHO), { method: "PUT", token: admin, body: { userSyncInbound: { isSyncAllowed: false } } })).status).toBe(204);
    expectGraphError(await call(emu, `${DELETED}/${COHO}/restore`, { method: "POST", token: admin }), 409, "Request_MultipleObjectsWithSameKeyValue");

    const trey = "13579bdf-2468-4ace-9bdf-13579bdf2468";
    expect((await call(emu, `${PARTNERS}/${trey}`, { method: "DELETE", token: admin })).status).toBe(204);
    const res = await call(emu, `${DELETED}/${trey}/restore`, { method: "POST", token: admin });
    expectGraphError(res, 404, "Request_ResourceNotFound");
    expect(res.body.error.message).toContain(trey);
  });

  it("permanently deletes (204, then 404)", async () => {
    expect((await call(emu, `${DELETED}/${COHO}`, { method: "DELETE", token: admin })).status).toBe(204);
    expectGraphError(await call(emu, `${DELETED}/${COHO}`, { token: admin }), 404, "Request_ResourceNotFound");
    expectGraphError(await call(emu, `${DELETED}/${COHO}`, { method: "DELETE", token: admin }), 404, "Request_ResourceNotFound");
  });

  it("purges items 30 days after deletion as the clock moves", async () => {
    const clock = await call(emu, "/_emulator/clock", { method: "POST", body: { advanceDays: 1.5 } });
    expect(clock.body.purged).toBe(1);
    const after = await call(emu, DELETED, { token: await appToken(emu) });
    expect(after.body.value.map((p: { tenantId: string }) => p.tenantId)).not.toContain(COHO);
    expect(after.body.value).toHaveLength(5);
    await call(emu, "/_emulator/clock", { method: "POST", body: { advanceDays: 30 } });
    const none = await call(emu, DELETED, { token: await appToken(emu) });
    expect(none.body.value).toHaveLength(0);
  });
});

describe("v1.0", () => {
  it("serves partners and identitySynchronization", async () => {
    const list = await call(emu, "/v1.0/policies/crossTenantAccessPolicy/partners?$expand=identitySynchronization", { token: admin });
    expect(list.status).toBe(200);
    expect(list.body["@odata.context"]).toContain("/v1.0/$metadata#");
    expect((await call(emu, sync(FABRIKAM_TENANT_ID, "v1.0"), { token: admin })).status).toBe(200);
  });

  it("has no deletedItems or restore", async () => {
    const deleted = await call(emu, "/v1.0/policies/deletedItems/crossTenantSyncPolicyPartners", { token: admin });
    expectGraphError(deleted, 400, "BadRequest");
    expect(deleted.body.error.message).toContain("deletedItems");
    const restore = await call(emu, `${sync(COHO, "v1.0")}/restore`, { method: "POST", token: admin });
    expectGraphError(restore, 400, "BadRequest");
    expect(restore.body.error.message).toContain("restore");
  });
});
