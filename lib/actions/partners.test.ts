import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Partner } from "@/lib/models";
import { fail, ok, type AppError } from "@/lib/result";
import { getPartner, listPartnersPage as listPartnersPageInGraph } from "@/lib/graph/partners";
import { getDeletedSyncPolicy } from "@/lib/graph/sync-policies";
import { getPartnerDetail, listPartnersPage } from "./partners";
import { pinEmulatorEnv, TENANT, TOKEN } from "@/tests/action-env";
import { fakeFetch, json, type FakeFetch } from "@/tests/fake-fetch";

/** lib/graph's own link check, with Graph behind a fake fetch that counts what reaches it. */
function realListWithFakeGraph(): FakeFetch {
  const graph = fakeFetch(() => json(200, { value: [] }));
  vi.stubGlobal("fetch", graph.fetch);
  vi.mocked(listPartnersPageInGraph).mockImplementation(realGraph.listPartnersPage);
  return graph;
}

const realGraph = vi.hoisted(() => ({ listPartnersPage: null as unknown as typeof import("@/lib/graph/partners").listPartnersPage }));
vi.mock("@/lib/graph/partners", async (importOriginal) => {
  realGraph.listPartnersPage = (await importOriginal<typeof import("@/lib/graph/partners")>()).listPartnersPage;
  return { listPartnersPage: vi.fn(), getPartner: vi.fn() };
});
vi.mock("@/lib/graph/sync-policies", () => ({ getDeletedSyncPolicy: vi.fn() }));

const partner = { tenantId: TENANT, displayName: "Fabrikam", syncPolicy: null } as unknown as Partner;
const deleted = {
  tenantId: TENANT,
  displayName: null,
  userSyncAllowed: null,
  groupSyncAllowed: null,
  externalCloudAuthorizedApplicationId: null,
  deletedDateTime: "2025-06-01T00:00:00Z",
};
const denied: AppError = { status: 403, code: "Authorization_RequestDenied", message: "no", requestId: "r403", retryAfterSeconds: null };

beforeEach(() => {
  vi.resetAllMocks();
  pinEmulatorEnv();
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe("listPartnersPage", () => {
  it("reads one page, the first or the one a nextLink names", async () => {
    const page = { partners: [], nextLink: null };
    vi.mocked(listPartnersPageInGraph).mockResolvedValue(ok(page));
    expect(await listPartnersPage(TOKEN, null)).toEqual({ ok: true, data: page });
    expect(listPartnersPageInGraph).toHaveBeenCalledWith(TOKEN, null);
    const link = "http://localhost:4010/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=x";
    await listPartnersPage(TOKEN, link);
    expect(listPartnersPageInGraph).toHaveBeenLastCalledWith(TOKEN, link);
  });

  it("passes Graph failures through", async () => {
    vi.mocked(listPartnersPageInGraph).mockResolvedValue(fail(denied));
    expect(await listPartnersPage(TOKEN, null)).toEqual({ ok: false, error: denied });
  });

  it("rejects a paging link that is not a URL, without calling Graph", async () => {
    for (const link of ["", "partners?$skiptoken=1", "x".repeat(5000), 42 as unknown as string]) {
      expect(await listPartnersPage(TOKEN, link)).toMatchObject({ ok: false, error: { status: 400, code: "InvalidArgument", message: "nextLink must be a paging link of the partners list" } });
    }
    expect(listPartnersPageInGraph).not.toHaveBeenCalled();
  });

  it("rejects a URL that is not a page of the partners list on a Graph origin, without calling Graph", async () => {
    const graph = realListWithFakeGraph();
    for (const link of [
      "https://attacker.example/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=1",
      "http://localhost:4010/beta/me",
      "http://localhost:4010/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=1&$filter=true",
    ]) {
      expect(await listPartnersPage(TOKEN, link)).toEqual({
        ok: false,
        error: { status: 400, code: "InvalidArgument", message: "nextLink must be a paging link of the partners list", requestId: null, retryAfterSeconds: null },
      });
    }
    expect(graph.calls).toHaveLength(0);
  });

  it("accepts the cloud's own link to the next page, which a proxy in front of Graph writes", async () => {
    const graph = realListWithFakeGraph();
    const link = "https://graph.microsoft.com/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=x";
    expect(await listPartnersPage(TOKEN, link)).toEqual({ ok: true, data: { partners: [], nextLink: null } });
    expect(graph.calls.map((call) => call.url.href)).toEqual(["http://localhost:4010/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=x"]);
  });

  it("passes Graph's own refusal of the link it answered through, not as the caller's mistake", async () => {
    const graph = fakeFetch(() => json(200, { value: [], "@odata.nextLink": "https://attacker.example/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=2" }));
    vi.stubGlobal("fetch", graph.fetch);
    vi.mocked(listPartnersPageInGraph).mockImplementation(realGraph.listPartnersPage);
    expect(await listPartnersPage(TOKEN, null)).toMatchObject({ ok: false, error: { status: 502, code: "UntrustedNextLink" } });
  });

  it("rejects a bad token before calling Graph, without echoing it", async () => {
    const longToken = `${"a".repeat(16_000)}.${"b".repeat(400)}.c`;
    for (const token of ["", "not a jwt", "a.b", longToken, 42 as unknown as string]) {
      const result = await listPartnersPage(token, null);
      expect(result).toMatchObject({ ok: false, error: { status: 400, code: "InvalidArgument" } });
      if (!result.ok && String(token).length > 0) expect(result.error.message).not.toContain(String(token));
    }
    expect(listPartnersPageInGraph).not.toHaveBeenCalled();
  });
});

describe("getPartnerDetail", () => {
  it("reads partner and deleted item in parallel with a lower-cased GUID", async () => {
    vi.mocked(getPartner).mockResolvedValue(ok(partner));
    vi.mocked(getDeletedSyncPolicy).mockResolvedValue(ok(deleted));
    expect(await getPartnerDetail(TOKEN, ` ${TENANT.toUpperCase()} `)).toEqual({
      ok: true,
      data: { partner, deletedSyncPolicy: { ...deleted, partnerDisplayName: "Fabrikam" } },
    });
    expect(getPartner).toHaveBeenCalledWith(TOKEN, TENANT);
    expect(getDeletedSyncPolicy).toHaveBeenCalledWith(TOKEN, TENANT);
  });

  it("returns partner null for a missing partner and hides a failed deleted lookup", async () => {
    vi.mocked(getPartner).mockResolvedValue(ok(null));
    vi.mocked(getDeletedSyncPolicy).mockResolvedValue(fail(denied));
    expect(await getPartnerDetail(TOKEN, TENANT)).toEqual({ ok: true, data: { partner: null, deletedSyncPolicy: null } });
  });

  it("fails when the partner read fails", async () => {
    vi.mocked(getPartner).mockResolvedValue(fail(denied));
    vi.mocked(getDeletedSyncPolicy).mockResolvedValue(ok(null));
    expect(await getPartnerDetail(TOKEN, TENANT)).toEqual({ ok: false, error: denied });
  });

  it("rejects malformed tenant ids without calling Graph", async () => {
    for (const id of ["", "fabrikam", `${TENANT}0`, "9c5d131d-b1c3-4fc4-9e3f-c6557947d55g", "../partners"]) {
      expect(await getPartnerDetail(TOKEN, id)).toEqual({
        ok: false,
        error: { status: 400, code: "InvalidArgument", message: "tenantId must be a tenant id GUID", requestId: null, retryAfterSeconds: null },
      });
    }
    expect(getPartner).not.toHaveBeenCalled();
  });

  it("names the token, not its value, when the token is bad", async () => {
    const token = "x".repeat(20_000);
    const result = await getPartnerDetail(token, TENANT);
    expect(result).toMatchObject({ ok: false, error: { code: "InvalidArgument", message: expect.stringMatching(/^token must be an access token/) } });
    expect(JSON.stringify(result)).not.toContain("xxxx");
  });
});
