import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Partner } from "@/lib/core/models";
import { fail, ok, type AppError } from "@/lib/core/result";
import { getPartner } from "@/lib/graph/partners";
import { getDeletedSyncPolicy } from "@/lib/graph/sync-policies";
import { getPartnerDetail, listPartners } from "./partners";
import { pinEmulatorEnv, TENANT, TOKEN } from "@/tests/action-env";
import { fakeFetch, graphError, json, type FakeFetch } from "@/tests/fake-fetch";
import { answerOf } from "@/tests/streams";

vi.mock("@/lib/graph/partners", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/graph/partners")>()),
  getPartner: vi.fn(),
}));
vi.mock("@/lib/graph/sync-policies", () => ({ getDeletedSyncPolicy: vi.fn() }));

const PARTNERS_LIST = "http://localhost:4010/beta/policies/crossTenantAccessPolicy/partners";

/** Graph behind a fake fetch that counts what reaches it: `pages` pages of one partner each. */
function graphWithPages(pages: number, nextLinkOf = (page: number) => `${PARTNERS_LIST}?$skiptoken=${page + 1}`): FakeFetch {
  const graph = fakeFetch((call) => {
    const page = Number(call.url.searchParams.get("$skiptoken") ?? "0");
    return json(200, { value: [{ tenantId: TENANT }], "@odata.nextLink": page < pages - 1 ? nextLinkOf(page) : undefined });
  });
  vi.stubGlobal("fetch", graph.fetch);
  return graph;
}

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

describe("listPartners", () => {
  it("answers at once and streams every page of the list, following Graph's nextLinks on the server", async () => {
    const graph = graphWithPages(3);
    const answer = await listPartners(TOKEN);
    expect(graph.calls).toHaveLength(0);
    const parts = await answerOf(answer);
    expect(parts).toMatchObject([{ ok: true, data: [{ tenantId: TENANT }] }, { ok: true, data: [{ tenantId: TENANT }] }, { ok: true, data: [{ tenantId: TENANT }] }]);
    expect(graph.calls.map((call) => call.url.search)).toEqual([expect.stringMatching(/^\?\$select=/), "?$skiptoken=1", "?$skiptoken=2"]);
    expect(graph.calls.every((call) => call.headers.get("authorization") === `Bearer ${TOKEN}`)).toBe(true);
  });

  it("follows the cloud's own link to the next page, which a proxy in front of Graph writes", async () => {
    const graph = graphWithPages(2, () => "https://graph.microsoft.com/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=1");
    expect(await answerOf(await listPartners(TOKEN))).toMatchObject([{ ok: true }, { ok: true }]);
    expect(graph.calls[1]?.url.href).toBe(`${PARTNERS_LIST}?$skiptoken=1`);
  });

  it("ends with Graph's refusal of a link it answered that leaves the partners list, sending no token there", async () => {
    const graph = graphWithPages(3, () => "https://attacker.example/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=2");
    expect(await answerOf(await listPartners(TOKEN))).toMatchObject([{ ok: false, error: { status: 502, code: "UntrustedNextLink" } }]);
    expect(graph.calls).toHaveLength(1);
  });

  it("ends with Graph's failure as the last part", async () => {
    vi.stubGlobal("fetch", fakeFetch(() => graphError(403, "Authorization_RequestDenied", "no", "r403")).fetch);
    expect(await answerOf(await listPartners(TOKEN))).toMatchObject([{ ok: false, error: { status: 403, code: "Authorization_RequestDenied", requestId: "r403" } }]);
  });

  it("takes no paging link from the caller: Graph's nextLinks never leave the server", async () => {
    const graph = graphWithPages(1);
    expect(await listPartners(...([TOKEN, `${PARTNERS_LIST}?$skiptoken=1`] as unknown as [string]))).toEqual({
      ok: false,
      error: { status: 400, code: "InvalidArgument", message: "This action expects 1 argument: token", requestId: null, retryAfterSeconds: null },
    });
    expect(graph.calls).toHaveLength(0);
  });

  it("rejects a bad token before calling Graph, without echoing it", async () => {
    const graph = graphWithPages(1);
    const longToken = `${"a".repeat(16_000)}.${"b".repeat(400)}.c`;
    for (const token of ["", "not a jwt", "a.b", longToken, 42 as unknown as string]) {
      const result = await listPartners(token);
      expect(result).toMatchObject({ ok: false, error: { status: 400, code: "InvalidArgument" } });
      if (!result.ok && String(token).length > 0) expect(result.error.message).not.toContain(String(token));
    }
    expect(graph.calls).toHaveLength(0);
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
