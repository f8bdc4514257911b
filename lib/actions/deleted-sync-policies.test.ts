import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { fail, ok, type AppError } from "@/lib/result";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { listDeletedSyncPoliciesPage as listPageInGraph } from "@/lib/graph/sync-policies";
import { restoreSyncPolicies as restoreManyInGraph, restoreSyncPolicy as restoreOneInGraph } from "@/lib/graph/sync-policy-writes";
import { listDeletedSyncPoliciesPage, restoreSyncPolicies, restoreSyncPolicy } from "./deleted-sync-policies";
import { pinEmulatorEnv, TENANT, TOKEN } from "@/tests/action-env";
import { fakeFetch, json } from "@/tests/fake-fetch";

const realGraph = vi.hoisted(() => ({ listPage: null as unknown as typeof import("@/lib/graph/sync-policies").listDeletedSyncPoliciesPage }));
vi.mock("@/lib/graph/sync-policies", async (importOriginal) => {
  realGraph.listPage = (await importOriginal<typeof import("@/lib/graph/sync-policies")>()).listDeletedSyncPoliciesPage;
  return { listDeletedSyncPoliciesPage: vi.fn() };
});
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

describe("listDeletedSyncPoliciesPage", () => {
  it("validates the token and passes one page through with its nextLink", async () => {
    const page = { policies: [policy(TENANT, "Contoso sync")], nextLink: `${DELETED_LIST}?$skiptoken=2` };
    vi.mocked(listPageInGraph).mockResolvedValue(ok(page));
    expect(await listDeletedSyncPoliciesPage(TOKEN, null)).toEqual({ ok: true, data: page });
    expect(await listDeletedSyncPoliciesPage("", null)).toMatchObject({ ok: false, error: { code: "InvalidArgument" } });
    expect(listPageInGraph).toHaveBeenCalledTimes(1);
    expect(listPageInGraph).toHaveBeenCalledWith(TOKEN, null);
  });

  it("follows a nextLink of this list only", async () => {
    // lib/graph's own link check, with Graph behind a fake fetch that counts what reaches it.
    const graph = fakeFetch(() => json(200, { value: [] }));
    vi.stubGlobal("fetch", graph.fetch);
    vi.mocked(listPageInGraph).mockImplementation(realGraph.listPage);
    const link = `${DELETED_LIST}?$skiptoken=2`;
    expect(await listDeletedSyncPoliciesPage(TOKEN, link)).toEqual({ ok: true, data: { policies: [], nextLink: null } });
    expect(listPageInGraph).toHaveBeenCalledWith(TOKEN, link);
    for (const foreign of [
      "http://localhost:4010/beta/policies/crossTenantAccessPolicy/partners?$skiptoken=2",
      "http://localhost:4010/beta/policies/deletedItems/crossTenantPartners?$skiptoken=2",
      "https://attacker.example/beta/policies/deletedItems/crossTenantSyncPolicyPartners?$skiptoken=2",
    ]) {
      expect(await listDeletedSyncPoliciesPage(TOKEN, foreign)).toEqual({
        ok: false,
        error: expect.objectContaining({ code: "InvalidArgument", message: "nextLink must be a paging link of the deleted sync policies list" }),
      });
    }
    expect(graph.calls.map((call) => call.url.href)).toEqual([link]);
  });

  it("passes a failed page through", async () => {
    const denied: AppError = { status: 403, code: "Authorization_RequestDenied", message: "no", requestId: "r403", retryAfterSeconds: null };
    vi.mocked(listPageInGraph).mockResolvedValue(fail(denied));
    expect(await listDeletedSyncPoliciesPage(TOKEN, null)).toEqual({ ok: false, error: denied });
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
