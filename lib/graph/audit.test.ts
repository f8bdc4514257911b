import { describe, expect, it } from "vitest";
import { fakeFetch, graphError, json, noSleep, TEST_ROOT, TEST_TOKEN } from "@/tests/fake-fetch";
import { buildAuditFilter, listAuditPage } from "./audit";

const FABRIKAM = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const options = (fetch: typeof globalThis.fetch) => ({ graphRoot: TEST_ROOT, fetch, sleep: noSleep });

function wireEntry(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    category: "CrossTenantIdentitySyncSettings",
    activityDisplayName: "Update a partner cross-tenant identity sync setting",
    activityDateTime: "2026-11-20T10:00:00Z",
    loggedByService: "Core Directory",
    operationType: "Update",
    result: "success",
    resultReason: "",
    correlationId: "c0ffee00-0000-4000-8000-000000000001",
    initiatedBy: { user: { id: "u1", userPrincipalName: "admin@contoso.example", displayName: "Adele Admin" }, app: null },
    targetResources: [
      {
        id: FABRIKAM,
        displayName: "Fabrikam",
        type: "Policy",
        modifiedProperties: [{ displayName: "userSyncInbound", oldValue: '{"isSyncAllowed":true}', newValue: '{"isSyncAllowed":false}' }],
      },
    ],
    additionalDetails: [],
    ...overrides,
  };
}

describe("buildAuditFilter", () => {
  it("uses only documented properties and escapes quotes", () => {
    expect(
      buildAuditFilter({
        since: "2026-11-01T00:00:00.000Z",
        until: "2026-11-30T12:00:00Z",
        partnerTenantId: FABRIKAM,
        initiatedByUpn: "o'brien@contoso.example",
        activity: "Delete a partner cross-tenant identity sync setting",
      }),
    ).toBe(
      "loggedByService eq 'Core Directory' and activityDateTime ge 2026-11-01T00:00:00Z and activityDateTime le 2026-11-30T12:00:00Z" +
        " and activityDisplayName eq 'Delete a partner cross-tenant identity sync setting'" +
        " and initiatedBy/user/userPrincipalName eq 'o''brien@contoso.example'" +
        ` and targetResources/any(t: t/id eq '${FABRIKAM}')`,
    );
  });

  it("asks for the start of a sign-in name with startswith, and never beside a whole one", () => {
    expect(buildAuditFilter({ since: "2026-11-01T00:00:00Z", initiatedByUpnStart: "o'bri" })).toContain(" and startswith(initiatedBy/user/userPrincipalName, 'o''bri')");
    const both = buildAuditFilter({ since: "2026-11-01T00:00:00Z", initiatedByUpn: "admin@contoso.example", initiatedByUpnStart: "adm" });
    expect(both).toContain("initiatedBy/user/userPrincipalName eq 'admin@contoso.example'");
    expect(both).not.toContain("startswith(initiatedBy");
  });
});

describe("listAuditPage", () => {
  it("asks for newest first with a filter and a page size, and maps entries", async () => {
    const fake = fakeFetch(() => json(200, { value: [wireEntry("e1")], "@odata.nextLink": `${TEST_ROOT}/beta/auditLogs/directoryAudits?$skiptoken=abc` }));
    const page = await listAuditPage(TEST_TOKEN, { query: { since: "2026-11-01T00:00:00Z", partnerTenantId: FABRIKAM } }, options(fake.fetch));
    const url = fake.calls[0]!.url;
    expect(url.pathname).toBe("/beta/auditLogs/directoryAudits");
    expect(url.searchParams.get("$orderby")).toBe("activityDateTime desc");
    expect(url.searchParams.get("$top")).toBe("50");
    expect(url.searchParams.get("$filter")).toContain(`targetResources/any(t: t/id eq '${FABRIKAM}')`);
    expect(page).toMatchObject({
      ok: true,
      data: {
        nextLink: `${TEST_ROOT}/beta/auditLogs/directoryAudits?$skiptoken=abc`,
        scanned: 1,
        entries: [
          {
            id: "e1",
            actor: { kind: "user", displayName: "Adele Admin", userPrincipalName: "admin@contoso.example" },
            partnerTenantId: FABRIKAM,
            targets: [{ changes: [{ property: "userSyncInbound", oldValue: '{"isSyncAllowed":true}', newValue: '{"isSyncAllowed":false}' }] }],
          },
        ],
      },
    });
  });

  it("follows a nextLink as given, and refuses one for another host or another collection", async () => {
    const fake = fakeFetch(() => json(200, { value: [] }));
    const next = `${TEST_ROOT}/beta/auditLogs/directoryAudits?$skiptoken=abc`;
    expect(await listAuditPage(TEST_TOKEN, { nextLink: next }, options(fake.fetch))).toMatchObject({ ok: true, data: { entries: [], nextLink: null } });
    expect(fake.calls[0]!.url.href).toBe(new URL(next).href);
    for (const bad of ["https://evil.test/beta/auditLogs/directoryAudits?$skiptoken=x", `${TEST_ROOT}/beta/users`]) {
      expect(await listAuditPage(TEST_TOKEN, { nextLink: bad }, options(fake.fetch))).toMatchObject({ ok: false, error: { code: "UntrustedNextLink" } });
    }
    expect(fake.calls).toHaveLength(1);
  });

  it("keeps only cross-tenant sync and access changes", async () => {
    const fake = fakeFetch(() =>
      json(200, { value: [wireEntry("keep"), wireEntry("user", { category: "UserManagement", activityDisplayName: "Add user" }), wireEntry("access", { category: "CrossTenantAccessSettings" })] }),
    );
    const page = await listAuditPage(TEST_TOKEN, { query: { since: "2026-11-01T00:00:00Z" } }, options(fake.fetch));
    expect(page.ok && page.data.entries.map((entry) => entry.id)).toEqual(["keep", "access"]);
    expect(page.ok && page.data.scanned).toBe(3);
  });

  it("sends a throttled request once and hands back the wait", async () => {
    const fake = fakeFetch(() => graphError(429, "TooManyRequests", "Too many requests", "rid-429", { "Retry-After": "7" }));
    const page = await listAuditPage(TEST_TOKEN, { query: { since: "2026-11-01T00:00:00Z" } }, options(fake.fetch));
    expect(page).toMatchObject({ ok: false, error: { status: 429, retryAfterSeconds: 7, requestId: "rid-429" } });
    expect(fake.calls).toHaveLength(1);
  });

  it("passes a 403 through for the role message", async () => {
    const fake = fakeFetch(() => graphError(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", "rid-403"));
    expect(await listAuditPage(TEST_TOKEN, { query: { since: "2026-11-01T00:00:00Z" } }, options(fake.fetch))).toMatchObject({
      ok: false,
      error: { status: 403, code: "Authorization_RequestDenied" },
    });
  });
});

describe("listAuditPage behind a proxy in GRAPH_BASE_URL", () => {
  const PROXY = "https://graph-proxy.contoso.example/graph";
  const CLOUD = "https://graph.microsoft.com";
  const proxied = (fetch: typeof globalThis.fetch) => ({ graphRoot: PROXY, cloudGraphRoot: CLOUD, fetch, sleep: noSleep });
  const cloudNext = `${CLOUD}/beta/auditLogs/directoryAudits?$filter=loggedByService%20eq%20'Core%20Directory'&$orderby=activityDateTime%20desc&$top=50&$skiptoken=abc`;

  it("hands back Graph's nextLink on the cloud origin and follows it through the proxy with the token", async () => {
    const fake = fakeFetch((call) => (call.url.searchParams.has("$skiptoken") ? json(200, { value: [wireEntry("e2")] }) : json(200, { value: [wireEntry("e1")], "@odata.nextLink": cloudNext })));
    const first = await listAuditPage(TEST_TOKEN, { query: { since: "2026-11-01T00:00:00Z" } }, proxied(fake.fetch));
    expect(first).toMatchObject({ ok: true, data: { nextLink: cloudNext, entries: [{ id: "e1" }] } });
    const second = await listAuditPage(TEST_TOKEN, { nextLink: cloudNext }, proxied(fake.fetch));
    expect(second).toMatchObject({ ok: true, data: { nextLink: null, entries: [{ id: "e2" }] } });
    expect(fake.calls.map((call) => call.url.origin + call.url.pathname)).toEqual([`${PROXY}/beta/auditLogs/directoryAudits`, `${PROXY}/beta/auditLogs/directoryAudits`]);
    expect(fake.calls[1]!.url.searchParams.get("$skiptoken")).toBe("abc");
    expect(fake.calls[1]!.url.searchParams.get("$orderby")).toBe("activityDateTime desc");
    expect(fake.calls.every((call) => call.headers.get("authorization") === `Bearer ${TEST_TOKEN}`)).toBe(true);
  });

  it("still refuses a link on another origin, another collection or with other query options, before any request", async () => {
    const fake = fakeFetch(() => json(200, { value: [] }));
    for (const bad of [
      "https://graph.microsoft.com.evil.example/beta/auditLogs/directoryAudits?$skiptoken=x",
      `${CLOUD}/beta/users?$skiptoken=x`,
      `${CLOUD}/beta/auditLogs/directoryAudits?$skiptoken=x&$select=id`,
      `${CLOUD}/beta/auditLogs/directoryAudits?$skiptoken=x&$expand=x`,
    ]) {
      expect(await listAuditPage(TEST_TOKEN, { nextLink: bad }, proxied(fake.fetch))).toMatchObject({ ok: false, error: { code: "UntrustedNextLink" } });
    }
    expect(fake.calls).toHaveLength(0);
  });
});
