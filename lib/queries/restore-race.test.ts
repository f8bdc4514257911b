import { beforeEach, describe, expect, it, vi } from "vitest";
import { MutationObserver, QueryClient } from "@tanstack/react-query";
import type { DeletedSyncPolicy, SyncPolicy } from "@/lib/core/models";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { ok, type Result } from "@/lib/core/result";
import { getPartnerDetail } from "@/lib/actions/partners";
import { listDeletedSyncPolicies, restoreSyncPolicies } from "@/lib/actions/deleted-sync-policies";
import { feedStream, streamOf } from "@/tests/streams";
import { makeDeletedSyncPolicy, makePartner, makeSyncPolicy } from "@/tests/model-fixtures";
import { graphKeys } from "./keys";
import { partnerDetailQuery, type PartnerDetail } from "./partners";
import { deletedSyncPoliciesQuery } from "./deleted-sync-policies";
import { MAX_TENANT_IDS_PER_CALL } from "@/lib/writes/outcome";
import { restoreMutationOptions } from "./restore";

vi.mock("@/lib/actions/partners", () => ({ getPartnerDetail: vi.fn(), listPartners: vi.fn() }));
vi.mock("@/lib/actions/deleted-sync-policies", () => ({ listDeletedSyncPolicies: vi.fn(), restoreSyncPolicies: vi.fn(), restoreSyncPolicy: vi.fn() }));

const ACCOUNT = "account-1";
const A = "aaaaaaaa-0000-4000-8000-000000000001";
const getToken = async () => "token";
const live: SyncPolicy = makeSyncPolicy(A, { userSyncAllowed: true });
const deletedA: DeletedSyncPolicy = makeDeletedSyncPolicy(A);

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

function restore(queryClient: QueryClient, tenantIds: string[]) {
  return new MutationObserver(queryClient, restoreMutationOptions(queryClient, ACCOUNT, getToken)).mutate({ tenantIds });
}

beforeEach(() => vi.resetAllMocks());

describe("a read in flight when a restore starts", () => {
  it("does not put the restored policy back into the deleted list from a partner detail read", async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(ACCOUNT), [deletedA]);
    queryClient.setQueryData<PartnerDetail>(graphKeys.partnerDetail(ACCOUNT, A), { partner: makePartner(A), deletedSyncPolicy: deletedA });
    // Graph answered this read before the restore: the policy was still in deleted items.
    const staleRead = deferred<Result<PartnerDetail>>();
    vi.mocked(getPartnerDetail).mockReturnValue(staleRead.promise);
    const answer = deferred<Result<WriteOutcome[]>>();
    vi.mocked(restoreSyncPolicies).mockReturnValue(answer.promise);

    const read = queryClient.fetchQuery({ ...partnerDetailQuery(ACCOUNT, A, getToken, queryClient), staleTime: 0 }).catch(() => null);
    await vi.waitFor(() => expect(getPartnerDetail).toHaveBeenCalled());
    const restoring = restore(queryClient, [A]);
    await vi.waitFor(() => expect(restoreSyncPolicies).toHaveBeenCalled());
    staleRead.resolve(ok({ partner: makePartner(A), deletedSyncPolicy: deletedA }));
    await read;
    answer.resolve(ok([{ write: "restore-sync-policy", tenantId: A, kind: "done", policy: live, error: null, attempts: 1 }]));
    await restoring;

    expect(queryClient.getQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(ACCOUNT))).toEqual([]);
    expect(queryClient.getQueryData<PartnerDetail>(graphKeys.partnerDetail(ACCOUNT, A))).toMatchObject({ partner: { syncPolicy: live }, deletedSyncPolicy: null });
  });

  it("does not resurrect it from a deleted-list read that lands after the restore", async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(ACCOUNT), [deletedA]);
    const staleRead = feedStream<DeletedSyncPolicy[]>();
    vi.mocked(listDeletedSyncPolicies).mockResolvedValue(staleRead.answer);
    const answer = deferred<Result<WriteOutcome[]>>();
    vi.mocked(restoreSyncPolicies).mockReturnValue(answer.promise);

    // Started after the restore went out (nothing to cancel yet), answered with what Graph had before it.
    const restoring = restore(queryClient, [A]);
    await vi.waitFor(() => expect(restoreSyncPolicies).toHaveBeenCalled());
    const read = queryClient.fetchQuery({ ...deletedSyncPoliciesQuery(ACCOUNT, getToken, queryClient), staleTime: 0 });
    await vi.waitFor(() => expect(staleRead.pulled).toBe(1));
    answer.resolve(ok([{ write: "restore-sync-policy", tenantId: A, kind: "done", policy: live, error: null, attempts: 1 }]));
    await restoring;
    staleRead.push(ok([deletedA]));
    staleRead.end();
    expect(await read).toEqual([]);
    expect(queryClient.getQueryData(graphKeys.deletedSyncPolicies(ACCOUNT))).toEqual([]);
  });
});

describe("large selections", () => {
  it("go in calls of at most 500 ids, every outcome kept", async () => {
    const ids = Array.from({ length: 1_234 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`);
    vi.mocked(restoreSyncPolicies).mockImplementation(async (_token, chunk) =>
      ok(chunk.map((tenantId) => ({ write: "restore-sync-policy" as const, tenantId, kind: "done" as const, policy: null, error: null, attempts: 1 }))),
    );
    const outcomes = await restore(new QueryClient(), ids);
    expect(vi.mocked(restoreSyncPolicies).mock.calls.map(([, chunk]) => chunk.length)).toEqual([MAX_TENANT_IDS_PER_CALL, MAX_TENANT_IDS_PER_CALL, 234]);
    expect(outcomes.map((outcome) => outcome.tenantId)).toEqual(ids);
  });

  it("a later call that is refused leaves its ids failed, not the whole run", async () => {
    const ids = Array.from({ length: 501 }, (_, index) => `00000000-0000-4000-8000-${String(index).padStart(12, "0")}`);
    const denied = { status: 403, code: "Authorization_RequestDenied", message: "no", requestId: "r", retryAfterSeconds: null };
    vi.mocked(restoreSyncPolicies)
      .mockImplementationOnce(async (_token, chunk) => ok(chunk.map((tenantId) => ({ write: "restore-sync-policy" as const, tenantId, kind: "done" as const, policy: null, error: null, attempts: 1 }))))
      .mockResolvedValueOnce({ ok: false, error: denied });
    const outcomes = await restore(new QueryClient(), ids);
    expect(outcomes.filter((outcome) => outcome.kind === "done")).toHaveLength(500);
    expect(outcomes.at(-1)).toMatchObject({ tenantId: ids[500], kind: "failed", error: denied });
  });
});

describe("a restore whose answer the dashboard's server lost", () => {
  it("is settled by a fresh read of deleted items that its own fences do not hide, and the list converges to it", async () => {
    const B = "bbbbbbbb-0000-4000-8000-000000000002";
    const deletedB = makeDeletedSyncPolicy(B);
    const queryClient = new QueryClient();
    queryClient.setQueryData<DeletedSyncPolicy[]>(graphKeys.deletedSyncPolicies(ACCOUNT), [deletedA, deletedB]);
    vi.mocked(restoreSyncPolicies).mockRejectedValue(new TypeError("Failed to fetch"));
    // Graph restored A before the server died; B is still in deleted items.
    vi.mocked(listDeletedSyncPolicies).mockResolvedValue(streamOf(ok([deletedB])));

    const outcomes = await restore(queryClient, [A, B]);

    expect(restoreSyncPolicies).toHaveBeenCalledTimes(1);
    expect(outcomes.map(({ tenantId, kind, answerLost }) => ({ tenantId, kind, answerLost }))).toEqual([
      { tenantId: A, kind: "done", answerLost: true },
      { tenantId: B, kind: "unknown", answerLost: true },
    ]);
    expect(queryClient.getQueryData(graphKeys.deletedSyncPolicies(ACCOUNT))).toEqual([deletedB]);
  });
});
