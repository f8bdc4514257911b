import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browserStorage } from "@/tests/browser-storage";

const ADMIN = "00000000-0000-4000-8000-00000000000a.7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f";
const READER = "00000000-0000-4000-8000-00000000000b.7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f";

let window: ReturnType<typeof browserStorage>;
beforeEach(() => {
  vi.resetModules();
  window = browserStorage();
  vi.stubGlobal("window", window);
});
afterEach(() => vi.unstubAllGlobals());

describe("account storage", () => {
  it("keys entries by the account's home account id, and only the signed-in account reads or writes them", async () => {
    const storage = await import("./account-storage");
    storage.settleSignedInAccount(ADMIN);
    storage.writeAccountItem("session", ADMIN, "deleted-selection", '["t1"]');
    storage.writeAccountItem("session", READER, "deleted-selection", '["t2"]');

    expect(window.sessionStorage.keys()).toEqual([storage.accountStorageKey(ADMIN, "deleted-selection")]);
    expect(storage.accountStorageKey(ADMIN, "deleted-selection")).toContain(ADMIN);
    expect(storage.accountStorageKey(ADMIN, "deleted-selection")).not.toBe(storage.accountStorageKey(READER, "deleted-selection"));
    expect(storage.readAccountItem("session", ADMIN, "deleted-selection")).toBe('["t1"]');
    expect(storage.readAccountItem("session", READER, "deleted-selection")).toBeNull();
  });

  it("keeps the signed-in account's own entries when it signs in again, and drops every other account's", async () => {
    const storage = await import("./account-storage");
    storage.settleSignedInAccount(ADMIN);
    storage.writeAccountItem("session", ADMIN, "query-cache", "{}");
    storage.writeAccountItem("local", ADMIN, "tenant-information", "{}");
    storage.settleSignedInAccount(ADMIN);
    expect(storage.readAccountItem("session", ADMIN, "query-cache")).toBe("{}");
    expect(storage.readAccountItem("local", ADMIN, "tenant-information")).toBe("{}");

    storage.settleSignedInAccount(READER);
    expect(window.sessionStorage.keys()).toEqual([]);
    expect(window.localStorage.keys()).toEqual([]);
    // Switching back finds nothing either: the admin's entries are gone, not hidden.
    storage.settleSignedInAccount(ADMIN);
    expect(storage.readAccountItem("session", ADMIN, "query-cache")).toBeNull();
  });

  it("forgets every account's entries at sign-out, and a write still waiting cannot bring them back", async () => {
    const storage = await import("./account-storage");
    storage.settleSignedInAccount(ADMIN);
    storage.writeAccountItem("session", ADMIN, "deleted-selection", '["t1"]');
    storage.writeAccountItem("local", ADMIN, "tenant-information", "{}");
    window.localStorage.setItem(storage.accountStorageKey(READER, "tenant-information"), "{}");

    storage.settleSignedInAccount(null);
    expect(window.sessionStorage.keys()).toEqual([]);
    expect(window.localStorage.keys()).toEqual([]);
    storage.writeAccountItem("session", ADMIN, "deleted-selection", '["t1"]');
    expect(window.sessionStorage.keys()).toEqual([]);
  });

  it("removes the shared entries earlier versions kept for whoever was signed in, and leaves sign-in's own keys alone", async () => {
    const storage = await import("./account-storage");
    window.sessionStorage.setItem("ctsd.deleted-selection", '["t1"]');
    window.sessionStorage.setItem(`ctsd.query-cache.${ADMIN}`, "{}");
    window.localStorage.setItem("tenant-information:v1", "{}");
    window.sessionStorage.setItem("ctsd.last-interactive-sign-in", "1");
    window.sessionStorage.setItem(`${ADMIN}-login.windows.net-idtoken-client-tenant---`, "{}");

    storage.settleSignedInAccount(READER);
    expect(window.localStorage.keys()).toEqual([]);
    expect(window.sessionStorage.keys().sort()).toEqual(["ctsd.last-interactive-sign-in", `${ADMIN}-login.windows.net-idtoken-client-tenant---`].sort());
  });

  it("tells the caches held in memory who is signed in now", async () => {
    const storage = await import("./account-storage");
    const settled: (string | null)[] = [];
    const stop = storage.onSignedInAccountSettled((accountId) => settled.push(accountId));
    storage.settleSignedInAccount(ADMIN);
    storage.settleSignedInAccount(null);
    stop();
    storage.settleSignedInAccount(READER);
    expect(settled).toEqual([ADMIN, null]);
  });
});
