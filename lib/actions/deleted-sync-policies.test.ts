import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fail, ok, type AppError } from "@/lib/core/result";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { restoreSyncPolicies as restoreManyInGraph, restoreSyncPolicy as restoreOneInGraph } from "@/lib/graph/sync-policy-writes";
import { listDeletedSyncPolicies, restoreSyncPolicies, restoreSyncPolicy } from "./deleted-sync-policies";
import { pinEmulatorEnv, TENANT, TOKEN } from "@/tests/action-env";
import { fakeFetch, graphError, json } from "@/tests/fake-fetch";
import { answerOf } from "@/tests/streams";

vi.mock("@/lib/graph/sync-policy-writes", () => ({ restoreSyncPolicies: vi.fn(), restoreSyncPolicy: vi.fn() }));

const OTHER = "b4c546a4-7dac-46a6-a7dd-ed822a11efd3";
const expired: AppError = { status: 401, code: "InvalidAuthenticationToken", message: "expired", requestId: "r401", retryAfterSeconds: null };
const outcome = (tenantId: string, kind: WriteOutcome["kind"], error: AppError | null = null): WriteOutcome => ({
  write: "restore-sync-policy",
  tenantId,
  kind,
  policy: null,
  error,
  attempts: 1,
});

beforeEach(() => {
  vi.resetAllMocks();
  pinEmulatorEnv();
});
afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

const policy = (tenantId: string, displayName: string | null) => ({
  tenantId,
  displayName,
  userSyncAllowed: null,
  groupSyncAllowed: null,
  externalCloudAuthorizedApplicationId: null,
  deletedDateTime: "2026-11-20T00:00:00Z",
});
const DELETED_LIST = "http://localhost:4010/beta/policies/deletedItems/crossTenantSyncPolicyPartners";

describe("listDeletedSyncPolicies", () => {
  it("validates the token, then streams every page, following Graph's nextLinks of this list only", async () => {
    const graph = fakeFetch((call) =>
      call.url.searchParams.has("$skiptoken")
        ? json(200, { value: [policy(OTHER, null)], "@odata.nextLink": "http://localhost:4010/beta/policies/deletedItems/crossTenantPartners?$skiptoken=3" })
        : json(200, { value: [policy(TENANT, "Contoso sync")], "@odata.nextLink": `${DELETED_LIST}?$skiptoken=2` }),
    );
    vi.stubGlobal("fetch", graph.fetch);
    expect(await listDeletedSyncPolicies("")).toMatchObject({ ok: false, error: { code: "InvalidArgument" } });
    expect(graph.calls).toHaveLength(0);
    const parts = await answerOf(await listDeletedSyncPolicies(TOKEN));
    expect(parts).toMatchObject([{ ok: true, data: [{ tenantId: TENANT, displayName: "Contoso sync" }] }, { ok: false, error: { code: "UntrustedNextLink" } }]);
    expect(graph.calls.map((call) => call.url.href)).toEqual([DELETED_LIST, `${DELETED_LIST}?$skiptoken=2`]);
  });

  it("ends with a failed page", async () => {
    vi.stubGlobal("fetch", fakeFetch(() => graphError(403, "Authorization_RequestDenied", "no", "r403")).fetch);
    expect(await answerOf(await listDeletedSyncPolicies(TOKEN))).toMatchObject([{ ok: false, error: { status: 403, requestId: "r403" } }]);
  });

  it("says deleted items are not there in a national cloud, without calling Graph", async () => {
    const graph = fakeFetch(() => json(200, { value: [] }));
    vi.stubGlobal("fetch", graph.fetch);
    vi.stubEnv("AZURE_CLIENT_ID", "11111111-1111-4111-8111-111111111111");
    vi.stubEnv("AZURE_TENANT_ID", TENANT);
    vi.stubEnv("AZURE_CLOUD", "usgov");
    vi.stubEnv("DASHBOARD_EMULATOR", "");
    expect(await listDeletedSyncPolicies(TOKEN)).toMatchObject({ ok: false, error: { code: "NotSupportedInCloud" } });
    expect(graph.calls).toHaveLength(0);
  });
});

describe("restoreSyncPolicy", () => {
  it("validates tenant id and route, then restores through lib/graph", async () => {
    vi.mocked(restoreOneInGraph).mockResolvedValue(ok(outcome(TENANT, "done")));
    expect(await restoreSyncPolicy(TOKEN, TENANT.toUpperCase(), "partner")).toEqual({ ok: true, data: outcome(TENANT, "done") });
    expect(restoreOneInGraph).toHaveBeenCalledWith(TOKEN, TENANT, "partner", { maxRetryWaitMs: 2_000 });
  });

  it("rejects unknown routes and bad GUIDs", async () => {
    expect(await restoreSyncPolicy(TOKEN, TENANT, "elsewhere" as "partner")).toMatchObject({
      ok: false,
      error: { code: "InvalidArgument", message: "route must be one of deleted-items, partner" },
    });
    expect(await restoreSyncPolicy(TOKEN, "nope", "deleted-items")).toMatchObject({ ok: false, error: { message: "tenantId must be a tenant id GUID" } });
    expect(restoreOneInGraph).not.toHaveBeenCalled();
  });

  it("fails with the 401 itself when unauthorized, so the caller renews the token and calls again", async () => {
    vi.mocked(restoreOneInGraph).mockResolvedValue(ok(outcome(TENANT, "unauthorized", expired)));
    expect(await restoreSyncPolicy(TOKEN, TENANT, "deleted-items")).toEqual({ ok: false, error: expired });
  });
});

describe("restoreSyncPolicies", () => {
  it("normalises ids and returns per-item outcomes", async () => {
    const outcomes = [outcome(TENANT, "done"), outcome(OTHER, "purged")];
    vi.mocked(restoreManyInGraph).mockResolvedValue(ok(outcomes));
    expect(await restoreSyncPolicies(TOKEN, [TENANT.toUpperCase(), OTHER])).toEqual({ ok: true, data: outcomes });
    expect(restoreManyInGraph).toHaveBeenCalledWith(TOKEN, [TENANT, OTHER], { maxRetryWaitMs: 2_000 });
  });

  it("keeps per-item outcomes when only some are unauthorized, fails with 401 when all are", async () => {
    const mixed = [outcome(TENANT, "done"), outcome(OTHER, "unauthorized", expired)];
    vi.mocked(restoreManyInGraph).mockResolvedValueOnce(ok(mixed));
    expect(await restoreSyncPolicies(TOKEN, [TENANT, OTHER])).toEqual({ ok: true, data: mixed });
    vi.mocked(restoreManyInGraph).mockResolvedValueOnce(ok([outcome(TENANT, "unauthorized", expired)]));
    expect(await restoreSyncPolicies(TOKEN, [TENANT])).toEqual({ ok: false, error: expired });
  });

  it("rejects more than 500 ids, a bad id at its index, and a non-array", async () => {
    const many = Array.from({ length: 501 }, () => TENANT);
    expect(await restoreSyncPolicies(TOKEN, many)).toMatchObject({ ok: false, error: { message: "tenantIds must hold at most 500 tenant ids" } });
    expect(await restoreSyncPolicies(TOKEN, [TENANT, "bad"])).toMatchObject({ ok: false, error: { message: "tenantIds[1] must be a tenant id GUID" } });
    expect(await restoreSyncPolicies(TOKEN, "x" as unknown as string[])).toMatchObject({ ok: false, error: { code: "InvalidArgument" } });
    expect(restoreManyInGraph).not.toHaveBeenCalled();
  });

  it("passes Graph failures through unchanged", async () => {
    const throttled: AppError = { status: 429, code: "TooManyRequests", message: "slow", requestId: "r", retryAfterSeconds: 3 };
    vi.mocked(restoreManyInGraph).mockResolvedValue(fail(throttled));
    expect(await restoreSyncPolicies(TOKEN, [TENANT])).toEqual({ ok: false, error: throttled });
  });
});
