import { beforeEach, describe, expect, it, vi } from "vitest";
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { fail, ok, type AppError } from "@/lib/core/result";
import type { DeletedSyncPolicy } from "@/lib/core/models";
import { listDeletedSyncPolicies } from "@/lib/actions/deleted-sync-policies";
import { makeDeletedSyncPolicy } from "@/tests/model-fixtures";
import { feedStream, streamOf } from "@/tests/streams";
import { graphKeys } from "./keys";
import { deletedSyncPoliciesQuery } from "./deleted-sync-policies";
import { restoreSettled, restoreStarted } from "./cache-sync";

vi.mock("@/lib/actions/deleted-sync-policies", () => ({ listDeletedSyncPolicies: vi.fn() }));

const ACCOUNT = "account-1";
const getToken = vi.fn(async (_options?: { forceRefresh?: boolean }) => "token");
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
/** Page n holds ids n*10 and n*10+1. */
const page = (n: number): DeletedSyncPolicy[] => [makeDeletedSyncPolicy(id(n * 10)), makeDeletedSyncPolicy(id(n * 10 + 1))];
const denied: AppError = { status: 403, code: "Authorization_RequestDenied", message: "no", requestId: "r403", retryAfterSeconds: null };
const expired: AppError = { status: 401, code: "InvalidAuthenticationToken", message: "expired", requestId: "r401", retryAfterSeconds: null };

const fetchList = (queryClient: QueryClient) => queryClient.fetchQuery({ ...deletedSyncPoliciesQuery(ACCOUNT, getToken, queryClient), staleTime: 0 });

beforeEach(() => vi.clearAllMocks());

describe("deletedSyncPoliciesQuery", () => {
  it("reads every page from one streamed call and yields the whole list", async () => {
    vi.mocked(listDeletedSyncPolicies).mockResolvedValue(streamOf(ok(page(0)), ok(page(1)), ok(page(2))));
    const list = await fetchList(new QueryClient());
    expect(list.map((policy) => policy.tenantId)).toEqual([id(0), id(1), id(10), id(11), id(20), id(21)]);
    expect(listDeletedSyncPolicies).toHaveBeenCalledTimes(1);
    expect(listDeletedSyncPolicies).toHaveBeenCalledWith("token");
  });

  it("stops listening once its query is cancelled", async () => {
    const stream = feedStream<DeletedSyncPolicy[]>();
    vi.mocked(listDeletedSyncPolicies).mockResolvedValue(stream.answer);
    const queryClient = new QueryClient();
    const observer = new QueryObserver(queryClient, deletedSyncPoliciesQuery(ACCOUNT, getToken, queryClient));
    const unsubscribe = observer.subscribe(() => undefined);
    stream.push(ok(page(0)));
    await vi.waitFor(() => expect(stream.pulled).toBe(2));
    // The last view using the list goes away while page 2 is on its way.
    unsubscribe();
    stream.push(ok(page(1)));
    stream.push(ok(page(2)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stream.pulled).toBe(2);
    expect(queryClient.getQueryData(graphKeys.deletedSyncPolicies(ACCOUNT))).toBeUndefined();
    expect(queryClient.getQueryState(graphKeys.deletedSyncPolicies(ACCOUNT))?.fetchStatus).toBe("idle");
  });

  it("keeps a policy restored between two pages out of the list, though an earlier page still held it", async () => {
    const queryClient = new QueryClient();
    const stream = feedStream<DeletedSyncPolicy[]>();
    vi.mocked(listDeletedSyncPolicies).mockResolvedValue(stream.answer);
    const read = fetchList(queryClient);
    stream.push(ok(page(0)));
    await vi.waitFor(() => expect(stream.pulled).toBe(2));
    restoreStarted(queryClient, ACCOUNT, [id(1)]);
    restoreSettled(queryClient, ACCOUNT, id(1), true, null);
    stream.push(ok(page(1)));
    stream.end();
    expect((await read).map((policy) => policy.tenantId)).toEqual([id(0), id(10), id(11)]);
  });

  it("fails with Graph's error when a later page fails", async () => {
    vi.mocked(listDeletedSyncPolicies).mockResolvedValue(streamOf(ok(page(0)), fail(denied)));
    await expect(fetchList(new QueryClient())).rejects.toMatchObject({ appError: denied });
  });

  it("after a 401 part way, renews the token once and reads the list again from the start", async () => {
    vi.mocked(listDeletedSyncPolicies)
      .mockResolvedValueOnce(streamOf(ok(page(0)), fail(expired)))
      .mockResolvedValueOnce(streamOf(ok(page(0)), ok(page(1))));
    const list = await fetchList(new QueryClient());
    expect(list.map((policy) => policy.tenantId)).toEqual([id(0), id(1), id(10), id(11)]);
    expect(getToken).toHaveBeenLastCalledWith({ forceRefresh: true });
    expect(listDeletedSyncPolicies).toHaveBeenCalledTimes(2);
  });

  it("gives up after one renewal", async () => {
    vi.mocked(listDeletedSyncPolicies).mockImplementation(async () => streamOf(fail(expired)));
    await expect(fetchList(new QueryClient())).rejects.toMatchObject({ appError: expired });
    expect(listDeletedSyncPolicies).toHaveBeenCalledTimes(2);
  });
});
