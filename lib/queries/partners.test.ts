import { beforeEach, describe, expect, it, vi } from "vitest";
import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { fail, ok, type AppError } from "@/lib/core/result";
import type { PartnerRow } from "@/lib/core/models";
import { listPartners } from "@/lib/actions/partners";
import { makePartner, makeSyncPolicy } from "@/tests/model-fixtures";
import { partnersList, rowsOf } from "@/tests/partners-list";
import { feedStream, streamOf } from "@/tests/streams";
import { graphKeys } from "./keys";
import { partnersListQuery, type PartnersList } from "./partners";
import { restoreSettled, restoreStarted, updatePartnerRows } from "./cache-sync";
import { toPartnerRow } from "@/lib/partners/row";

vi.mock("@/lib/actions/partners", () => ({ listPartners: vi.fn(), getPartnerDetail: vi.fn() }));

const ACCOUNT = "account-1";
const KEY = graphKeys.partnersList(ACCOUNT);
const getToken = async () => "token";
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const row = (n: number): PartnerRow => toPartnerRow(makePartner(id(n)));
/** Page n holds partners n*10 and n*10+1. */
const page = (n: number): PartnerRow[] => [row(n * 10), row(n * 10 + 1)];
const denied: AppError = { status: 403, code: "Authorization_RequestDenied", message: "no", requestId: "r403", retryAfterSeconds: null };
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function watch(queryClient: QueryClient) {
  const observer = new QueryObserver(queryClient, partnersListQuery(ACCOUNT, getToken, queryClient));
  return observer.subscribe(() => undefined);
}

const cached = (queryClient: QueryClient) => queryClient.getQueryData<PartnersList>(KEY);
const ids = (list: PartnersList | undefined) => rowsOf(list).map((partner) => partner.tenantId);

beforeEach(() => vi.clearAllMocks());

describe("partnersListQuery", () => {
  it("puts each page in the cache as it arrives, from one streamed call, and says when the list is whole", async () => {
    const stream = feedStream<PartnerRow[]>();
    vi.mocked(listPartners).mockResolvedValue(stream.answer);
    const queryClient = new QueryClient();
    const stop = watch(queryClient);
    stream.push(ok(page(0)));
    await vi.waitFor(() => expect(ids(cached(queryClient))).toEqual([id(0), id(1)]));
    expect(cached(queryClient)?.complete).toBe(false);
    stream.push(ok(page(1)));
    await vi.waitFor(() => expect(ids(cached(queryClient))).toHaveLength(4));
    expect(cached(queryClient)?.complete).toBe(false);
    stream.end();
    await vi.waitFor(() => expect(cached(queryClient)?.complete).toBe(true));
    expect(ids(cached(queryClient))).toEqual([id(0), id(1), id(10), id(11)]);
    expect(listPartners).toHaveBeenCalledTimes(1);
    stop();
  });

  it("keeps a whole list on screen while it is read again, then shows the new one whole", async () => {
    const queryClient = new QueryClient();
    queryClient.setQueryData<PartnersList>(KEY, partnersList([makePartner(id(90))]));
    const stream = feedStream<PartnerRow[]>();
    vi.mocked(listPartners).mockResolvedValue(stream.answer);
    const stop = watch(queryClient);
    const refetch = queryClient.refetchQueries({ queryKey: KEY });
    stream.push(ok(page(0)));
    await vi.waitFor(() => expect(stream.pulled).toBe(2));
    expect(cached(queryClient)).toEqual(partnersList([makePartner(id(90))]));
    stream.push(ok(page(1)));
    stream.end();
    await refetch;
    expect(cached(queryClient)).toEqual({ pages: [page(0), page(1)], complete: true });
    stop();
  });

  it("stops listening when its last view goes, keeps the rows it has, and the next view reads the list again", async () => {
    const stream = feedStream<PartnerRow[]>();
    vi.mocked(listPartners).mockResolvedValueOnce(stream.answer).mockResolvedValueOnce(streamOf(ok(page(5)), ok(page(6))));
    const queryClient = new QueryClient();
    const stop = watch(queryClient);
    stream.push(ok(page(0)));
    await vi.waitFor(() => expect(stream.pulled).toBe(2));
    stop();
    stream.push(ok(page(1)));
    await settle();
    expect(stream.pulled).toBe(2);
    expect(cached(queryClient)).toEqual({ pages: [page(0)], complete: false });
    expect(queryClient.getQueryState(KEY)?.fetchStatus).toBe("idle");

    const again = watch(queryClient);
    await vi.waitFor(() => expect(cached(queryClient)?.complete).toBe(true));
    expect(ids(cached(queryClient))).toEqual([id(50), id(51), id(60), id(61)]);
    again();
  });

  it("keeps the rows already read when a later page fails, marked incomplete", async () => {
    vi.mocked(listPartners).mockResolvedValue(streamOf(ok(page(0)), fail(denied)));
    const queryClient = new QueryClient();
    const stop = watch(queryClient);
    await vi.waitFor(() => expect(queryClient.getQueryState(KEY)?.status).toBe("error"));
    expect(queryClient.getQueryState(KEY)?.error).toMatchObject({ appError: denied });
    expect(cached(queryClient)).toEqual({ pages: [page(0)], complete: false });
    stop();
  });

  it("keeps an edit made to a page already shown (a delete) when the rest arrives", async () => {
    const stream = feedStream<PartnerRow[]>();
    vi.mocked(listPartners).mockResolvedValue(stream.answer);
    const queryClient = new QueryClient();
    const stop = watch(queryClient);
    stream.push(ok(page(0)));
    await vi.waitFor(() => expect(ids(cached(queryClient))).toHaveLength(2));
    updatePartnerRows(queryClient, ACCOUNT, (rows) => rows.filter((partner) => partner.tenantId !== id(1)));
    stream.push(ok(page(1)));
    stream.end();
    await vi.waitFor(() => expect(cached(queryClient)?.complete).toBe(true));
    expect(ids(cached(queryClient))).toEqual([id(0), id(10), id(11)]);
    stop();
  });

  it("fences every page by the read's start: a policy restored meanwhile shows on pages before and after", async () => {
    const stream = feedStream<PartnerRow[]>();
    vi.mocked(listPartners).mockResolvedValue(stream.answer);
    const queryClient = new QueryClient();
    const stop = watch(queryClient);
    stream.push(ok(page(0)));
    await vi.waitFor(() => expect(ids(cached(queryClient))).toHaveLength(2));
    restoreStarted(queryClient, ACCOUNT, [id(1), id(10)]);
    restoreSettled(queryClient, ACCOUNT, id(1), true, makeSyncPolicy(id(1), { userSyncAllowed: true }));
    restoreSettled(queryClient, ACCOUNT, id(10), true, makeSyncPolicy(id(10), { userSyncAllowed: true }));
    // Read before the restore: Graph still had no live policy for them.
    stream.push(ok(page(1)));
    stream.end();
    await vi.waitFor(() => expect(cached(queryClient)?.complete).toBe(true));
    const policies = rowsOf(cached(queryClient)).map((partner) => [partner.tenantId, partner.syncPolicy?.userSyncAllowed ?? null]);
    expect(policies).toEqual([
      [id(0), null],
      [id(1), true],
      [id(10), true],
      [id(11), null],
    ]);
    stop();
  });
});
