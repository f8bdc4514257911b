import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { findTenantInformation } from "@/lib/actions/tenant-information";
import { fail, ok, type Result, type Streamed } from "@/lib/core/result";
import type { TenantLookup } from "@/lib/graph/tenant-information";
import { browserStorage } from "@/tests/browser-storage";
import { streamOf } from "@/tests/streams";

vi.mock("@/lib/actions/tenant-information", () => ({ findTenantInformation: vi.fn() }));

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const ids = (from: number, count: number) => Array.from({ length: count }, (_, index) => id(from + index));
const flush = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
const getToken = async () => "token";

const ADMIN = "00000000-0000-4000-8000-00000000000a.7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f";
const READER = "00000000-0000-4000-8000-00000000000b.7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f";

/** A freshly loaded page (modules and all) with `accountId` signed in. */
async function signedIn(accountId: string | null = ADMIN) {
  const accounts = await import("@/lib/auth/account-storage");
  accounts.settleSignedInAccount(accountId);
  const store = await import("./tenant-information");
  return Object.assign(store, { accounts, storedKey: accounts.accountStorageKey(accountId ?? "", store.TENANT_INFO_NAME) });
}

/** What the server streams: one part per $batch of 20; tenant 99 is unknown to Graph. */
function answer(asked: readonly string[]): Result<Streamed<TenantLookup>> {
  const parts: Result<TenantLookup>[] = [];
  for (let start = 0; start < asked.length; start += 20) {
    const batch = asked.slice(start, start + 20);
    parts.push(
      ok({
        found: batch.filter((tenantId) => tenantId !== id(99)).map((tenantId) => ({ tenantId, displayName: `Tenant ${tenantId.slice(-2)}`, defaultDomainName: `t${tenantId.slice(-2)}.example`, federationBrandName: null })),
        unknown: batch.filter((tenantId) => tenantId === id(99)),
      }),
    );
  }
  return streamOf(...parts);
}

function held() {
  let release: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

const asked = () => vi.mocked(findTenantInformation).mock.calls.map(([, tenantIds]) => tenantIds);

let storage: ReturnType<typeof browserStorage>["localStorage"];
beforeEach(() => {
  vi.resetModules();
  const browser = browserStorage();
  storage = browser.localStorage;
  vi.stubGlobal("window", browser);
  vi.mocked(findTenantInformation).mockReset();
  vi.mocked(findTenantInformation).mockImplementation(async (_token, tenantIds) => answer(tenantIds));
});
afterEach(() => vi.unstubAllGlobals());

describe("tenant names", () => {
  it("asks in calls of up to 500 tenants, each tenant once, and keeps every answer", async () => {
    const store = await signedIn();
    store.requestTenantInformation([...ids(1, 1_200), id(5).toUpperCase()], getToken);
    store.requestTenantInformation(ids(1, 30), getToken);
    await flush();
    expect(asked().map((tenantIds) => tenantIds.length)).toEqual([500, 500, 200]);
    expect(new Set(asked().flat()).size).toBe(1_200);
    expect(store.getCachedTenantInformation(id(1_200))).toMatchObject({ displayName: "Tenant 00", defaultDomainName: "t00.example" });
  });

  it("the rows on screen go in their own lane: never behind a long lookup for search", async () => {
    const store = await signedIn();
    const searchLookup = held();
    vi.mocked(findTenantInformation).mockImplementationOnce(async (_token, tenantIds) => {
      await searchLookup.promise;
      return answer(tenantIds);
    });
    store.requestTenantInformation(ids(1, 500), getToken);
    await flush();
    // A row on screen whose tenant went out with the search lookup is not asked twice.
    store.requestTenantInformation([id(900), id(901), id(3)], getToken, true);
    await flush();
    expect(asked()).toEqual([ids(1, 500), [id(900), id(901)]]);
    expect(store.getCachedTenantInformation(id(901))?.displayName).toBe("Tenant 01");
    expect(store.getCachedTenantInformation(id(3))).toBeNull();
    searchLookup.release();
    await flush();
    expect(store.getCachedTenantInformation(id(3))?.displayName).toBe("Tenant 03");
  });

  it("takes back lookups that have not gone out when the view that asked closes", async () => {
    const store = await signedIn();
    const first = held();
    vi.mocked(findTenantInformation).mockImplementationOnce(async (_token, tenantIds) => {
      await first.promise;
      return answer(tenantIds);
    });
    const background = ids(1, 600);
    store.requestTenantInformation(background, getToken);
    await flush();
    // The first 500 are on their way; the other 100 are withdrawn.
    store.withdrawTenantInformation(background);
    first.release();
    await flush();
    expect(asked().map((tenantIds) => tenantIds.length)).toEqual([500]);
    // Withdrawn tenants are asked again by the next view that needs them.
    store.requestTenantInformation([id(600)], getToken, true);
    await flush();
    expect(asked().at(-1)).toEqual([id(600)]);
  });

  it("a row scrolled away before its name went out leaves the lookup for search in place", async () => {
    const store = await signedIn();
    const first = held();
    vi.mocked(findTenantInformation).mockImplementationOnce(async (_token, tenantIds) => {
      await first.promise;
      return answer(tenantIds);
    });
    store.requestTenantInformation([id(1)], getToken, true);
    await flush();
    store.requestTenantInformation([id(2)], getToken, true);
    store.requestTenantInformation([id(2), id(3)], getToken);
    store.withdrawTenantInformation([id(2)], true);
    first.release();
    await flush();
    expect(asked()).toEqual([[id(1)], [id(2), id(3)]]);
  });

  it("keeps names for days in this browser, unknown tenants included, and looks up again once they expire", async () => {
    const first = await signedIn();
    first.requestTenantInformation([id(7), id(99)], getToken);
    await flush();
    expect(findTenantInformation).toHaveBeenCalledTimes(1);
    expect(storage.getItem(first.storedKey)).not.toContain("token");

    vi.resetModules();
    const reloaded = await signedIn();
    expect(reloaded.getCachedTenantInformation(id(7))?.displayName).toBe("Tenant 07");
    reloaded.requestTenantInformation([id(7), id(99)], getToken);
    await flush();
    expect(findTenantInformation).toHaveBeenCalledTimes(1);

    const stored = JSON.parse(storage.getItem(reloaded.storedKey)!) as Record<string, { at: number }>;
    for (const entry of Object.values(stored)) entry.at -= reloaded.TENANT_INFO_TTL_MS + 1;
    storage.setItem(reloaded.storedKey, JSON.stringify(stored));
    vi.resetModules();
    const later = await signedIn();
    expect(later.getCachedTenantInformation(id(7))).toBeNull();
    later.requestTenantInformation([id(7)], getToken);
    await flush();
    expect(findTenantInformation).toHaveBeenCalledTimes(2);
  });

  it("a lookup that failed is asked again a minute later, not by every redraw before that", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const store = await signedIn();
      vi.mocked(findTenantInformation).mockRejectedValueOnce(new TypeError("Failed to fetch"));
      store.requestTenantInformation([id(5)], getToken);
      await flush();
      store.requestTenantInformation([id(5)], getToken);
      await flush();
      expect(findTenantInformation).toHaveBeenCalledTimes(1);
      expect(store.getCachedTenantInformation(id(5))).toBeNull();

      vi.setSystemTime(Date.now() + 61_000);
      store.requestTenantInformation([id(5)], getToken);
      await flush();
      expect(findTenantInformation).toHaveBeenCalledTimes(2);
      expect(store.getCachedTenantInformation(id(5))?.displayName).toBe("Tenant 05");
    } finally {
      vi.useRealTimers();
    }
  });

  it("tenants a stream left unanswered (a throttled $batch ended it) are asked again later; the answered ones are kept", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const store = await signedIn();
      const throttled = { status: 429, code: "TooManyRequests", message: "slow down", requestId: "r429", retryAfterSeconds: 30 };
      vi.mocked(findTenantInformation).mockImplementationOnce(async (_token, tenantIds) =>
        streamOf(ok({ found: [{ tenantId: tenantIds[0]!, displayName: "First", defaultDomainName: null, federationBrandName: null }], unknown: [] }), fail(throttled)),
      );
      store.requestTenantInformation(ids(1, 40), getToken);
      await flush();
      expect(store.getCachedTenantInformation(id(1))?.displayName).toBe("First");
      store.requestTenantInformation(ids(1, 40), getToken);
      await flush();
      expect(findTenantInformation).toHaveBeenCalledTimes(1);
      vi.setSystemTime(Date.now() + 61_000);
      store.requestTenantInformation(ids(1, 40), getToken);
      await flush();
      expect(asked().at(-1)).toEqual(ids(2, 39));
    } finally {
      vi.useRealTimers();
    }
  });

  it("keeps names per signed-in account: another account looks them up afresh, and sign-out forgets them", async () => {
    const store = await signedIn(ADMIN);
    store.requestTenantInformation([id(7)], async () => "admin-token");
    await flush();
    expect(store.getCachedTenantInformation(id(7))?.displayName).toBe("Tenant 07");
    expect(storage.keys()).toEqual([store.storedKey]);

    // The reader signs in on the same tab: the admin's names are gone from memory and from this browser.
    store.accounts.settleSignedInAccount(READER);
    expect(store.getCachedTenantInformation(id(7))).toBeNull();
    expect(storage.getItem(store.storedKey)).toBeNull();
    store.requestTenantInformation([id(7)], async () => "reader-token");
    await flush();
    expect(vi.mocked(findTenantInformation).mock.calls.map(([token]) => token)).toEqual(["admin-token", "reader-token"]);
    expect(store.getCachedTenantInformation(id(7))?.displayName).toBe("Tenant 07");

    store.accounts.settleSignedInAccount(null);
    expect(store.getCachedTenantInformation(id(7))).toBeNull();
    expect(storage.keys()).toEqual([]);
    // Signed out, nothing is asked for.
    store.requestTenantInformation([id(8)], async () => "reader-token");
    await flush();
    expect(findTenantInformation).toHaveBeenCalledTimes(2);
  });

  it("names that arrive after sign-out are not kept, and what was still queued is not asked for", async () => {
    const store = await signedIn(ADMIN);
    const lookup = held();
    vi.mocked(findTenantInformation).mockImplementationOnce(async (_token, tenantIds) => {
      await lookup.promise;
      return answer(tenantIds);
    });
    // The first 500 go out in one call; the other 100 wait for it.
    store.requestTenantInformation(ids(1, 600), async () => "token");
    await flush();

    store.accounts.settleSignedInAccount(null);
    lookup.release();
    await flush();
    expect(findTenantInformation).toHaveBeenCalledTimes(1);
    expect(storage.keys()).toEqual([]);
    store.accounts.settleSignedInAccount(ADMIN);
    expect(store.getCachedTenantInformation(id(1))).toBeNull();
  });

  it("a stream still answering when another account signs in hands that account none of its names", async () => {
    const store = await signedIn(ADMIN);
    const server = { release: () => undefined as void };
    vi.mocked(findTenantInformation).mockImplementationOnce(async (_token, tenantIds) => {
      const rest = held();
      server.release = rest.release;
      const whole = answer(tenantIds);
      if (!whole.ok) return whole;
      const streamed = whole.data.parts;
      // The first $batch's answer comes at once, the second waits.
      async function* parts() {
        let given = 0;
        for await (const part of streamed) {
          if (given++ === 1) await rest.promise;
          yield part;
        }
      }
      return ok({ parts: parts() });
    });
    store.requestTenantInformation(ids(1, 40), async () => "admin-token");
    await flush();
    expect(store.getCachedTenantInformation(id(1))?.displayName).toBe("Tenant 01");
    expect(store.getCachedTenantInformation(id(40))).toBeNull();

    store.accounts.settleSignedInAccount(READER);
    server.release();
    await flush();
    expect(store.getCachedTenantInformation(id(40))).toBeNull();
    expect(storage.keys()).toEqual([]);
  });
});
