import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { findTenantInformation } from "@/lib/actions/tenant-information";
import { ok } from "@/lib/result";

vi.mock("@/lib/actions/tenant-information", () => ({ findTenantInformation: vi.fn() }));

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

function memoryStorage() {
  const data = new Map<string, string>();
  return { getItem: (key: string) => data.get(key) ?? null, setItem: (key: string, value: string) => void data.set(key, value), data };
}

let storage: ReturnType<typeof memoryStorage>;
beforeEach(() => {
  vi.resetModules();
  storage = memoryStorage();
  vi.stubGlobal("window", { localStorage: storage });
  vi.mocked(findTenantInformation).mockReset();
  vi.mocked(findTenantInformation).mockImplementation(async (_token, ids) =>
    ok({ found: ids.filter((tenantId) => tenantId !== id(99)).map((tenantId) => ({ tenantId, displayName: `Tenant ${tenantId.slice(-2)}`, defaultDomainName: `t${tenantId.slice(-2)}.example`, federationBrandName: null })), unknown: ids.filter((tenantId) => tenantId === id(99)) }),
  );
});
afterEach(() => vi.unstubAllGlobals());

describe("tenant names", () => {
  it("takes back lookups that have not gone out when the view that asked closes", async () => {
    const store = await import("./tenant-information");
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
    const store = await import("./tenant-information");
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
    const first = await import("./tenant-information");
    first.requestTenantInformation([id(7), id(99)], async () => "token");
    for (let i = 0; i < 5; i++) await flush();
    expect(findTenantInformation).toHaveBeenCalledTimes(1);
    expect(storage.getItem("tenant-information:v1")).not.toContain("token");

    vi.resetModules();
    const reloaded = await import("./tenant-information");
    expect(reloaded.getCachedTenantInformation(id(7))?.displayName).toBe("Tenant 07");
    reloaded.requestTenantInformation([id(7), id(99)], async () => "token");
    for (let i = 0; i < 5; i++) await flush();
    expect(findTenantInformation).toHaveBeenCalledTimes(1);

    const stored = JSON.parse(storage.getItem("tenant-information:v1")!) as Record<string, { at: number }>;
    for (const entry of Object.values(stored)) entry.at -= reloaded.TENANT_INFO_TTL_MS + 1;
    storage.setItem("tenant-information:v1", JSON.stringify(stored));
    vi.resetModules();
    const later = await import("./tenant-information");
    expect(later.getCachedTenantInformation(id(7))).toBeNull();
    later.requestTenantInformation([id(7)], async () => "token");
    for (let i = 0; i < 5; i++) await flush();
    expect(findTenantInformation).toHaveBeenCalledTimes(2);
  });

  it("a lookup that failed is asked again a minute later, not by every redraw before that", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const store = await import("./tenant-information");
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
});
