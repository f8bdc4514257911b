import { describe, expect, it, vi } from "vitest";
import { MutationObserver, QueryClient, QueryObserver } from "@tanstack/react-query";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { GraphActionError } from "./graph-action";
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

  it("after a lost answer puts the edit back only when the re-read fails too", async () => {
    const queryClient = seeded();
    const observer = new QueryObserver(queryClient, { queryKey: LIST, queryFn: () => Promise.reject(new Error("down")), staleTime: Infinity });
    const unsubscribe = observer.subscribe(() => {});
    await expect(run(queryClient, removeWrite(() => Promise.reject(new TypeError("Failed to fetch"))), ["a"])).rejects.toBeInstanceOf(TypeError);
    expect(queryClient.getQueryData(LIST)).toEqual(["a", "b", "c"]);
    unsubscribe();
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
