import { describe, expect, it } from "vitest";
import { fakeFetch, graphError, json, TEST_ROOT, TEST_TOKEN } from "@/tests/fake-fetch";
import { ok } from "@/lib/core/result";
import { partsOf } from "@/tests/streams";
import { getPartner, listDeletedPartners, listPartners } from "./partners";

const A = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const B = "b4c546a4-7dac-46a6-a7dd-ed822a11efd3";

const PARTNERS_URL = `${TEST_ROOT}/beta/policies/crossTenantAccessPolicy/partners`;

describe("listPartners", () => {
  const options = (fetch: typeof globalThis.fetch) => ({ graphRoot: TEST_ROOT, fetch });

  it("asks for the first page with $select and a nested $select, then follows Graph's nextLinks, one part per page", async () => {
    const fake = fakeFetch((call) => {
      const page = Number(call.url.searchParams.get("$skiptoken") ?? "0");
      const value =
        page === 0
          ? [{ tenantId: A.toUpperCase(), isServiceProvider: true, identitySynchronization: { tenantId: A, userSyncInbound: { isSyncAllowed: false } } }]
          : [{ tenantId: B, identitySynchronization: null }];
      return json(200, { value, "@odata.nextLink": page === 0 ? `${PARTNERS_URL}?$select=tenantId&$skiptoken=1` : undefined });
    });
    expect(await partsOf(listPartners(TEST_TOKEN, options(fake.fetch)))).toEqual([
      ok([{ tenantId: A, displayName: null, isServiceProvider: true, isInMultiTenantOrganization: null, automaticUserConsentSettings: null, syncPolicy: { tenantId: A, displayName: null, userSyncAllowed: false, groupSyncAllowed: null } }]),
      ok([{ tenantId: B, displayName: null, isServiceProvider: null, isInMultiTenantOrganization: null, automaticUserConsentSettings: null, syncPolicy: null }]),
    ]);
    expect(fake.calls).toHaveLength(2);
    expect(fake.calls[0]!.url.searchParams.get("$select")).toBe("tenantId,isServiceProvider,isInMultiTenantOrganization,automaticUserConsentSettings");
    expect(fake.calls[0]!.url.searchParams.get("$expand")).toBe("identitySynchronization($select=tenantId,displayName,userSyncInbound,groupSyncInbound)");
    expect(fake.calls[1]!.url.href).toBe(`${PARTNERS_URL}?$select=tenantId&$skiptoken=1`);
    expect(fake.calls.every((call) => call.headers.get("authorization") === `Bearer ${TEST_TOKEN}`)).toBe(true);
  });

  it("follows the cloud's own nextLink through a proxy in front of Graph", async () => {
    const fake = fakeFetch((call) =>
      json(200, { value: [], "@odata.nextLink": call.url.searchParams.has("$skiptoken") ? undefined : "https://graph.microsoft.com/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=3" }),
    );
    const parts = await partsOf(listPartners(TEST_TOKEN, { graphRoot: TEST_ROOT, cloudGraphRoot: "https://graph.microsoft.com", fetch: fake.fetch }));
    expect(parts).toEqual([ok([]), ok([])]);
    expect(fake.calls[1]!.url.href).toBe(`${TEST_ROOT}/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=3`);
  });

  it.each([
    "https://attacker.example/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=1",
    `${TEST_ROOT}/beta/policies/deletedItems/crossTenantSyncPolicyPartners?$skiptoken=1`,
    `${TEST_ROOT}/beta/me`,
    `${PARTNERS_URL}/${A}?$skiptoken=1`,
    `${PARTNERS_URL}?$skiptoken=1&$filter=true`,
    `${PARTNERS_URL.replace("://", "://user:pw@")}?$skiptoken=1`,
  ])("never sends the token to a nextLink off the partners list (%s): the read ends there", async (link) => {
    const fake = fakeFetch(() => json(200, { value: [{ tenantId: A }], "@odata.nextLink": link }));
    const parts = await partsOf(listPartners(TEST_TOKEN, options(fake.fetch)));
    expect(parts).toMatchObject([{ ok: false, error: { code: "UntrustedNextLink" } }]);
    expect(fake.calls).toHaveLength(1);
  });

  it("ends with Graph's failure, after the pages it already read", async () => {
    const fake = fakeFetch((call) =>
      call.url.searchParams.has("$skiptoken")
        ? graphError(403, "Authorization_RequestDenied", "no", "r403")
        : json(200, { value: [{ tenantId: A }], "@odata.nextLink": `${PARTNERS_URL}?$skiptoken=2` }),
    );
    const parts = await partsOf(listPartners(TEST_TOKEN, options(fake.fetch)));
    expect(parts).toMatchObject([{ ok: true, data: [{ tenantId: A }] }, { ok: false, error: { status: 403, requestId: "r403" } }]);
  });

  it("stops at the page on its way when the reader goes away", async () => {
    const fake = fakeFetch((call) => json(200, { value: [{ tenantId: A }], "@odata.nextLink": `${PARTNERS_URL}?$skiptoken=${Number(call.url.searchParams.get("$skiptoken") ?? "0") + 1}` }));
    const read = listPartners(TEST_TOKEN, options(fake.fetch));
    expect(await read.next()).toMatchObject({ done: false, value: { ok: true } });
    // React asks for the next part at once; the browser then goes away while that page is on its way.
    const onItsWay = read.next();
    const gone = read.throw(new Error("The connection closed."));
    expect(await onItsWay).toMatchObject({ done: false, value: { ok: true } });
    await expect(gone).rejects.toThrow("The connection closed.");
    expect(await read.next()).toEqual({ done: true, value: undefined });
    expect(fake.calls).toHaveLength(2);
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

describe("listDeletedPartners", () => {
  const A = "9b0c1d2e-3f4a-4b5c-9d6e-7f8a9b0c1d2e";
  const LIST = `${TEST_ROOT}/beta/policies/deletedItems/crossTenantPartners`;

  it("streams page by page, following Graph's nextLink, and leaves out items without a tenant id", async () => {
    const fake = fakeFetch((call) =>
      call.url.searchParams.has("$skiptoken")
        ? json(200, { value: [{ tenantId: B, deletedDateTime: "2026-11-21T00:00:00Z" }] })
        : json(200, { value: [{ tenantId: A, deletedDateTime: "2026-11-20T00:00:00Z" }, { isServiceProvider: true }], "@odata.nextLink": `${LIST}?$skiptoken=2` }),
    );
    const parts = await partsOf(listDeletedPartners(TEST_TOKEN, { graphRoot: TEST_ROOT, fetch: fake.fetch }));
    expect(parts.map((part) => part.ok && part.data.map((partner) => partner.tenantId))).toEqual([[A], [B]]);
    expect(fake.calls.map((call) => call.url.href)).toEqual([LIST, `${LIST}?$skiptoken=2`]);
  });

  it("sends no token to a page of another list", async () => {
    const elsewhere = `${TEST_ROOT}/beta/policies/deletedItems/crossTenantSyncPolicyPartners?$skiptoken=2`;
    const fake = fakeFetch(() => json(200, { value: [{ tenantId: A }], "@odata.nextLink": elsewhere }));
    expect(await partsOf(listDeletedPartners(TEST_TOKEN, { graphRoot: TEST_ROOT, fetch: fake.fetch }))).toMatchObject([{ ok: false, error: { code: "UntrustedNextLink" } }]);
    expect(fake.calls).toHaveLength(1);
  });
});
