import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fail, ok, type AppError } from "@/lib/result";
import { restoreSyncPolicies as restoreManyInGraph } from "@/lib/graph/batch";
import type { RestoreOutcome } from "@/lib/writes/outcome";
import { listDeletedSyncPolicies as listInGraph, restoreSyncPolicy as restoreOneInGraph } from "@/lib/graph/sync-policies";
import { findTenantNames } from "@/lib/graph/tenant-information";
import { listDeletedSyncPolicies, restoreSyncPolicies, restoreSyncPolicy } from "./deleted-sync-policies";
import { pinEmulatorEnv, TENANT, TOKEN } from "@/tests/action-env";

vi.mock("@/lib/graph/sync-policies", () => ({ listDeletedSyncPolicies: vi.fn(), restoreSyncPolicy: vi.fn() }));
vi.mock("@/lib/graph/batch", () => ({ restoreSyncPolicies: vi.fn() }));
vi.mock("@/lib/graph/tenant-information", () => ({ findTenantNames: vi.fn() }));

const OTHER = "b4c546a4-7dac-46a6-a7dd-ed822a11efd3";
const expired: AppError = { status: 401, code: "InvalidAuthenticationToken", message: "expired", requestId: "r401", retryAfterSeconds: null };
const outcome = (tenantId: string, kind: RestoreOutcome["kind"], error: AppError | null = null): RestoreOutcome => ({
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
afterEach(() => vi.unstubAllEnvs());

describe("listDeletedSyncPolicies", () => {
  it("validates the token and passes the result through", async () => {
    vi.mocked(listInGraph).mockResolvedValue(ok([]));
    expect(await listDeletedSyncPolicies(TOKEN)).toEqual({ ok: true, data: [] });
    expect(await listDeletedSyncPolicies("")).toMatchObject({ ok: false, error: { code: "InvalidArgument" } });
    expect(listInGraph).toHaveBeenCalledTimes(1);
    expect(findTenantNames).not.toHaveBeenCalled();
  });

  it("names nameless deleted policies after their tenants, asking only for those", async () => {
    const policy = (tenantId: string, displayName: string | null) => ({
      tenantId,
      displayName,
      userSyncAllowed: null,
      groupSyncAllowed: null,
      externalCloudAuthorizedApplicationId: null,
      deletedDateTime: "2026-11-20T00:00:00Z",
    });
    vi.mocked(listInGraph).mockResolvedValue(ok([policy(TENANT, null), policy(OTHER, "Contoso sync")]));
    vi.mocked(findTenantNames).mockResolvedValue(new Map([[TENANT, "Fabrikam"]]));
    const result = await listDeletedSyncPolicies(TOKEN);
    expect(result.ok && result.data.map((p) => [p.tenantId, p.displayName, p.partnerDisplayName])).toEqual([
      [TENANT, null, "Fabrikam"],
      [OTHER, "Contoso sync", null],
    ]);
    expect(findTenantNames).toHaveBeenCalledWith(TOKEN, [TENANT]);
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
