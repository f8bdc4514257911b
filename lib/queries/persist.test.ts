import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { dehydrate, QueryClient } from "@tanstack/react-query";
import { browserStorage } from "@/tests/browser-storage";
import { graphKeys } from "./keys";
import type { PartnersList } from "./partners";

const ADMIN = "00000000-0000-4000-8000-00000000000a.7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f";
const READER = "00000000-0000-4000-8000-00000000000b.7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f";

let window: ReturnType<typeof browserStorage>;
beforeEach(() => {
  vi.resetModules();
  window = browserStorage();
  vi.stubGlobal("window", window);
});
afterEach(() => vi.unstubAllGlobals());

function client(data: string) {
  const queryClient = new QueryClient();
  queryClient.setQueryData(["graph", ADMIN, "partners-list"], data);
  return { timestamp: Date.now(), buster: "", clientState: dehydrate(queryClient) };
}

async function load() {
  const accounts = await import("@/lib/auth/account-storage");
  const persist = await import("./persist");
  return { accounts, persist, cacheKey: (accountId: string) => accounts.accountStorageKey(accountId, persist.QUERY_CACHE_NAME) };
}

describe("persisted query cache", () => {
  it("is stored under the signed-in account, and only that account reads it back", async () => {
    const { accounts, persist, cacheKey } = await load();
    accounts.settleSignedInAccount(ADMIN);
    const { persister } = persist.persistOptions(ADMIN);
    await persister.persistClient(client("Fabrikam"));
    await vi.waitFor(() => expect(window.sessionStorage.getItem(cacheKey(ADMIN))).toContain("Fabrikam"));
    expect(window.sessionStorage.keys()).toEqual([cacheKey(ADMIN)]);
    expect(await persister.restoreClient()).toBeDefined();

    accounts.settleSignedInAccount(READER);
    expect(window.sessionStorage.length).toBe(0);
    expect(await persist.persistOptions(READER).persister.restoreClient()).toBeUndefined();
  });

  it("turns the cache into text only when the tab is idle, not in the frame of the change", async () => {
    const { accounts, persist, cacheKey } = await load();
    accounts.settleSignedInAccount(ADMIN);
    const idle: (() => void)[] = [];
    Object.assign(window, { requestIdleCallback: (callback: () => void) => idle.push(callback) });
    const { persister } = persist.persistOptions(ADMIN);
    const stored = client("Fabrikam");
    let serialized = 0;
    Object.assign(stored, { toJSON: () => (serialized++, { ...stored, toJSON: undefined }) });
    void persister.persistClient(stored);
    await vi.waitFor(() => expect(idle).toHaveLength(1));
    expect(serialized).toBe(0);

    idle.forEach((run) => run());
    await vi.waitFor(() => expect(window.sessionStorage.getItem(cacheKey(ADMIN))).toContain("Fabrikam"));
    expect(serialized).toBe(1);
  });

  it("a write still waiting when the account signs out is dropped", async () => {
    const { accounts, persist, cacheKey } = await load();
    accounts.settleSignedInAccount(ADMIN);
    const idle: (() => void)[] = [];
    Object.assign(window, { requestIdleCallback: (callback: () => void) => idle.push(callback) });
    const { persister } = persist.persistOptions(ADMIN);
    void persister.persistClient(client("Fabrikam"));
    await vi.waitFor(() => expect(idle).toHaveLength(1));

    accounts.settleSignedInAccount(null);
    idle.forEach((write) => write());
    expect(window.sessionStorage.getItem(cacheKey(ADMIN))).toBeNull();
  });
});

describe("the stored query cache", () => {
  it("takes the partners list once it is whole, not while its pages are still arriving", async () => {
    const { persist } = await load();
    const stored = (list: PartnersList) => {
      const queryClient = new QueryClient();
      queryClient.setQueryData(graphKeys.partnersList(ADMIN), list);
      const query = queryClient.getQueryCache().find({ queryKey: graphKeys.partnersList(ADMIN) })!;
      return persist.persistOptions(ADMIN).dehydrateOptions?.shouldDehydrateQuery?.(query) ?? false;
    };
    expect(stored({ pages: [[]], complete: false })).toBe(false);
    expect(stored({ pages: [[]], complete: true })).toBe(true);
  });

  it("leaves out a list too large to write without holding the page up; it is read again on reload", async () => {
    const { persist } = await load();
    const stored = (rows: number) => {
      const queryClient = new QueryClient();
      const row = { tenantId: "t", displayName: "Partner", syncPolicy: null } as unknown as PartnersList["pages"][number][number];
      const half = Math.floor(rows / 2);
      queryClient.setQueryData(graphKeys.partnersList(ADMIN), { pages: [Array(half).fill(row), Array(rows - half).fill(row)], complete: true });
      const query = queryClient.getQueryCache().find({ queryKey: graphKeys.partnersList(ADMIN) })!;
      return persist.persistOptions(ADMIN).dehydrateOptions?.shouldDehydrateQuery?.(query) ?? false;
    };
    expect(stored(persist.MAX_STORED_ROWS)).toBe(true);
    expect(stored(persist.MAX_STORED_ROWS + 1)).toBe(false);
  });
});
