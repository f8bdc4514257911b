import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { findTenantInformation } from "@/lib/actions/tenant-information";
import { fail, ok, type Result, type Streamed } from "@/lib/result";
import type { TenantLookup } from "@/lib/graph/tenant-information";
import { streamOf } from "@/tests/streams";

vi.mock("@/lib/actions/tenant-information", () => ({ findTenantInformation: vi.fn() }));

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const ids = (from: number, count: number) => Array.from({ length: count }, (_, index) => id(from + index));
const flush = async () => {
  for (let i = 0; i < 10; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};
const getToken = async () => "token";

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (key: string) => data.get(key) ?? null, setItem: (key: string, value: string) => void data.set(key, value), data };
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

let storage: ReturnType<typeof memoryStorage>;
beforeEach(() => {
  vi.resetModules();
  storage = memoryStorage();
  vi.stubGlobal("window", { localStorage: storage });
  vi.mocked(findTenantInformation).mockReset();
  vi.mocked(findTenantInformation).mockImplementation(async (_token, tenantIds) => answer(tenantIds));
});
afterEach(() => vi.unstubAllGlobals());

describe("tenant names", () => {
  it("asks in calls of up to 500 tenants, each tenant once, and keeps every answer", async () => {
    const store = await import("./tenant-information");
    store.requestTenantInformation([...ids(1, 1_200), id(5).toUpperCase()], getToken);
    store.requestTenantInformation(ids(1, 30), getToken);
    await flush();
    expect(asked().map((tenantIds) => tenantIds.length)).toEqual([500, 500, 200]);
    expect(new Set(asked().flat()).size).toBe(1_200);
    expect(store.getCachedTenantInformation(id(1_200))).toMatchObject({ displayName: "Tenant 00", defaultDomainName: "t00.example" });
  });

  it("the rows on screen go in their own lane: never behind a long lookup for search", async () => {
    const store = await import("./tenant-information");
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
    const store = await import("./tenant-information");
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
    const store = await import("./tenant-information");
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
    const first = await import("./tenant-information");
    first.requestTenantInformation([id(7), id(99)], getToken);
    await flush();
    expect(findTenantInformation).toHaveBeenCalledTimes(1);
    expect(storage.getItem("tenant-information:v1")).not.toContain("token");

    vi.resetModules();
    const reloaded = await import("./tenant-information");
    expect(reloaded.getCachedTenantInformation(id(7))?.displayName).toBe("Tenant 07");
    reloaded.requestTenantInformation([id(7), id(99)], getToken);
    await flush();
    expect(findTenantInformation).toHaveBeenCalledTimes(1);

    const stored = JSON.parse(storage.getItem("tenant-information:v1")!) as Record<string, { at: number }>;
    for (const entry of Object.values(stored)) entry.at -= reloaded.TENANT_INFO_TTL_MS + 1;
    storage.setItem("tenant-information:v1", JSON.stringify(stored));
    vi.resetModules();
    const later = await import("./tenant-information");
    expect(later.getCachedTenantInformation(id(7))).toBeNull();
    later.requestTenantInformation([id(7)], getToken);
    await flush();
    expect(findTenantInformation).toHaveBeenCalledTimes(2);
  });

  it("a lookup that failed is asked again a minute later, not by every redraw before that", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const store = await import("./tenant-information");
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
      const store = await import("./tenant-information");
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
});
