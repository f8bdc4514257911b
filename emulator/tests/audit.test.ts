import { beforeEach, describe, expect, it } from "vitest";
import { AUDIT_LOG_READ_ALL, AUTOMATION_CLIENT_ID, POLICY_READ_ALL, POLICY_READWRITE_CTA, ROLE } from "../entra/directory";
import { FABRIKAM_TENANT_ID } from "../seed";
import { account, appToken, call, DELETED, PARTNERS, setupEmulator, sync, type CallResult, type Emulator } from "./helpers";

let emu: Emulator;
setupEmulator((started) => (emu = started));

const AUDITS = "/beta/auditLogs/directoryAudits";
const TAILSPIN = "6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d";
const COHO = "0f1e2d3c-4b5a-4697-8877-a6b5c4d3e2f1";
const NEW_TENANT = "a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f607"; // Wingtip Toys, not a partner yet
const AUDIT_SCOPES = [POLICY_READ_ALL, POLICY_READWRITE_CTA, AUDIT_LOG_READ_ALL];

type Entry = {
  id: string;
  category: string;
  activityDisplayName: string;
  activityDateTime: string;
  loggedByService: string;
  operationType: string;
  result: string;
  correlationId: string;
  initiatedBy: { user: { id: string; userPrincipalName: string; displayName: string } | null; app: { appId: string; displayName: string } | null };
  targetResources: { id: string; displayName: string | null; modifiedProperties: { displayName: string; oldValue: string | null; newValue: string | null }[] }[];
};

const adminAudit = () => emu.tokens.userAccessToken(account("admin@contoso.example"), AUDIT_SCOPES);
const readerAudit = () => emu.tokens.userAccessToken(account("reader@contoso.example"), AUDIT_SCOPES);
const withRole = (wids: string[], scp = AUDIT_LOG_READ_ALL, appid = "3f4e5d6c-7b8a-4c9d-8e1f-2a3b4c5d6e7f") =>
  emu.tokens.mint({ aud: "https://graph.microsoft.com", scp, oid: "e0e0e0e0-0000-4000-8000-000000000001", wids, appid });

/** Follows nextLink to the end; each request is one of the 5 per 10 s, so the test moves the clock between them. */
async function readAll(first: string, token: string): Promise<{ entries: Entry[]; pages: number }> {
  const entries: Entry[] = [];
  let next: string | undefined = first;
  let pages = 0;
  while (next) {
    await call(emu, "/_emulator/throttle", { method: "DELETE" });
    const res: CallResult = await call(emu, next, { token });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    entries.push(...res.body.value);
    next = res.body["@odata.nextLink"];
    pages++;
  }
  return { entries, pages };
}

const filterUrl = (filter: string, extra = "") => `${AUDITS}?$filter=${encodeURIComponent(filter)}${extra}`;

describe("directory audit log", () => {
  let admin: string;
  beforeEach(async () => {
    admin = await adminAudit();
  });

  it("every write appends an entry as Entra writes it, naming the user and the partner", async () => {
    const before = (await readAll(AUDITS, admin)).entries.length;
    const body = { userSyncInbound: { isSyncAllowed: false } };
    const correlation = "0c0c0c0c-1111-4222-8333-444455556666";
    expect((await call(emu, sync(FABRIKAM_TENANT_ID), { method: "PATCH", token: admin, body, headers: { "client-request-id": correlation } })).status).toBe(204);

    const res = await call(emu, filterUrl(`targetResources/any(t: t/id eq '${FABRIKAM_TENANT_ID}')`, "&$orderby=activityDateTime desc&$top=1"), { token: admin });
    expect(res.status).toBe(200);
    expect(res.body["@odata.context"]).toContain("/beta/$metadata#auditLogs/directoryAudits");
    const entry: Entry = res.body.value[0];
    expect(entry).toMatchObject({
      category: "CrossTenantIdentitySyncSettings",
      activityDisplayName: "Update a partner cross-tenant identity sync setting",
      loggedByService: "Core Directory",
      operationType: "Update",
      result: "success",
      correlationId: correlation,
      initiatedBy: { user: { id: account("admin@contoso.example").oid, userPrincipalName: "admin@contoso.example", displayName: "Adele Admin" }, app: null },
      targetResources: [{ id: FABRIKAM_TENANT_ID, displayName: "Fabrikam" }],
    });
    expect(entry.targetResources[0]?.modifiedProperties).toEqual([
      { displayName: "userSyncInbound", oldValue: JSON.stringify({ isSyncAllowed: true }), newValue: JSON.stringify({ isSyncAllowed: false }) },
    ]);
    expect(Math.abs(Date.parse(entry.activityDateTime) - emu.clock.now())).toBeLessThan(5_000);
    expect((await readAll(AUDITS, admin)).entries.length).toBe(before + 1);
  });

  it("logs each kind of write with its activity, operation type and category; the automation client as app", async () => {
    const app = await appToken(emu);
    const steps: [string, string, unknown, string, string, string][] = [
      ["POST", PARTNERS, { tenantId: NEW_TENANT }, "Add a partner to cross-tenant access setting", "Add", "CrossTenantAccessSettings"],
      ["PATCH", `${PARTNERS}/${NEW_TENANT}`, { automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: false } }, "Update a partner cross-tenant access setting", "Update", "CrossTenantAccessSettings"],
      ["PUT", sync(NEW_TENANT), { displayName: "Wingtip Toys", userSyncInbound: { isSyncAllowed: true } }, "Create a partner cross-tenant identity sync setting", "Add", "CrossTenantIdentitySyncSettings"],
      ["DELETE", sync(NEW_TENANT), undefined, "Delete a partner cross-tenant identity sync setting", "Delete", "CrossTenantIdentitySyncSettings"],
      ["POST", `${DELETED}/${NEW_TENANT}/restore`, undefined, "Restore a partner cross-tenant identity sync setting", "Restore", "CrossTenantIdentitySyncSettings"],
      ["DELETE", sync(NEW_TENANT), undefined, "Delete a partner cross-tenant identity sync setting", "Delete", "CrossTenantIdentitySyncSettings"],
      ["DELETE", `${DELETED}/${NEW_TENANT}`, undefined, "Hard delete a partner cross-tenant identity sync setting", "Delete", "CrossTenantIdentitySyncSettings"],
      ["DELETE", `${PARTNERS}/${NEW_TENANT}`, undefined, "Delete partner specific cross-tenant access setting", "Delete", "CrossTenantAccessSettings"],
      ["POST", `/beta/policies/deletedItems/crossTenantPartners/${NEW_TENANT}/restore`, undefined, "Restore partner specific cross-tenant access setting", "Restore", "CrossTenantAccessSettings"],
      ["DELETE", `${PARTNERS}/${NEW_TENANT}`, undefined, "Delete partner specific cross-tenant access setting", "Delete", "CrossTenantAccessSettings"],
      ["DELETE", `/beta/policies/deletedItems/crossTenantPartners/${NEW_TENANT}`, undefined, "Hard delete partner specific cross-tenant access setting", "Delete", "CrossTenantAccessSettings"],
    ];
    for (const [method, path, body] of steps) {
      const res = await call(emu, path, { method, token: app, body });
      expect(res.status, `${method} ${path}`).toBeLessThan(300);
    }
    // A refused write leaves no entry.
    expect((await call(emu, sync(FABRIKAM_TENANT_ID), { method: "PUT", token: app, body: { displayName: "x" } })).status).toBe(409);

    const { entries } = await readAll(filterUrl(`targetResources/any(x: x/id eq '${NEW_TENANT}')`, "&$orderby=activityDateTime asc&$top=4"), app);
    expect(entries.map((e) => [e.activityDisplayName, e.operationType, e.category])).toEqual(steps.map((s) => [s[3], s[4], s[5]]));
    for (const e of entries) {
      expect(e.initiatedBy).toEqual({ user: null, app: { appId: AUTOMATION_CLIENT_ID, displayName: "Cross-Tenant Sync Automation", servicePrincipalId: expect.any(String), servicePrincipalName: "Cross-Tenant Sync Automation" } });
      expect(e.targetResources[0]).toMatchObject({ id: NEW_TENANT, displayName: "Wingtip Toys", type: "Policy" });
    }
    const created = entries[2]?.targetResources[0]?.modifiedProperties ?? [];
    expect(created).toContainEqual({ displayName: "tenantId", oldValue: null, newValue: JSON.stringify(NEW_TENANT) });
    expect(created).toContainEqual({ displayName: "userSyncInbound", oldValue: null, newValue: JSON.stringify({ isSyncAllowed: true }) });
    expect(entries[3]?.targetResources[0]?.modifiedProperties).toContainEqual({ displayName: "displayName", oldValue: JSON.stringify("Wingtip Toys"), newValue: null });

    const defaults = "/beta/policies/crossTenantAccessPolicy/default";
    const inboundTrust = { isMfaAccepted: true, isCompliantDeviceAccepted: false, isHybridAzureADJoinedDeviceAccepted: false };
    expect((await call(emu, defaults, { method: "PATCH", token: admin, body: { inboundTrust } })).status).toBe(204);
    expect((await call(emu, `${defaults}/resetToSystemDefault`, { method: "POST", token: admin })).status).toBe(204);
    const latest = (await call(emu, `${AUDITS}?$top=2`, { token: admin })).body.value as Entry[];
    expect(latest.map((e) => e.activityDisplayName)).toEqual(["Reset the cross-tenant access default setting", "Update the company default cross-tenant access setting"]);
    expect(latest[1]?.targetResources[0]).toMatchObject({ id: emu.tenantId, modifiedProperties: [{ displayName: "inboundTrust", newValue: JSON.stringify(inboundTrust) }] });
  });

  it("seeds weeks of history: who created each live policy, who deleted each deleted one, one flip to blocked", async () => {
    const { entries } = await readAll(`${AUDITS}?$top=999`, admin);
    const oldest = Math.min(...entries.map((e) => Date.parse(e.activityDateTime)));
    expect(emu.clock.now() - oldest).toBeGreaterThan(20 * 86_400_000);
    expect(emu.clock.now() - oldest).toBeLessThanOrEqual(30 * 86_400_000);

    const deleted = (await call(emu, DELETED, { token: admin })).body.value as { tenantId: string; deletedDateTime: string }[];
    for (const policy of deleted) {
      const deletion = entries.find((e) => e.activityDisplayName === "Delete a partner cross-tenant identity sync setting" && e.targetResources[0]?.id === policy.tenantId);
      expect(deletion, policy.tenantId).toBeDefined();
      expect(deletion?.activityDateTime).toBe(policy.deletedDateTime);
      expect(deletion?.initiatedBy.user ?? deletion?.initiatedBy.app).toBeTruthy();
    }
    const fabrikamCreate = entries.find((e) => e.activityDisplayName === "Create a partner cross-tenant identity sync setting" && e.targetResources[0]?.id === FABRIKAM_TENANT_ID);
    expect(fabrikamCreate?.initiatedBy.user?.displayName).toBe("Adele Admin");
    const flip = entries.filter((e) => e.targetResources[0]?.id === TAILSPIN && e.activityDisplayName === "Update a partner cross-tenant identity sync setting");
    expect(flip).toHaveLength(1);
    expect(flip[0]?.targetResources[0]?.modifiedProperties).toEqual([
      { displayName: "userSyncInbound", oldValue: '{"isSyncAllowed":true}', newValue: '{"isSyncAllowed":false}' },
    ]);
    const restore = entries.find((e) => e.targetResources[0]?.id === TAILSPIN && e.operationType === "Restore");
    expect(restore?.initiatedBy.user?.userPrincipalName).toBe("admin@contoso.example");
    expect(Date.parse(restore?.activityDateTime ?? "")).toBeLessThan(Date.parse(flip[0]?.activityDateTime ?? ""));
    // Newest first by default; ids are unique.
    const times = entries.map((e) => e.activityDateTime);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    const one = await call(emu, `${AUDITS}/${encodeURIComponent(flip[0]?.id ?? "")}`, { token: admin });
    expect(one.body).toMatchObject({ id: flip[0]?.id, activityDisplayName: flip[0]?.activityDisplayName });
    expect((await call(emu, `${AUDITS}/Directory_nope`, { token: admin })).status).toBe(404);
  });

  it("answers every documented $filter form, alone and joined by and, on beta and v1.0", async () => {
    const { entries: all } = await readAll(`${AUDITS}?$top=999`, admin);
    const cases: [string, (e: Entry) => boolean][] = [
      ["activityDisplayName eq 'Delete a partner cross-tenant identity sync setting'", (e) => e.activityDisplayName === "Delete a partner cross-tenant identity sync setting"],
      ["startswith(activityDisplayName, 'Update')", (e) => e.activityDisplayName.startsWith("Update")],
      ["loggedByService eq 'Core Directory'", (e) => e.loggedByService === "Core Directory"],
      ["loggedByService eq 'Account Provisioning'", (e) => e.loggedByService === "Account Provisioning"],
      ["initiatedBy/user/userPrincipalName eq 'ADMIN@contoso.example'", (e) => e.initiatedBy.user?.userPrincipalName === "admin@contoso.example"],
      ["startswith(initiatedBy/user/userPrincipalName, 'ADM')", (e) => e.initiatedBy.user?.userPrincipalName?.startsWith("adm") === true],
      [`initiatedBy/user/id eq '${account("admin@contoso.example").oid}'`, (e) => e.initiatedBy.user?.id === account("admin@contoso.example").oid],
      [`targetResources/any(t:t/id eq '${COHO}')`, (e) => e.targetResources.some((t) => t.id === COHO)],
    ];
    const week = new Date(emu.clock.now() - 7 * 86_400_000).toISOString();
    const fortnight = new Date(emu.clock.now() - 14 * 86_400_000).toISOString();
    cases.push([`activityDateTime ge ${week}`, (e) => e.activityDateTime >= week]);
    cases.push([`activityDateTime ge ${fortnight} and activityDateTime le ${week} and startswith(activityDisplayName,'Delete')`, (e) => e.activityDateTime >= fortnight && e.activityDateTime <= week && e.activityDisplayName.startsWith("Delete")]);
    for (const [filter, expected] of cases) {
      const want = all.filter(expected).map((e) => e.id);
      expect(want.length, filter).toBeGreaterThan(0);
      const got = await readAll(filterUrl(filter, "&$top=999").replace("/beta/", "/v1.0/"), admin);
      expect(got.entries.map((e) => e.id), filter).toEqual(want);
    }
  });

  it("pages with $top and nextLink; entries logged meanwhile do not shift later pages", async () => {
    const { entries: all } = await readAll(`${AUDITS}?$top=999`, admin);
    const first = await call(emu, `${AUDITS}?$top=3&$orderby=activityDateTime desc`, { token: admin });
    expect(first.body.value).toHaveLength(3);
    const next: string = first.body["@odata.nextLink"];
    expect(next).toContain("$skiptoken=");
    expect(decodeURIComponent(next)).toContain("$orderby=activityDateTime desc");
    // A new change arrives between pages.
    expect((await call(emu, sync(FABRIKAM_TENANT_ID), { method: "PATCH", token: admin, body: { displayName: "Fabrikam sync" } })).status).toBe(204);
    const rest = await readAll(next, admin);
    expect([...first.body.value, ...rest.entries].map((e: Entry) => e.id)).toEqual(all.map((e) => e.id));
    expect(rest.pages).toBe(Math.ceil((all.length - 3) / 3));
    expect((await call(emu, `${AUDITS}?$skiptoken=garbage`, { token: admin })).status).toBe(400);
  });

  it("answers 400 for unsupported filters and options, as Graph does", async () => {
    for (const filter of [
      "category eq 'CrossTenantIdentitySyncSettings'",
      "activityDisplayName eq 'a' or activityDisplayName eq 'b'",
      "activityDateTime gt 2020-01-01T00:00:00Z",
      "activityDateTime ge yesterday",
      "initiatedBy/app/appId eq 'x'",
      "targetResources/any(t: t/displayName eq 'Fabrikam')",
      "startswith(activityDisplayName,'unterminated)",
      "",
    ]) {
      const res = await call(emu, filterUrl(filter), { token: admin });
      expect(res.status, filter).toBe(400);
      expect(res.body.error.code).toBe("Request_BadRequest");
    }
    for (const option of ["$orderby=activityDisplayName", "$select=id", "$count=true", "$top=0", "$expand=targetResources"]) {
      expect((await call(emu, `${AUDITS}?${option}`, { token: admin })).status, option).toBe(400);
    }
  });

  it("needs AuditLog.Read.All and an audit-reading role; others get 403", async () => {
    expect((await call(emu, AUDITS)).status).toBe(401);
    expect((await call(emu, AUDITS, { token: await readerAudit() })).status).toBe(200);
    expect((await call(emu, AUDITS, { token: await appToken(emu) })).status).toBe(200);
    for (const role of [ROLE.securityReader, ROLE.reportsReader, ROLE.globalAdministrator]) {
      await call(emu, "/_emulator/throttle", { method: "DELETE" });
      expect((await call(emu, AUDITS, { token: await withRole([role]) })).status, role).toBe(200);
    }
    const policyOnly = await emu.tokens.userAccessToken(account("admin@contoso.example"), [POLICY_READ_ALL, POLICY_READWRITE_CTA]);
    const noScope = await call(emu, AUDITS, { token: policyOnly });
    expect(noScope.status).toBe(403);
    expect(noScope.body.error.code).toBe("Authorization_RequestDenied");
    const helpdesk = await emu.tokens.userAccessToken(account("helpdesk@contoso.example"), AUDIT_SCOPES);
    expect((await call(emu, AUDITS, { token: helpdesk })).status).toBe(403);
    expect((await call(emu, AUDITS, { token: await withRole([ROLE.teamsAdministrator]) })).status).toBe(403);
  });

  it("keeps entries 30 days on the emulator clock", async () => {
    const { entries } = await readAll(`${AUDITS}?$top=999`, admin);
    const cutoff = emu.clock.now() + 5 * 86_400_000 - 30 * 86_400_000;
    await call(emu, "/_emulator/clock", { method: "POST", body: { advanceDays: 5 } });
    const token = await adminAudit();
    const after = await readAll(`${AUDITS}?$top=999`, token);
    const survivors = entries.filter((e) => Date.parse(e.activityDateTime) > cutoff).map((e) => e.id);
    expect(after.entries.map((e) => e.id)).toEqual(survivors);
    expect(survivors.length).toBeLessThan(entries.length);
  });
});

describe("reports throttling", () => {
  it("more than 5 requests per 10 s from one client answer 429 with Retry-After; other clients and endpoints are unaffected", async () => {
    const admin = await adminAudit();
    for (let i = 0; i < 5; i++) expect((await call(emu, `${AUDITS}?$top=1`, { token: admin })).status).toBe(200);
    const throttled = await call(emu, `${AUDITS}?$top=1`, { token: admin });
    expect(throttled.status).toBe(429);
    expect(throttled.body.error.code).toBe("TooManyRequests");
    const wait = Number(throttled.headers.get("retry-after"));
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(10);
    // The same app for another user is the same client; another app is not.
    expect((await call(emu, AUDITS, { token: await readerAudit() })).status).toBe(429);
    expect((await call(emu, AUDITS, { token: await appToken(emu) })).status).toBe(200);
    // Other endpoints never count.
    for (let i = 0; i < 20; i++) expect((await call(emu, PARTNERS, { token: admin })).status).toBe(200);
    // In a batch each audit item counts on its own.
    const batch = await call(emu, "/beta/$batch", {
      method: "POST",
      token: admin,
      body: { requests: [{ id: "1", method: "GET", url: "/auditLogs/directoryAudits?$top=1" }, { id: "2", method: "GET", url: "/policies/crossTenantAccessPolicy/partners?$top=1" }] },
    });
    const items = new Map<string, { status: number; headers: Record<string, string> }>(batch.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(items.get("1")?.status).toBe(429);
    expect(items.get("1")?.headers["Retry-After"]).toBeTruthy();
    expect(items.get("2")?.status).toBe(200);
    // Waiting Retry-After is enough.
    await call(emu, "/_emulator/clock", { method: "POST", body: { advanceMs: wait * 1000 } });
    expect((await call(emu, `${AUDITS}?$top=1`, { token: admin })).status).toBe(200);
  });
});
