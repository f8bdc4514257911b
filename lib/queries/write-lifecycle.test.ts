import { afterEach, describe, expect, it, vi } from "vitest";
import { focusManager, MutationObserver, onlineManager, QueryClient, QueryObserver } from "@tanstack/react-query";
import { isRetryableOutcome, rowsToResend, type WriteOutcome } from "@/lib/writes/outcome";
import { GraphActionError } from "./graph-action";
import { checkingNow, readForCheck, REREAD_BACKOFF_MS } from "./write-checks";
import { graphWriteOptions, WriteInFlightError, type GraphWrite } from "./writes";

const ACCOUNT = "account-1";
const getToken = async () => "token";
const LIST = ["graph", ACCOUNT, "things"] as const;
const denied = { status: 403, code: "Authorization_RequestDenied", message: "no", requestId: "r", retryAfterSeconds: null };

const outcome = (tenantId: string, kind: WriteOutcome["kind"]): WriteOutcome => ({
  write: "purge-sync-policy",
  tenantId,
  kind,
  policy: null,
  error: kind === "done" ? null : denied,
  attempts: 1,
});

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((settle, fail) => {
    resolve = settle;
    reject = fail;
  });
  return { promise, resolve, reject };
}

/** A write that removes its ids from a cached list, as purge and restore do. */
function removeWrite(send: GraphWrite<{ ids: string[] }>["send"], extra: Partial<GraphWrite<{ ids: string[] }>> = {}): GraphWrite<{ ids: string[] }> {
  return {
    targets: ({ ids }) => ids.map((id) => `thing:${id}`),
    optimistic: (queryClient, _accountId, { ids }) => queryClient.setQueryData<string[]>(LIST, (list) => list?.filter((id) => !ids.includes(id))),
    send,
    ...extra,
  };
}

function run(queryClient: QueryClient, write: GraphWrite<{ ids: string[] }>, ids: string[]) {
  return new MutationObserver(queryClient, graphWriteOptions(queryClient, ACCOUNT, getToken, write)).mutate({ ids });
}

function seeded(list = ["a", "b", "c"]) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(LIST, list);
  return queryClient;
}

describe("the one write lifecycle", () => {
  it("shows the edit at once and keeps it when Graph did the write", async () => {
    const queryClient = seeded();
    const answer = deferred<WriteOutcome[]>();
    const running = run(queryClient, removeWrite(() => answer.promise), ["a"]);
    await vi.waitFor(() => expect(queryClient.getQueryData(LIST)).toEqual(["b", "c"]));
    answer.resolve([outcome("a", "done")]);
    await running;
    expect(queryClient.getQueryData(LIST)).toEqual(["b", "c"]);
    expect(queryClient.getQueryState(LIST)?.isInvalidated).toBe(true);
  });

  it("puts the edit back when Graph refused the write", async () => {
    const queryClient = seeded();
    await run(queryClient, removeWrite(async () => [outcome("a", "forbidden")]), ["a"]);
    expect(queryClient.getQueryData(LIST)).toEqual(["a", "b", "c"]);
  });

  it("puts the edit back when the call failed as a whole", async () => {
    const queryClient = seeded();
    await expect(run(queryClient, removeWrite(() => Promise.reject(new GraphActionError(denied))), ["a"])).rejects.toBeInstanceOf(GraphActionError);
    expect(queryClient.getQueryData(LIST)).toEqual(["a", "b", "c"]);
  });

  it("after a lost answer re-reads what the views show instead of guessing: no rollback when the re-read works", async () => {
    const queryClient = seeded();
    // Graph did the write after all: the fresh read no longer has "a".
    const read = vi.fn(async () => ["b", "c", "d"]);
    const observer = new QueryObserver(queryClient, { queryKey: LIST, queryFn: read, staleTime: Infinity });
    const unsubscribe = observer.subscribe(() => {});
    const send = vi.fn(() => Promise.reject(new TypeError("Failed to fetch")));
    await expect(run(queryClient, removeWrite(send), ["a"])).rejects.toBeInstanceOf(TypeError);
    expect(send).toHaveBeenCalledTimes(1);
    expect(read).toHaveBeenCalled();
    expect(queryClient.getQueryData(LIST)).toEqual(["b", "c", "d"]);
    unsubscribe();
  });

  it("after a lost answer never puts the edit back, even while the re-read fails: it re-reads until Graph answers", async () => {
    vi.useFakeTimers();
    const queryClient = seeded();
    const read = vi.fn<() => Promise<string[]>>().mockRejectedValueOnce(new TypeError("Failed to fetch")).mockResolvedValueOnce(["a", "c", "d"]);
    const observer = new QueryObserver(queryClient, { queryKey: LIST, queryFn: read, staleTime: Infinity });
    const unsubscribe = observer.subscribe(() => {});
    const running = run(queryClient, removeWrite(() => Promise.reject(new TypeError("Failed to fetch"))), ["a"]).catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toHaveBeenCalledTimes(1);
    // Unknown stays unknown: not the list from before the write.
    expect(queryClient.getQueryData(LIST)).toEqual(["b", "c"]);
    await vi.advanceTimersByTimeAsync(REREAD_BACKOFF_MS[0]!);
    expect(await running).toBeInstanceOf(TypeError);
    expect(read).toHaveBeenCalledTimes(2);
    // What Graph holds: the write did not happen, and someone added "d".
    expect(queryClient.getQueryData(LIST)).toEqual(["a", "c", "d"]);
    unsubscribe();
    vi.useRealTimers();
  });

  it("refuses a second write to a target already on the wire, sending nothing and undoing nothing", async () => {
    const queryClient = seeded();
    const answer = deferred<WriteOutcome[]>();
    const send = vi.fn(() => answer.promise);
    const first = run(queryClient, removeWrite(send), ["a"]);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    await expect(run(queryClient, removeWrite(send), ["a", "b"])).rejects.toBeInstanceOf(WriteInFlightError);
    expect(send).toHaveBeenCalledTimes(1);
    answer.resolve([outcome("a", "done")]);
    await first;
    expect(queryClient.getQueryData(LIST)).not.toContain("a");
  });

  it("a write over rows sends only the rows not already on the wire", async () => {
    const queryClient = seeded();
    const answer = deferred<WriteOutcome[]>();
    const send = vi.fn(({ ids }: { ids: string[] }) => (ids.includes("a") ? answer.promise : Promise.resolve(ids.map((id) => outcome(id, "done")))));
    const narrow = (args: { ids: string[] }, claimed: string[]) => ({ ids: args.ids.filter((id) => claimed.includes(`thing:${id}`)) });
    const first = run(queryClient, removeWrite((_getToken, args) => send(args), { narrow }), ["a"]);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    const second = await run(queryClient, removeWrite((_getToken, args) => send(args), { narrow }), ["a", "b"]);
    expect(send.mock.calls[1]?.[0]).toEqual({ ids: ["b"] });
    expect(second.map((o) => o.tenantId)).toEqual(["b"]);
    answer.resolve([outcome("a", "done")]);
    await first;
    // Every target is free again once both are answered.
    await run(queryClient, removeWrite((_getToken, args) => send(args), { narrow }), ["a", "b"]);
    expect(send.mock.calls[2]?.[0]).toEqual({ ids: ["a", "b"] });
  });

  it("edits only the signed-in account's caches", async () => {
    const queryClient = seeded();
    const other = ["graph", "someone-else", "things"];
    queryClient.setQueryData(other, ["a"]);
    await run(queryClient, removeWrite(async () => [outcome("a", "forbidden")]), ["a"]);
    expect(queryClient.getQueryData(other)).toEqual(["a"]);
    expect(queryClient.getQueryState(other)?.isInvalidated).toBe(false);
  });
});

/** Graph as the check reads it: the ids still listed have not been done. */
function checkedWrite(send: GraphWrite<{ ids: string[] }>["send"], read: () => Promise<string[]>, queryClient: QueryClient): GraphWrite<{ ids: string[] }> {
  return removeWrite(send, {
    check: {
      write: "purge-sync-policy",
      tenantIds: ({ ids }) => ids,
      read: async () => {
        const listed = await read();
        // The real reads fill the cache they read, as this one does.
        queryClient.setQueryData(LIST, listed);
        return (id) => ({ reached: !listed.includes(id) });
      },
    },
  });
}

const lostAnswer = () => Promise.reject(new TypeError("Failed to fetch"));

describe("a write whose answer the dashboard's server lost", () => {
  afterEach(() => {
    vi.useRealTimers();
    onlineManager.setOnline(true);
    focusManager.setFocused(undefined);
  });

  it("shows its rows as checking, keeps the edit (no rollback), and settles each row by what Graph holds", async () => {
    vi.useFakeTimers();
    const queryClient = seeded(["a", "b", "c", "d"]);
    const read = vi.fn<() => Promise<string[]>>().mockRejectedValueOnce(new TypeError("Failed to fetch")).mockResolvedValueOnce(["b", "d"]);
    const send = vi.fn(lostAnswer);
    const running = run(queryClient, checkedWrite(send, read, queryClient), ["a", "b", "c"]);
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toHaveBeenCalledTimes(1);
    expect([...checkingNow(queryClient, ACCOUNT, "purge-sync-policy")].sort()).toEqual(["a", "b", "c"]);
    expect(queryClient.getQueryData(LIST)).toEqual(["d"]);

    // The read failed: nothing more until the backoff has passed.
    await vi.advanceTimersByTimeAsync(REREAD_BACKOFF_MS[0]! - 1);
    expect(read).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    const outcomes = await running;

    expect(send).toHaveBeenCalledTimes(1);
    expect(read).toHaveBeenCalledTimes(2);
    expect(checkingNow(queryClient, ACCOUNT, "purge-sync-policy").size).toBe(0);
    expect(outcomes.map(({ tenantId, kind, retrySafe, answerLost }) => ({ tenantId, kind, retrySafe, answerLost }))).toEqual([
      { tenantId: "a", kind: "done", retrySafe: false, answerLost: true },
      { tenantId: "b", kind: "unknown", retrySafe: true, answerLost: true },
      { tenantId: "c", kind: "done", retrySafe: false, answerLost: true },
    ]);
    expect(outcomes[1]?.error?.code).toBe("ServerUnreachable");
    // The rows converge to Graph: the read's list stays, the pre-write list does not come back.
    expect(queryClient.getQueryData(LIST)).toEqual(["b", "d"]);
  });

  it("backs off between failed re-reads, and re-reads at once when the browser is back online or the tab is focused again", async () => {
    vi.useFakeTimers();
    const queryClient = seeded(["a", "b"]);
    const read = vi
      .fn<() => Promise<string[]>>()
      .mockRejectedValueOnce(new TypeError("Failed to fetch"))
      .mockRejectedValueOnce(new TypeError("Failed to fetch"))
      .mockRejectedValueOnce(new TypeError("Failed to fetch"))
      .mockResolvedValueOnce(["b"]);
    const running = run(queryClient, checkedWrite(lostAnswer, read, queryClient), ["a", "b"]);
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toHaveBeenCalledTimes(1);

    onlineManager.setOnline(false);
    onlineManager.setOnline(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toHaveBeenCalledTimes(2);

    // The second wait is longer than the first.
    await vi.advanceTimersByTimeAsync(REREAD_BACKOFF_MS[0]!);
    expect(read).toHaveBeenCalledTimes(2);
    await vi.advanceTimersByTimeAsync(REREAD_BACKOFF_MS[1]! - REREAD_BACKOFF_MS[0]!);
    expect(read).toHaveBeenCalledTimes(3);

    focusManager.setFocused(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(read).toHaveBeenCalledTimes(3);
    focusManager.setFocused(true);
    const outcomes = await running;
    expect(read).toHaveBeenCalledTimes(4);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(["done", "unknown"]);
  });

  it("keeps what an answered call said and checks only the rows of the call whose answer was lost", async () => {
    const queryClient = seeded(["a", "b", "c"]);
    const read = vi.fn(async () => ["c"]);
    const send: GraphWrite<{ ids: string[] }>["send"] = async () => [
      { write: "purge-sync-policy", tenantId: "a", kind: "forbidden", policy: null, error: denied, attempts: 1 },
      { write: "purge-sync-policy", tenantId: "b", kind: "checking", policy: null, error: null, attempts: 1, answerLost: true },
      { write: "purge-sync-policy", tenantId: "c", kind: "checking", policy: null, error: null, attempts: 1, answerLost: true },
    ];
    const outcomes = await run(queryClient, checkedWrite(send, read, queryClient), ["a", "b", "c"]);
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(["forbidden", "done", "unknown"]);
  });

  it("finishing the rest sends only the rows Graph shows not done; the done ones are never sent again", async () => {
    const queryClient = seeded(["a", "b", "c", "d"]);
    const send = vi.fn<GraphWrite<{ ids: string[] }>["send"]>(lostAnswer);
    // Graph did "a" and "c" before the server died.
    const outcomes = await run(queryClient, checkedWrite(send, async () => ["b", "d"], queryClient), ["a", "b", "c", "d"]);
    expect(outcomes.filter(isRetryableOutcome).map((outcome) => outcome.tenantId)).toEqual(["b", "d"]);

    // The finish button re-reads first: "d" went through meanwhile (another admin), so only "b" goes.
    const toSend = rowsToResend(outcomes, new Set(["b"]));
    expect(toSend).toEqual(["b"]);
    send.mockImplementation(async (_getToken, { ids }) => ids.map((tenantId) => ({ write: "purge-sync-policy", tenantId, kind: "done", policy: null, error: null, attempts: 1 })));
    await run(queryClient, checkedWrite(send, async () => [], queryClient), toSend);
    expect(send.mock.calls.map(([, args]) => args.ids)).toEqual([["a", "b", "c", "d"], ["b"]]);
  });
});

describe("a check's read of a view", () => {
  it("leaves the view showing what it last read, as old as it was, when the read fails; takes the answer when it works", async () => {
    const queryClient = seeded(["a"]);
    const before = queryClient.getQueryState(LIST)!.dataUpdatedAt;
    await expect(readForCheck(queryClient, { queryKey: LIST, queryFn: () => Promise.reject(new TypeError("Failed to fetch")) })).rejects.toBeInstanceOf(TypeError);
    expect(queryClient.getQueryState(LIST)).toMatchObject({ status: "success", data: ["a"], dataUpdatedAt: before, error: null });
    expect(await readForCheck(queryClient, { queryKey: LIST, queryFn: async () => ["b"] })).toEqual(["b"]);
    expect(queryClient.getQueryData(LIST)).toEqual(["b"]);
  });
});
