import { describe, expect, it } from "vitest";
import { fakeFetch, json, TEST_ROOT, TEST_TOKEN } from "@/tests/fake-fetch";
import { partsOf } from "@/tests/streams";
import { listDeletedPartners } from "./partner-writes";

const A = "9b0c1d2e-3f4a-4b5c-9d6e-7f8a9b0c1d2e";
const B = "b4c546a4-7dac-46a6-a7dd-ed822a11efd3";
const LIST = `${TEST_ROOT}/beta/policies/deletedItems/crossTenantPartners`;

describe("listDeletedPartners", () => {
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
