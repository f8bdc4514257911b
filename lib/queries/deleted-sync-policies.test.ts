import { beforeEach, describe, expect, it, vi } from "vitest";
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { ok, type Result } from "@/lib/result";
import { listDeletedSyncPoliciesPage, type DeletedSyncPoliciesPage } from "@/lib/actions/deleted-sync-policies";
import { makeDeletedSyncPolicy } from "@/tests/model-fixtures";
import { graphKeys } from "./keys";
import { deletedSyncPoliciesQuery } from "./deleted-sync-policies";
import { restoreSettled, restoreStarted } from "./cache-sync";

vi.mock("@/lib/actions/deleted-sync-policies", () => ({ listDeletedSyncPoliciesPage: vi.fn() }));

const ACCOUNT = "account-1";
const getToken = async () => "token";
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const link = (n: number) => `http://localhost:4010/beta/policies/deletedItems/crossTenantSyncPolicyPartners?$skiptoken=${n}`;
/** Page n holds ids n*10..n*10+1 and points at page n+1 until `last`. */
const page = (n: number, last: number): DeletedSyncPoliciesPage => ({
  policies: [makeDeletedSyncPolicy(id(n * 10)), makeDeletedSyncPolicy(id(n * 10 + 1))],
  nextLink: n < last ? link(n + 1) : null,
});
const pageNumber = (nextLink: string | null) => (nextLink === null ? 0 : Number(new URL(nextLink).searchParams.get("$skiptoken")));

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

const fetchList = (queryClient: QueryClient) => queryClient.fetchQuery({ ...deletedSyncPoliciesQuery(ACCOUNT, getToken, queryClient), staleTime: 0 });

beforeEach(() => vi.resetAllMocks());

describe("deletedSyncPoliciesQuery", () => {
  it("reads every page, one action each, and yields the whole list", async () => {
    vi.mocked(listDeletedSyncPoliciesPage).mockImplementation(async (_token, nextLink) => ok(page(pageNumber(nextLink), 2)));
    const list = await fetchList(new QueryClient());
    expect(list.map((policy) => policy.tenantId)).toEqual([id(0), id(1), id(10), id(11), id(20), id(21)]);
    expect(vi.mocked(listDeletedSyncPoliciesPage).mock.calls.map(([, nextLink]) => nextLink)).toEqual([null, link(1), link(2)]);
  });

  it("stops asking for pages once its query is cancelled", async () => {
    const second = deferred<Result<DeletedSyncPoliciesPage>>();
    vi.mocked(listDeletedSyncPoliciesPage).mockImplementation((_token, nextLink) =>
      nextLink === null ? Promise.resolve(ok(page(0, 5))) : second.promise,
    );
    const queryClient = new QueryClient();
    const observer = new QueryObserver(queryClient, deletedSyncPoliciesQuery(ACCOUNT, getToken, queryClient));
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => expect(listDeletedSyncPoliciesPage).toHaveBeenCalledTimes(2));
    // The last view using the list goes away while page 2 is on its way.
    unsubscribe();
    second.resolve(ok(page(1, 5)));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(listDeletedSyncPoliciesPage).toHaveBeenCalledTimes(2);
    expect(queryClient.getQueryData(graphKeys.deletedSyncPolicies(ACCOUNT))).toBeUndefined();
  });

  it("keeps a policy restored between two pages out of the list, though an earlier page still held it", async () => {
    const queryClient = new QueryClient();
    const second = deferred<Result<DeletedSyncPoliciesPage>>();
    vi.mocked(listDeletedSyncPoliciesPage).mockImplementation((_token, nextLink) =>
      nextLink === null ? Promise.resolve(ok(page(0, 1))) : second.promise,
    );
    const read = fetchList(queryClient);
    await vi.waitFor(() => expect(listDeletedSyncPoliciesPage).toHaveBeenCalledTimes(2));
    restoreStarted(queryClient, ACCOUNT, [id(1)]);
    restoreSettled(queryClient, ACCOUNT, id(1), true, null);
    second.resolve(ok(page(1, 1)));
    expect((await read).map((policy) => policy.tenantId)).toEqual([id(0), id(10), id(11)]);
  });

  it("fails with Graph's error when a later page fails, and on a paging link that comes round again", async () => {
    const denied = { status: 403, code: "Authorization_RequestDenied", message: "no", requestId: "r403", retryAfterSeconds: null };
    vi.mocked(listDeletedSyncPoliciesPage).mockImplementation(async (_token, nextLink) => (nextLink === null ? ok(page(0, 3)) : { ok: false, error: denied }));
    await expect(fetchList(new QueryClient())).rejects.toMatchObject({ appError: denied });

    vi.mocked(listDeletedSyncPoliciesPage).mockImplementation(async (_token, nextLink) =>
      ok({ policies: [], nextLink: nextLink === link(2) ? link(1) : nextLink === link(1) ? link(2) : link(1) }),
    );
    await expect(fetchList(new QueryClient())).rejects.toMatchObject({ appError: { code: "PagingLoop" } });
    expect(listDeletedSyncPoliciesPage).toHaveBeenCalledTimes(2 + 3);
  });
});
