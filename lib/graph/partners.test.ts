import { describe, expect, it } from "vitest";
import { fakeFetch, graphError, json, TEST_ROOT, TEST_TOKEN } from "@/tests/fake-fetch";
import { getPartner, getPartnerNames, listPartners } from "./partners";

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

describe("getPartnerNames", () => {
  it("reads names with $batch GETs and leaves out partners it cannot read", async () => {
    const fake = fakeFetch((call) => {
      const { requests } = call.body as { requests: { id: string; url: string }[] };
      return json(200, {
        responses: requests.map((request) =>
          request.url.includes(A)
            ? { id: request.id, status: 200, headers: {}, body: { tenantId: A, displayName: "Fabrikam" } }
            : { id: request.id, status: 404, headers: {}, body: { error: { code: "Request_ResourceNotFound", message: "gone" } } },
        ),
      });
    });
    const names = await getPartnerNames(TEST_TOKEN, [A, B, A.toUpperCase()], { graphRoot: TEST_ROOT, fetch: fake.fetch });
    expect([...names]).toEqual([[A, "Fabrikam"]]);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.url.pathname).toBe("/beta/$batch");
    const { requests } = fake.calls[0]!.body as { requests: { url: string }[] };
    expect(requests.map((request) => request.url)).toEqual([
      `/policies/crossTenantAccessPolicy/partners/${A}?$select=tenantId,displayName`,
      `/policies/crossTenantAccessPolicy/partners/${B}?$select=tenantId,displayName`,
    ]);
  });
});
