import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { findTenantInformation } from "@/lib/actions/tenant-information";
import { ok } from "@/lib/result";
import { browserStorage } from "@/tests/browser-storage";

vi.mock("@/lib/actions/tenant-information", () => ({ findTenantInformation: vi.fn() }));

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

const ADMIN = "00000000-0000-4000-8000-00000000000a.7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f";
const READER = "00000000-0000-4000-8000-00000000000b.7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f";

/** A freshly loaded page (modules and all) with `accountId` signed in. */
async function signedIn(accountId: string | null = ADMIN) {
  const accounts = await import("@/lib/auth/account-storage");
  accounts.settleSignedInAccount(accountId);
  const store = await import("./tenant-information");
  return Object.assign(store, { accounts, storedKey: accounts.accountStorageKey(accountId ?? "", store.TENANT_INFO_NAME) });
}

let storage: ReturnType<typeof browserStorage>["localStorage"];
beforeEach(() => {
  vi.resetModules();
  const browser = browserStorage();
  storage = browser.localStorage;
  vi.stubGlobal("window", browser);
  vi.mocked(findTenantInformation).mockReset();
  vi.mocked(findTenantInformation).mockImplementation(async (_token, ids) =>
    ok({ found: ids.filter((tenantId) => tenantId !== id(99)).map((tenantId) => ({ tenantId, displayName: `Tenant ${tenantId.slice(-2)}`, defaultDomainName: `t${tenantId.slice(-2)}.example`, federationBrandName: null })), unknown: ids.filter((tenantId) => tenantId === id(99)) }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe("tenant names", () => {
  it("takes back lookups that have not gone out when the view that asked closes", async () => {
    const store = await signedIn();
    const getToken = async () => "token";
    const answer = vi.mocked(findTenantInformation).getMockImplementation()!;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    vi.mocked(findTenantInformation).mockImplementationOnce(async (token, ids) => {
      await held;
      return answer(token, ids);
    });
    const background = Array.from({ length: 60 }, (_, i) => id(i + 1));
    store.requestTenantInformation(background, getToken);
    await flush();
    // The first $batch is on its way; the other two are withdrawn.
    store.withdrawTenantInformation(background);
    release();
    for (let i = 0; i < 5; i++) await flush();
    const calls = vi.mocked(findTenantInformation).mock.calls.map(([, ids]) => ids);
    expect(calls.map((ids) => ids.length)).toEqual([20]);
    // Withdrawn tenants are asked again by the next view that needs them.
    store.requestTenantInformation([id(60)], getToken, true);
    for (let i = 0; i < 5; i++) await flush();
    expect(vi.mocked(findTenantInformation).mock.calls.at(-1)?.[1]).toEqual([id(60)]);
  });

  it("asks in $batches of 20, rows on screen first, each tenant once", async () => {
    const store = await signedIn();
    const getToken = async () => "token";
    store.requestTenantInformation(Array.from({ length: 30 }, (_, i) => id(i + 1)), getToken);
    store.requestTenantInformation([id(40), id(41), id(1)], getToken, true);
    for (let i = 0; i < 5; i++) await flush();
    const calls = vi.mocked(findTenantInformation).mock.calls.map(([, ids]) => ids);
    expect(calls.map((ids) => ids.length)).toEqual([20, 12]);
    expect(calls[0]?.slice(0, 2)).toEqual([id(40), id(41)]);
    expect(new Set(calls.flat()).size).toBe(32);
    expect(store.getCachedTenantInformation(id(41))).toMatchObject({ displayName: "Tenant 41", defaultDomainName: "t41.example" });
  });

  it("keeps names for days in this browser, unknown tenants included, and looks up again once they expire", async () => {
    const first = await signedIn();
    first.requestTenantInformation([id(7), id(99)], async () => "token");
    for (let i = 0; i < 5; i++) await flush();
    expect(findTenantInformation).toHaveBeenCalledTimes(1);
    expect(storage.getItem(first.storedKey)).not.toContain("token");

    vi.resetModules();
    const reloaded = await signedIn();
    expect(reloaded.getCachedTenantInformation(id(7))?.displayName).toBe("Tenant 07");
    reloaded.requestTenantInformation([id(7), id(99)], async () => "token");
    for (let i = 0; i < 5; i++) await flush();
    expect(findTenantInformation).toHaveBeenCalledTimes(1);

    const stored = JSON.parse(storage.getItem(reloaded.storedKey)!) as Record<string, { at: number }>;
    for (const entry of Object.values(stored)) entry.at -= reloaded.TENANT_INFO_TTL_MS + 1;
    storage.setItem(reloaded.storedKey, JSON.stringify(stored));
    vi.resetModules();
    const later = await signedIn();
    expect(later.getCachedTenantInformation(id(7))).toBeNull();
    later.requestTenantInformation([id(7)], async () => "token");
    for (let i = 0; i < 5; i++) await flush();
    expect(findTenantInformation).toHaveBeenCalledTimes(2);
  });

  it("a lookup that failed is asked again a minute later, not by every redraw before that", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const store = await signedIn();
      const getToken = async () => "token";
      vi.mocked(findTenantInformation).mockRejectedValueOnce(new TypeError("Failed to fetch"));
      store.requestTenantInformation([id(5)], getToken);
      for (let i = 0; i < 5; i++) await flush();
      store.requestTenantInformation([id(5)], getToken);
      for (let i = 0; i < 5; i++) await flush();
      expect(findTenantInformation).toHaveBeenCalledTimes(1);
      expect(store.getCachedTenantInformation(id(5))).toBeNull();

      vi.setSystemTime(Date.now() + 61_000);
      store.requestTenantInformation([id(5)], getToken);
      for (let i = 0; i < 5; i++) await flush();
      expect(findTenantInformation).toHaveBeenCalledTimes(2);
      expect(store.getCachedTenantInformation(id(5))?.displayName).toBe("Tenant 05");
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps names per signed-in account: another account looks them up afresh, and sign-out forgets them", async () => {
    const store = await signedIn(ADMIN);
    store.requestTenantInformation([id(7)], async () => "admin-token");
    for (let i = 0; i < 5; i++) await flush();
    expect(store.getCachedTenantInformation(id(7))?.displayName).toBe("Tenant 07");
    expect(storage.keys()).toEqual([store.storedKey]);

    // The reader signs in on the same tab: the admin's names are gone from memory and from this browser.
    store.accounts.settleSignedInAccount(READER);
    expect(store.getCachedTenantInformation(id(7))).toBeNull();
    expect(storage.getItem(store.storedKey)).toBeNull();
    store.requestTenantInformation([id(7)], async () => "reader-token");
    for (let i = 0; i < 5; i++) await flush();
    expect(vi.mocked(findTenantInformation).mock.calls.map(([token]) => token)).toEqual(["admin-token", "reader-token"]);
    expect(store.getCachedTenantInformation(id(7))?.displayName).toBe("Tenant 07");

    store.accounts.settleSignedInAccount(null);
    expect(store.getCachedTenantInformation(id(7))).toBeNull();
    expect(storage.keys()).toEqual([]);
    // Signed out, nothing is asked for.
    store.requestTenantInformation([id(8)], async () => "reader-token");
    for (let i = 0; i < 5; i++) await flush();
    expect(findTenantInformation).toHaveBeenCalledTimes(2);
  });

  it("names that arrive after sign-out are not kept, and what was still queued is not asked for", async () => {
    const store = await signedIn(ADMIN);
    const answer = vi.mocked(findTenantInformation).getMockImplementation()!;
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    vi.mocked(findTenantInformation).mockImplementationOnce(async (token, ids) => {
      await held;
      return answer(token, ids);
    });
    store.requestTenantInformation(Array.from({ length: 30 }, (_, i) => id(i + 1)), async () => "token");
    await flush();

    store.accounts.settleSignedInAccount(null);
    release();
    for (let i = 0; i < 5; i++) await flush();
    expect(findTenantInformation).toHaveBeenCalledTimes(1);
    expect(storage.keys()).toEqual([]);
    store.accounts.settleSignedInAccount(ADMIN);
    expect(store.getCachedTenantInformation(id(1))).toBeNull();
  });
});
