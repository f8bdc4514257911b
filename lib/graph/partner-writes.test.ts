import { describe, expect, it } from "vitest";
import { fakeFetch, json, TEST_ROOT, TEST_TOKEN } from "@/tests/fake-fetch";
import { listDeletedPartnersPage } from "./partner-writes";

const A = "9b0c1d2e-3f4a-4b5c-9d6e-7f8a9b0c1d2e";
const B = "b4c546a4-7dac-46a6-a7dd-ed822a11efd3";
const LIST = `${TEST_ROOT}/beta/policies/deletedItems/crossTenantPartners`;

describe("listDeletedPartnersPage", () => {
  it("reads one page and hands back its nextLink, then the next page by it", async () => {
    const fake = fakeFetch((call) =>
      call.url.searchParams.has("$skiptoken")
        ? json(200, { value: [{ tenantId: B, deletedDateTime: "2026-11-21T00:00:00Z" }] })
        : json(200, { value: [{ tenantId: A, deletedDateTime: "2026-11-20T00:00:00Z" }, { isServiceProvider: true }], "@odata.nextLink": `${LIST}?$skiptoken=2` }),
    );
    const options = { graphRoot: TEST_ROOT, fetch: fake.fetch };
    const first = await listDeletedPartnersPage(TEST_TOKEN, null, options);
    expect(first.ok && first.data.partners.map((partner) => partner.tenantId)).toEqual([A]);
    expect(first.ok && first.data.nextLink).toBe(`${LIST}?$skiptoken=2`);
    const second = await listDeletedPartnersPage(TEST_TOKEN, `${LIST}?$skiptoken=2`, options);
    expect(second).toMatchObject({ ok: true, data: { partners: [{ tenantId: B }], nextLink: null } });
    expect(fake.calls.map((call) => call.url.href)).toEqual([LIST, `${LIST}?$skiptoken=2`]);
  });

  it("sends no token to a page of another list", async () => {
    const fake = fakeFetch(() => json(200, { value: [] }));
    const elsewhere = `${TEST_ROOT}/beta/policies/deletedItems/crossTenantSyncPolicyPartners?$skiptoken=2`;
    expect(await listDeletedPartnersPage(TEST_TOKEN, elsewhere, { graphRoot: TEST_ROOT, fetch: fake.fetch })).toMatchObject({ ok: false, error: { code: "UntrustedNextLink" } });
    expect(fake.calls).toHaveLength(0);
  });
});
