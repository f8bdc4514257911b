import { describe, expect, it } from "vitest";
import { DAY_MS } from "../clock";
import { CROSS_TENANT_SYNC_TEMPLATE_ID, documentedSyncError, SYNC_INTERVAL_MS, USER_INBOUND_USER_RULE_ID } from "../outbound";
import { CLASHING_USER, NORTHWIND_TENANT_ID, SEED_CONFIGURATIONS, userId } from "../outbound-seed";
import { FABRIKAM_TENANT_ID } from "../seed";
import { account, appToken, call, PARTNERS, setupEmulator, start, type Emulator } from "./helpers";

let emu: Emulator;
setupEmulator((started) => (emu = started));

const SYNC_SCOPES = ["Synchronization.Read.All", "Synchronization.ReadWrite.All", "Application.Read.All", "User.ReadBasic.All", "Policy.Read.All", "Policy.ReadWrite.CrossTenantAccess"];
const LOG_SCOPES = ["AuditLog.Read.All", "Directory.Read.All"];
const token = (username: string, scopes = SYNC_SCOPES) => emu.tokens.userAccessToken(account(username), scopes);
const admin = () => token("admin@contoso.example");

const config = (state: string) => {
  const found = SEED_CONFIGURATIONS.find((c) => c.state === state);
  if (!found) throw new Error(state);
  return found;
};
const FABRIKAM = config("healthy");
const NORTHWIND = config("quarantined-redemption");
const LITWARE = config("entry-errors");
const FOURTH = config("paused");
const ALPINE = config("too-many-deletes");
const ADATUM = config("not-run");

describe("documented sync error codes", () => {
  it("answers a documented code's reason, fix and category, and nothing for any other code", () => {
    expect(documentedSyncError("AzureActiveDirectoryQuotaLimitExceeded")).toEqual({
      reason: "The target directory has reached its object quota.",
      fix: "Raise the target's directory quota.",
      category: "NonServiceFailure",
    });
    for (const code of ["SomethingNew", "constructor", "__proto__", "", null, undefined]) expect(documentedSyncError(code)).toBeUndefined();
  });
});

const sp = (id: string, version = "beta") => `/${version}/servicePrincipals/${id}`;
async function jobOf(id: string, t?: string) {
  const res = await call(emu, `${sp(id)}/synchronization/jobs`, { token: t ?? (await admin()) });
  expect(res.status).toBe(200);
  return res.body.value[0];
}
const jobPath = async (id: string) => `${sp(id)}/synchronization/jobs/${(await jobOf(id)).id}`;
const advance = (ms: number) => call(emu, "/_emulator/clock", { method: "POST", body: { advanceMs: ms } });
async function logs(filter: string, t?: string) {
  const res = await call(emu, `/beta/auditLogs/provisioning?$top=999&$filter=${encodeURIComponent(filter)}`, { token: t ?? (await appToken(emu)) });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.value as { provisioningAction: string; provisioningStatusInfo: { status: string; errorInformation: { errorCode: string } | null }; sourceIdentity: { id: string; displayName: string } }[];
}

describe("service principals from the cross-tenant sync template", () => {
  it("lists the configurations with $filter on applicationTemplateId, $select and paging, on beta and v1.0", async () => {
    const t = await admin();
    const filter = encodeURIComponent(`applicationTemplateId eq '${CROSS_TENANT_SYNC_TEMPLATE_ID}'`);
    const all = await call(emu, `/v1.0/servicePrincipals?$filter=${filter}&$select=id,displayName,applicationTemplateId`, { token: t });
    expect(all.status).toBe(200);
    expect(all.body.value.map((s: { id: string }) => s.id)).toEqual(SEED_CONFIGURATIONS.map((c) => c.servicePrincipalId));
    expect(Object.keys(all.body.value[0]).sort()).toEqual(["applicationTemplateId", "displayName", "id"]);

    const first = await call(emu, `/beta/servicePrincipals?$filter=${filter}&$top=4`, { token: t });
    expect(first.body.value).toHaveLength(4);
    const second = await call(emu, first.body["@odata.nextLink"], { token: t });
    expect(second.body.value.map((s: { id: string }) => s.id)).toEqual(SEED_CONFIGURATIONS.slice(4).map((c) => c.servicePrincipalId));
    expect(second.body["@odata.nextLink"]).toBeUndefined();

    const everything = await call(emu, "/beta/servicePrincipals", { token: t });
    expect(everything.body.value.length).toBe(SEED_CONFIGURATIONS.length + 2);
    const one = await call(emu, sp(FABRIKAM.servicePrincipalId), { token: t });
    expect(one.body).toMatchObject({ id: FABRIKAM.servicePrincipalId, displayName: FABRIKAM.displayName, applicationTemplateId: CROSS_TENANT_SYNC_TEMPLATE_ID });
    expect((await call(emu, sp("00000000-0000-4000-8000-000000000000"), { token: t })).status).toBe(404);
    expect((await call(emu, "/beta/servicePrincipals/not-a-guid", { token: t })).status).toBe(400);
  });

  it("lists who is in scope (appRoleAssignedTo)", async () => {
    const res = await call(emu, `${sp(LITWARE.servicePrincipalId)}/appRoleAssignedTo?$top=999`, { token: await admin() });
    expect(res.status).toBe(200);
    expect(res.body.value).toHaveLength(40);
    expect(res.body.value).toContainEqual(expect.objectContaining({ principalDisplayName: CLASHING_USER.displayName, principalType: "User", resourceId: LITWARE.servicePrincipalId }));
  });

  it("reads the secrets with CompanyId in clear and the rest masked; PUT replaces the whole set", async () => {
    const t = await admin();
    const path = `${sp(ADATUM.servicePrincipalId)}/synchronization/secrets`;
    const before = await call(emu, path, { token: t });
    expect(before.body.value).toContainEqual({ key: "CompanyId", value: ADATUM.target });
    const put = await call(emu, path, { method: "PUT", token: t, body: { value: [{ key: "CompanyId", value: FABRIKAM_TENANT_ID }, { key: "SecretToken", value: "s3cret" }] } });
    expect(put.status).toBe(204);
    const after = await call(emu, path, { token: t });
    expect(after.body.value).toEqual([{ key: "CompanyId", value: FABRIKAM_TENANT_ID }, { key: "SecretToken", value: "*" }]);
    expect((await call(emu, path, { method: "PUT", token: t, body: { value: [{ key: "CompanyId" }] } })).status).toBe(400);
    expect((await call(emu, path, { method: "PATCH", token: t, body: { value: [] } })).status).toBe(405);
  });
});

describe("jobs: roles and permissions", () => {
  it("lets a Cloud Application Administrator read and act, a Global Reader only read, and refuses a Security Administrator alone with the role it needs", async () => {
    const job = await jobOf(FABRIKAM.servicePrincipalId);
    expect(job).toMatchObject({ templateId: "Azure2Azure", schedule: { interval: "PT40M", state: "Active" }, status: { code: "Active", quarantine: null } });
    const path = await jobPath(FABRIKAM.servicePrincipalId);

    const reader = await token("reader@contoso.example");
    expect((await call(emu, path, { token: reader })).status).toBe(200);
    expect((await call(emu, `${path}/pause`, { method: "POST", token: reader })).status).toBe(403);

    for (const username of ["secadmin@contoso.example", "helpdesk@contoso.example"]) {
      const refused = await call(emu, path, { token: await token(username) });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("Authorization_RequestDenied");
      expect(refused.body.error.message).toContain("Application Administrator or Cloud Application Administrator");
    }
    // The role is not enough without the scope.
    expect((await call(emu, path, { token: await token("admin@contoso.example", ["Policy.Read.All"]) })).status).toBe(403);
    expect((await call(emu, `${path}/pause`, { method: "POST", token: await token("admin@contoso.example", ["Synchronization.Read.All"]) })).status).toBe(403);
    expect((await call(emu, path, { token: await appToken(emu) })).status).toBe(200);
  });

  it("seeds one configuration per state", async () => {
    const codes: Record<string, unknown> = {};
    for (const c of SEED_CONFIGURATIONS) codes[c.state] = (await jobOf(c.servicePrincipalId)).status;
    expect(codes.healthy).toMatchObject({ code: "Active", lastExecution: { state: "Succeeded" }, synchronizedEntryCountByType: [{ key: "user to user", value: 300 }] });
    expect(codes["quarantined-redemption"]).toMatchObject({ code: "Quarantine", quarantine: { reason: "EncounteredQuarantineException", error: { code: "AzureDirectoryB2BManagementPolicyCheckFailure" } } });
    expect(codes["entry-errors"]).toMatchObject({ code: "Active", lastExecution: { state: "EntryLevelErrors", countEscrowed: 5 } });
    expect(codes.paused).toMatchObject({ code: "Paused" });
    expect(codes["too-many-deletes"]).toMatchObject({ code: "Quarantine", quarantine: { reason: "TooManyDeletes", error: { code: "TooManyDeletes" } } });
    expect(codes["not-run"]).toMatchObject({ code: "Paused", lastSuccessfulExecution: null, lastExecution: { timeBegan: "0001-01-01T00:00:00Z", error: { code: "None" } } });
    const errors = (await logs(`servicePrincipal/id eq '${LITWARE.servicePrincipalId}' and provisioningStatusInfo/status eq 'failure'`)).map((e) => e.provisioningStatusInfo.errorInformation?.errorCode);
    expect(new Set(errors).size).toBeGreaterThanOrEqual(3);
    expect(errors).toContain("InvitationCreationFailureAmbiguousUser");
  });
});

describe("cycles", () => {
  it("runs every 40 minutes of the emulator clock; a paused job does not", async () => {
    const before = (await jobOf(FABRIKAM.servicePrincipalId)).status.lastExecution.timeBegan;
    const paused = (await jobOf(FOURTH.servicePrincipalId)).status.lastExecution.timeBegan;
    await advance(SYNC_INTERVAL_MS);
    const after = await jobOf(FABRIKAM.servicePrincipalId);
    expect(after.status.lastExecution.timeBegan > before).toBe(true);
    expect(after.status.steadyStateLastAchievedTime).toBe(after.status.lastExecution.timeBegan);
    expect((await jobOf(FOURTH.servicePrincipalId)).status.lastExecution.timeBegan).toBe(paused);
  });

  it("quarantines a job when the target stops allowing sync in, audits it, and releases it after a good cycle", async () => {
    const set = await call(emu, `/_emulator/sync/partners/${FABRIKAM_TENANT_ID}`, { method: "PUT", body: { isSyncAllowed: false } });
    expect(set.body).toEqual({ tenantId: FABRIKAM_TENANT_ID, isSyncAllowed: false, inboundAllowed: true });
    await advance(SYNC_INTERVAL_MS);
    let job = await jobOf(FABRIKAM.servicePrincipalId);
    expect(job.status).toMatchObject({ code: "Quarantine", countSuccessiveCompleteFailures: 1, quarantine: { reason: "EncounteredQuarantineException", seriesCount: 1, error: { code: "AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure" } } });
    expect(Date.parse(job.status.quarantine.nextAttempt) - Date.parse(job.status.quarantine.currentBegan)).toBe(6 * 3600_000);
    const validate = await call(emu, `${await jobPath(FABRIKAM.servicePrincipalId)}/validateCredentials`, { method: "POST", token: await admin(), body: { useSavedCredentials: true } });
    expect(validate.status).toBe(400);
    expect(validate.body.error.code).toBe("AzureActiveDirectoryCrossTenantSyncPolicyCheckFailure");

    await call(emu, `/_emulator/sync/partners/${FABRIKAM_TENANT_ID}`, { method: "PUT", body: { isSyncAllowed: true } });
    await advance(6 * 3600_000);
    job = await jobOf(FABRIKAM.servicePrincipalId);
    expect(job.status).toMatchObject({ code: "Active", quarantine: null, countSuccessiveCompleteFailures: 0 });
    const audit = await call(emu, `/beta/auditLogs/directoryAudits?$filter=${encodeURIComponent("loggedByService eq 'Account Provisioning'")}`, { token: await appToken(emu) });
    const names = audit.body.value.filter((e: { targetResources: { id: string }[] }) => e.targetResources[0]?.id === FABRIKAM.servicePrincipalId).map((e: { activityDisplayName: string }) => e.activityDisplayName);
    expect(names).toEqual(["Release from quarantine", "Quarantine"]);
  });

  it("backs off +6 h, +12 h, +24 h, then daily, and disables the job after four weeks", async () => {
    const q = async () => (await jobOf(NORTHWIND.servicePrincipalId)).status;
    const start = await q();
    expect(start.quarantine.seriesCount).toBe(5);
    await advance(Date.parse(start.quarantine.nextAttempt) - emu.clock.now());
    const next = await q();
    expect(next.quarantine.seriesCount).toBe(6);
    expect(Date.parse(next.quarantine.nextAttempt) - Date.parse(next.quarantine.currentBegan)).toBe(DAY_MS);
    await advance(26 * DAY_MS);
    const disabled = await jobOf(NORTHWIND.servicePrincipalId);
    expect(disabled.schedule.state).toBe("Disabled");
    expect(disabled.status.code).toBe("Quarantine");
    const count = disabled.status.quarantine.seriesCount;
    await advance(3 * DAY_MS);
    expect((await q()).quarantine.seriesCount).toBe(count);
  });

  it("fixing our outbound redemption and restarting with QuarantineState makes the Northwind Traders configuration healthy", async () => {
    const t = await admin();
    const path = await jobPath(NORTHWIND.servicePrincipalId);
    expect((await call(emu, `${path}/validateCredentials`, { method: "POST", token: t, body: { useSavedCredentials: true } })).body.error.code).toBe("AzureDirectoryB2BManagementPolicyCheckFailure");
    const patch = await call(emu, `${PARTNERS}/${NORTHWIND_TENANT_ID}`, { method: "PATCH", token: t, body: { automaticUserConsentSettings: { inboundAllowed: true, outboundAllowed: true } } });
    expect(patch.status).toBe(204);
    expect((await call(emu, `${path}/validateCredentials`, { method: "POST", token: t, body: { useSavedCredentials: true } })).status).toBe(204);
    expect((await call(emu, `${path}/restart`, { method: "POST", token: t, body: { criteria: { resetScope: "Watermark, Escrows, QuarantineState" } } })).status).toBe(204);
    const job = await jobOf(NORTHWIND.servicePrincipalId);
    expect(job.status).toMatchObject({ code: "Active", quarantine: null, lastExecution: { state: "Succeeded", countExported: 25 } });
    const created = await logs(`servicePrincipal/id eq '${NORTHWIND.servicePrincipalId}' and provisioningAction eq 'create'`);
    expect(created).toHaveLength(25);
    expect(created.every((e) => e.provisioningStatusInfo.status === "success")).toBe(true);
  });

  it("holds deletions over the threshold and applies them on restart with ForceDeletes", async () => {
    const t = await admin();
    const staged = await logs(`servicePrincipal/id eq '${ALPINE.servicePrincipalId}' and provisioningAction eq 'stageddelete'`);
    expect(staged).toHaveLength(35);
    const path = await jobPath(ALPINE.servicePrincipalId);
    // Lifting the quarantine alone runs a cycle that holds them again.
    await call(emu, `${path}/restart`, { method: "POST", token: t, body: { criteria: { resetScope: "QuarantineState" } } });
    expect((await jobOf(ALPINE.servicePrincipalId)).status.quarantine.reason).toBe("TooManyDeletes");
    expect((await call(emu, `${path}/restart`, { method: "POST", token: t, body: { criteria: { resetScope: "ForceDeletes" } } })).status).toBe(204);
    const job = await jobOf(ALPINE.servicePrincipalId);
    expect(job.status).toMatchObject({ code: "Active", quarantine: null, synchronizedEntryCountByType: [{ value: 25 }] });
    expect(await logs(`servicePrincipal/id eq '${ALPINE.servicePrincipalId}' and provisioningAction eq 'delete'`)).toHaveLength(35);
    const state = (await call(emu, "/_emulator/sync")).body.configurations.find((c: { servicePrincipalId: string }) => c.servicePrincipalId === ALPINE.servicePrincipalId);
    expect(state.held).toEqual([]);
  });

  it("takes every documented resetScope flag, comma-separated, and refuses others", async () => {
    const t = await admin();
    const path = await jobPath(FABRIKAM.servicePrincipalId);
    for (const scope of ["Escrows", "Watermark", "QuarantineState", "ConnectorDataStore", "Full", "ForceDeletes", "Watermark,Escrows"]) {
      expect((await call(emu, `${path}/restart`, { method: "POST", token: t, body: { criteria: { resetScope: scope } } })).status, scope).toBe(204);
    }
    expect((await call(emu, `${path}/restart`, { method: "POST", token: t })).status).toBe(204);
    expect((await call(emu, `${path}/restart`, { method: "POST", token: t, body: { criteria: { resetScope: "Everything" } } })).status).toBe(400);
    // Watermark re-evaluates everyone: one skipped entry per user already in sync.
    const skipped = await logs(`servicePrincipal/id eq '${FABRIKAM.servicePrincipalId}' and provisioningStatusInfo/status eq 'Skipped'`);
    expect(skipped.length).toBeGreaterThanOrEqual(300);
  });

  it("pauses and starts; start runs a cycle at once and a never-run job provisions its scope", async () => {
    const t = await admin();
    const path = await jobPath(ADATUM.servicePrincipalId);
    expect((await call(emu, `${path}/start`, { method: "POST", token: t })).status).toBe(204);
    // Adatum: our outbound redemption is off, so the first cycle quarantines it.
    expect((await jobOf(ADATUM.servicePrincipalId)).status).toMatchObject({ code: "Quarantine", quarantine: { error: { code: "AzureDirectoryB2BManagementPolicyCheckFailure" } } });
    const fourth = await jobPath(FOURTH.servicePrincipalId);
    expect((await call(emu, `${fourth}/start`, { method: "POST", token: t })).status).toBe(204);
    expect((await jobOf(FOURTH.servicePrincipalId)).schedule.state).toBe("Active");
    expect((await call(emu, `${fourth}/pause`, { method: "POST", token: t })).status).toBe(204);
    expect((await jobOf(FOURTH.servicePrincipalId)).status.code).toBe("Paused");
    expect((await call(emu, `${fourth}/start`, { method: "POST", token: t, body: { unexpected: true } })).status).toBe(400);
  });
});

describe("validateCredentials, provision on demand, schema", () => {
  it("tests a connection before a job exists with the credentials given", async () => {
    const t = await admin();
    const path = `${sp(ADATUM.servicePrincipalId)}/synchronization/jobs/validateCredentials`;
    const body = (target: string) => ({ templateId: "Azure2Azure", credentials: [{ key: "CompanyId", value: target }, { key: "AuthenticationType", value: "SyncPolicy" }] });
    expect((await call(emu, path, { method: "POST", token: t, body: body(FABRIKAM_TENANT_ID) })).status).toBe(204);
    const failed = await call(emu, path, { method: "POST", token: t, body: body(NORTHWIND_TENANT_ID) });
    expect(failed.status).toBe(400);
    expect(failed.body.error.code).toBe("AzureDirectoryB2BManagementPolicyCheckFailure");
  });

  it("provisions one user on demand with each step, 5 requests per 10 s", async () => {
    const t = await admin();
    const path = await jobPath(LITWARE.servicePrincipalId);
    const schema = await call(emu, `${path}/schema`, { token: t });
    const rule = schema.body.synchronizationRules.find((r: { name: string }) => r.name === "USER_INBOUND_USER");
    expect(rule.id).toBe(USER_INBOUND_USER_RULE_ID);
    const ask = (objectId: string) => call(emu, `${path}/provisionOnDemand`, { method: "POST", token: t, body: { parameters: [{ ruleId: rule.id, subjects: [{ objectId, objectTypeName: "User" }] }] } });

    const clash = await ask(userId(330));
    expect(clash.status).toBe(200);
    const key = JSON.parse(clash.body.key);
    const value = JSON.parse(clash.body.value);
    expect(key.result).toBe("Failure");
    expect(value.statusInfo.errorCode).toBe("InvitationCreationFailureAmbiguousUser");
    expect(value.provisioningSteps.map((s: { type: string }) => s.type)).toEqual(["Import", "Scoping", "Matching", "Processing", "Export"]);

    const inSync = JSON.parse((await ask(userId(326))).body.key);
    expect(inSync.result).toBe("Skipped");
    const outOfScope = JSON.parse((await ask(userId(0))).body.value);
    expect(outOfScope.provisioningSteps.map((s: { status: string }) => s.status)).toEqual(["Success", "Skipped"]);
    await ask(userId(326));
    await ask(userId(326));
    const throttled = await ask(userId(326));
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call(emu, `${path}/provisionOnDemand`, { method: "POST", token: t, body: { parameters: [{ ruleId: "nope", subjects: [] }] } })).status).toBe(400);
  });
});

describe("users", () => {
  it("finds a user by startswith, by $search with ConsistencyLevel: eventual, with $select, $top and $count", async () => {
    const t = await admin();
    const byName = await call(emu, `/v1.0/users?$filter=${encodeURIComponent("startswith(displayName,'megan') or startswith(userPrincipalName,'megan')")}&$select=id,displayName,userPrincipalName&$top=5`, { token: t });
    expect(byName.status).toBe(200);
    expect(byName.body.value).toEqual([{ id: userId(330), displayName: CLASHING_USER.displayName, userPrincipalName: CLASHING_USER.userPrincipalName }]);
    const search = `/beta/users?$search=${encodeURIComponent('"displayName:bowen"')}&$count=true`;
    expect((await call(emu, search, { token: t })).status).toBe(400);
    const found = await call(emu, search, { token: t, headers: { ConsistencyLevel: "eventual" } });
    expect(found.status).toBe(200);
    expect(found.body["@odata.count"]).toBe(1);
    expect(found.body.value[0].displayName).toBe("Megan Bowen");
    const page = await call(emu, "/beta/users?$top=10", { token: t });
    expect(page.body.value).toHaveLength(10);
    expect(page.body["@odata.nextLink"]).toContain("$skiptoken=");
    expect((await call(emu, `/beta/users/${CLASHING_USER.userPrincipalName}`, { token: t })).body.id).toBe(userId(330));
    expect((await call(emu, "/beta/users", { token: await token("admin@contoso.example", ["Policy.Read.All"]) })).status).toBe(403);
  });
});

describe("provisioning log", () => {
  it("needs AuditLog.Read.All and Directory.Read.All, and a role", async () => {
    const path = "/beta/auditLogs/provisioning?$top=1";
    expect((await call(emu, path, { token: await admin() })).status).toBe(403);
    expect((await call(emu, path, { token: await token("admin@contoso.example", ["AuditLog.Read.All"]) })).status).toBe(403);
    expect((await call(emu, path, { token: await token("admin@contoso.example", LOG_SCOPES) })).status).toBe(200);
    expect((await call(emu, path, { token: await token("helpdesk@contoso.example", LOG_SCOPES) })).status).toBe(403);
  });

  it("filters, orders, pages by nextLink, and keeps 30 days", async () => {
    const t = await appToken(emu);
    const first = await call(emu, `/v1.0/auditLogs/provisioning?$top=50&$filter=${encodeURIComponent(`servicePrincipal/id eq '${LITWARE.servicePrincipalId}'`)}`, { token: t });
    expect(first.status).toBe(200);
    expect(first.body.value).toHaveLength(50);
    const times = first.body.value.map((e: { activityDateTime: string }) => e.activityDateTime);
    expect([...times].sort().reverse()).toEqual(times);
    await call(emu, "/_emulator/throttle", { method: "DELETE" });
    const second = await call(emu, first.body["@odata.nextLink"], { token: t });
    expect(second.body.value[0].activityDateTime <= times[times.length - 1]).toBe(true);
    expect(second.body.value.every((e: { servicePrincipal: { id: string } }) => e.servicePrincipal.id === LITWARE.servicePrincipalId)).toBe(true);

    await call(emu, "/_emulator/throttle", { method: "DELETE" });
    const since = new Date(emu.clock.now() - DAY_MS).toISOString();
    const recent = await logs(`activityDateTime gt ${since} and contains(jobId, 'Azure2Azure') and provisioningAction eq 'create'`);
    expect(recent.length).toBeGreaterThan(0);
    await call(emu, "/_emulator/throttle", { method: "DELETE" });
    const asc = await call(emu, "/beta/auditLogs/provisioning?$orderby=activityDateTime asc&$top=5", { token: t });
    const ascTimes = asc.body.value.map((e: { activityDateTime: string }) => e.activityDateTime);
    expect([...ascTimes].sort()).toEqual(ascTimes);
    // Case-sensitive except status.
    await call(emu, "/_emulator/throttle", { method: "DELETE" });
    expect(await logs("provisioningAction eq 'Create'")).toHaveLength(0);
    await call(emu, "/_emulator/throttle", { method: "DELETE" });
    expect((await call(emu, `/beta/auditLogs/provisioning?$filter=${encodeURIComponent("category eq 'x'")}`, { token: t })).status).toBe(400);

    await advance(31 * DAY_MS);
    await call(emu, "/_emulator/throttle", { method: "DELETE" });
    const old = await logs(`activityDateTime lt ${since}`);
    expect(old).toHaveLength(0);
  });

  it("shares the reports throttle: the 6th request within 10 s is 429 with Retry-After", async () => {
    const t = await appToken(emu);
    for (let i = 0; i < 5; i++) expect((await call(emu, "/beta/auditLogs/provisioning?$top=1", { token: t })).status).toBe(200);
    const refused = await call(emu, "/beta/auditLogs/provisioning?$top=1", { token: t });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("control API for sync", () => {
  it("adds and removes users in scope, sets entry errors, and runs a cycle now", async () => {
    const base = `/_emulator/sync/configurations/${FABRIKAM.servicePrincipalId}`;
    const added = await call(emu, `${base}/scope`, { method: "POST", body: { add: [userId(400), userId(401)], remove: [userId(0)], entryErrors: { [userId(401)]: "AzureActiveDirectoryQuotaLimitExceeded" } } });
    expect(added.status).toBe(200);
    expect(added.body.inScope).toContain(userId(400));
    expect(added.body.inScope).not.toContain(userId(0));
    const cycle = await call(emu, `${base}/cycle`, { method: "POST" });
    expect(cycle.status).toBe(200);
    expect(cycle.body).toMatchObject({ code: "Active", lastExecution: { state: "EntryLevelErrors", countEscrowed: 1 } });
    const entries = await logs(`servicePrincipal/id eq '${FABRIKAM.servicePrincipalId}' and activityDateTime gt ${new Date(emu.clock.now() - 60_000).toISOString()}`);
    expect(entries.map((e) => [e.provisioningAction, e.provisioningStatusInfo.status, e.sourceIdentity.id]).sort()).toEqual(
      [["create", "failure", userId(401)], ["create", "success", userId(400)], ["delete", "success", userId(0)]].sort(),
    );
    expect((await call(emu, `${base}/scope`, { method: "POST", body: { add: ["nobody"] } })).status).toBe(400);
    expect((await call(emu, `${base}/scope`, { method: "POST", body: { entryErrors: { [userId(1)]: "MadeUp" } } })).status).toBe(400);
    expect((await call(emu, `/_emulator/sync/configurations/${ADATUM.servicePrincipalId}/cycle`, { method: "POST" })).status).toBe(409);
    expect((await call(emu, `/_emulator/sync/partners/${FABRIKAM_TENANT_ID}`, { method: "PUT", body: { isSyncAllowed: "yes" } })).status).toBe(400);
  });
});

describe("sizing for benchmarks", () => {
  it("EMULATOR_SYNC_CONFIGURATIONS and EMULATOR_PROVISIONING_LOGS add configurations and older log entries", async () => {
    const { optionsFromEnv } = await import("../config");
    const options = optionsFromEnv({ EMULATOR_SYNC_CONFIGURATIONS: "30", EMULATOR_PROVISIONING_LOGS: "4000" });
    expect(options).toMatchObject({ syncConfigurations: 30, provisioningLogs: 4000 });
    expect(() => optionsFromEnv({ EMULATOR_SYNC_CONFIGURATIONS: "5000" })).toThrow(/EMULATOR_SYNC_CONFIGURATIONS/);
    const big = await start({ syncConfigurations: 30, provisioningLogs: 4000 });
    try {
      const t = await appToken(big);
      const filter = encodeURIComponent(`applicationTemplateId eq '${CROSS_TENANT_SYNC_TEMPLATE_ID}'`);
      const list = await call(big, `/beta/servicePrincipals?$filter=${filter}&$select=id`, { token: t });
      expect(list.body.value).toHaveLength(30);
      expect(big.store.outbound.state.logs.length).toBeGreaterThanOrEqual(4000);
      const codes = new Set(big.store.outbound.state.configurations.map((c) => c.job?.status.code));
      expect(codes).toEqual(new Set(["Active", "Quarantine", "Paused"]));
    } finally {
      await big.close();
    }
  });
});
