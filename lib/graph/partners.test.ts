import { describe, expect, it } from "vitest";
import { fakeFetch, graphError, json, TEST_ROOT, TEST_TOKEN } from "./fake-fetch";
import { getPartner, listPartners } from "./partners";

const A = "9c5d131d-b1c3-4fc4-9e3f-c6557947d551";
const B = "b4c546a4-7dac-46a6-a7dd-ed822a11efd3";

describe("listPartners", () => {
  it("is one expanded collection GET following every nextLink", async () => {
    const fake = fakeFetch((call) =>
      call.url.searchParams.has("$skiptoken")
        ? json(200, { value: [{ tenantId: B, identitySynchronization: null }] })
        : json(200, {
            value: [{ tenantId: A, displayName: "Fabrikam", identitySynchronization: { tenantId: A, userSyncInbound: { isSyncAllowed: false } } }],
            "@odata.nextLink": `${TEST_ROOT}/beta/policies/crossTenantAccessPolicy/partners?$expand=identitySynchronization&$skiptoken=2`,
          }),
    );
    const result = await listPartners(TEST_TOKEN, { graphRoot: TEST_ROOT, fetch: fake.fetch });
    expect(result.ok && result.data.map((p) => [p.tenantId, p.syncPolicy?.userSyncAllowed ?? "no-policy"])).toEqual([
      [A, false],
      [B, "no-policy"],
    ]);
    expect(fake.calls[0]!.url.pathname + fake.calls[0]!.url.search).toBe("/beta/policies/crossTenantAccessPolicy/partners?$expand=identitySynchronization");
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
