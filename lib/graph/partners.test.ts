import { describe, expect, it } from "vitest";
import { fakeFetch, graphError, json, TEST_ROOT, TEST_TOKEN } from "@/tests/fake-fetch";
import { getPartner, listPartnersPage } from "./partners";

const A = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const B = "b4c546a4-7dac-46a6-a7dd-ed822a11efd3";

const PARTNERS_URL = `${TEST_ROOT}/beta/policies/crossTenantAccessPolicy/partners`;

describe("listPartnersPage", () => {
  it("asks for the first page with $select and a nested $select, and hands back Graph's nextLink", async () => {
    const next = `${PARTNERS_URL}?$select=tenantId&$skiptoken=2`;
    const fake = fakeFetch(() =>
      json(200, {
        value: [{ tenantId: A.toUpperCase(), isServiceProvider: true, identitySynchronization: { tenantId: A, userSyncInbound: { isSyncAllowed: false } } }],
        "@odata.nextLink": next,
      }),
    );
    const result = await listPartnersPage(TEST_TOKEN, null, { graphRoot: TEST_ROOT, fetch: fake.fetch });
    expect(result).toEqual({
      ok: true,
      data: {
        partners: [{ tenantId: A, displayName: null, isServiceProvider: true, isInMultiTenantOrganization: null, syncPolicy: { tenantId: A, displayName: null, userSyncAllowed: false, groupSyncAllowed: null } }],
        nextLink: next,
      },
    });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.url.searchParams.get("$select")).toBe("tenantId,isServiceProvider,isInMultiTenantOrganization");
    expect(fake.calls[0]!.url.searchParams.get("$expand")).toBe("identitySynchronization($select=tenantId,displayName,userSyncInbound,groupSyncInbound)");
  });

  it("follows a nextLink as given and says when the list ends", async () => {
    const link = `${PARTNERS_URL}?$select=tenantId&$skiptoken=2`;
    const fake = fakeFetch(() => json(200, { value: [{ tenantId: B, identitySynchronization: null }] }));
    const result = await listPartnersPage(TEST_TOKEN, link, { graphRoot: TEST_ROOT, fetch: fake.fetch });
    expect(result).toMatchObject({ ok: true, data: { partners: [{ tenantId: B, syncPolicy: null }], nextLink: null } });
    expect(fake.calls[0]!.url.href).toBe(new URL(link).href);
  });

  it("follows the cloud's own nextLink through a proxy in front of Graph", async () => {
    const link = "https://graph.microsoft.com/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=3";
    const fake = fakeFetch(() => json(200, { value: [] }));
    const result = await listPartnersPage(TEST_TOKEN, link, { graphRoot: TEST_ROOT, cloudGraphRoot: "https://graph.microsoft.com", fetch: fake.fetch });
    expect(result).toMatchObject({ ok: true, data: { partners: [], nextLink: null } });
    expect(fake.calls[0]!.url.href).toBe(`${TEST_ROOT}/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=3`);
  });

  it("never sends the token to a link that is not a page of the partners list", async () => {
    const fake = fakeFetch(() => json(200, { value: [] }));
    for (const link of [
      "https://attacker.example/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=1",
      `${TEST_ROOT}/beta/policies/deletedItems/crossTenantSyncPolicyPartners?$skiptoken=1`,
      `${TEST_ROOT}/beta/me`,
      `${PARTNERS_URL}/${A}?$skiptoken=1`,
      `${PARTNERS_URL}?$skiptoken=1&$filter=true`,
      `${PARTNERS_URL.replace("://", "://user:pw@")}?$skiptoken=1`,
    ]) {
      expect(await listPartnersPage(TEST_TOKEN, link, { graphRoot: TEST_ROOT, fetch: fake.fetch })).toMatchObject({ ok: false, error: { code: "UntrustedNextLink" } });
    }
    expect(fake.calls).toHaveLength(0);
  });

  it("stops when Graph hands out a foreign link or the same link again", async () => {
    const link = `${PARTNERS_URL}?$skiptoken=2`;
    const same = fakeFetch(() => json(200, { value: [], "@odata.nextLink": link }));
    expect(await listPartnersPage(TEST_TOKEN, link, { graphRoot: TEST_ROOT, fetch: same.fetch })).toMatchObject({ ok: false });
    const foreign = fakeFetch(() => json(200, { value: [], "@odata.nextLink": "https://elsewhere.example/beta/policies/crossTenantAccessPolicy/partners" }));
    expect(await listPartnersPage(TEST_TOKEN, null, { graphRoot: TEST_ROOT, fetch: foreign.fetch })).toMatchObject({ ok: false, error: { code: "UntrustedNextLink" } });
  });
});

describe("getPartner", () => {
  it("GETs with $expand and maps 404 to null", async () => {
    const found = fakeFetch(() => json(200, { tenantId: A, identitySynchronization: { userSyncInbound: { isSyncAllowed: true } } }));
    expect(await getPartner(TEST_TOKEN, A, { graphRoot: TEST_ROOT, fetch: found.fetch })).toMatchObject({
      ok: true,
      data: { tenantId: A, syncPolicy: { tenantId: A, userSyncAllowed: true } },
    });
    expect(found.calls[0]!.url.search).toBe("?$expand=identitySynchronization");
    const missing = fakeFetch(() => graphError(404, "Request_ResourceNotFound", "no", "r"));
    expect(await getPartner(TEST_TOKEN, A, { graphRoot: TEST_ROOT, fetch: missing.fetch })).toEqual({ ok: true, data: null });
  });

  it("passes other failures through", async () => {
    const denied = fakeFetch(() => graphError(403, "Authorization_RequestDenied", "no", "r403"));
    expect(await getPartner(TEST_TOKEN, A, { graphRoot: TEST_ROOT, fetch: denied.fetch })).toMatchObject({ ok: false, error: { status: 403, requestId: "r403" } });
  });
});
