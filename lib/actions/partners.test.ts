import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Partner } from "@/lib/models";
import { fail, ok, type AppError } from "@/lib/result";
import { getPartner, listPartners } from "@/lib/graph/partners";
import { getDeletedSyncPolicy, listDeletedSyncPolicies } from "@/lib/graph/sync-policies";
import { getPartnerDetail, getPartnersView } from "./partners";
import { pinEmulatorEnv, TENANT, TOKEN } from "@/tests/action-env";

vi.mock("@/lib/graph/partners", () => ({ listPartners: vi.fn(), getPartner: vi.fn() }));
vi.mock("@/lib/graph/sync-policies", () => ({ listDeletedSyncPolicies: vi.fn(), getDeletedSyncPolicy: vi.fn() }));

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
afterEach(() => vi.unstubAllEnvs());

describe("getPartnersView", () => {
  it("fans out partners and deleted items in parallel", async () => {
    vi.mocked(listPartners).mockResolvedValue(ok([partner]));
    vi.mocked(listDeletedSyncPolicies).mockResolvedValue(ok([deleted]));
    // The nameless deleted policy takes its partner's name from the same read.
    expect(await getPartnersView(TOKEN)).toEqual({
      ok: true,
      data: { partners: [partner], deletedSyncPolicies: [{ ...deleted, partnerDisplayName: "Fabrikam" }], deletedItemsError: null },
    });
    expect(listPartners).toHaveBeenCalledWith(TOKEN);
    expect(listDeletedSyncPolicies).toHaveBeenCalledWith(TOKEN);
  });

  it("still returns partners when deleted items fail", async () => {
    vi.mocked(listPartners).mockResolvedValue(ok([partner]));
    vi.mocked(listDeletedSyncPolicies).mockResolvedValue(fail(denied));
    expect(await getPartnersView(TOKEN)).toEqual({ ok: true, data: { partners: [partner], deletedSyncPolicies: null, deletedItemsError: denied } });
  });

  it("fails as a whole when partners fail", async () => {
    vi.mocked(listPartners).mockResolvedValue(fail(denied));
    vi.mocked(listDeletedSyncPolicies).mockResolvedValue(ok([]));
    expect(await getPartnersView(TOKEN)).toEqual({ ok: false, error: denied });
  });

  it("does not ask for deleted items in a cloud without them", async () => {
    vi.stubEnv("AZURE_CLIENT_ID", "3f4e5d6c-7b8a-4c9d-8e1f-2a3b4c5d6e7f");
    vi.stubEnv("AZURE_TENANT_ID", "7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f");
    vi.stubEnv("AZURE_CLOUD", "usgov");
    vi.mocked(listPartners).mockResolvedValue(ok([partner]));
    const result = await getPartnersView(TOKEN);
    expect(result).toMatchObject({ ok: true, data: { deletedSyncPolicies: null, deletedItemsError: { code: "NotSupportedInCloud" } } });
    expect(listDeletedSyncPolicies).not.toHaveBeenCalled();
  });

  it("rejects a bad token before calling Graph, without echoing it", async () => {
    const longToken = `${"a".repeat(16_000)}.${"b".repeat(400)}.c`;
    for (const token of ["", "not a jwt", "a.b", longToken, 42 as unknown as string]) {
      const result = await getPartnersView(token);
      expect(result).toMatchObject({ ok: false, error: { status: 400, code: "InvalidArgument" } });
      if (!result.ok && String(token).length > 0) expect(result.error.message).not.toContain(String(token));
    }
    expect(listPartners).not.toHaveBeenCalled();
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
