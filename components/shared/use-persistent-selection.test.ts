import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { browserStorage } from "@/tests/browser-storage";

const ADMIN = "00000000-0000-4000-8000-00000000000a.7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f";
const READER = "00000000-0000-4000-8000-00000000000b.7d0c5f8e-3b1a-4c2d-9e8f-1a2b3c4d5e6f";
const TICKED = ["9c5d131d-b1c3-4fc4-9e3f-c6557947d551", "3f1e2d4c-5b6a-4978-8695-a4b3c2d1e0f9"];

beforeEach(() => {
  vi.resetModules();
  vi.stubGlobal("window", browserStorage());
});
afterEach(() => vi.unstubAllGlobals());

async function load() {
  return { accounts: await import("@/lib/auth/account-storage"), selection: await import("./use-persistent-selection") };
}

describe("deleted policies selection", () => {
  it("comes back when the same account signs in again in this tab", async () => {
    const { accounts, selection } = await load();
    accounts.settleSignedInAccount(ADMIN);
    selection.storeSelection(ADMIN, new Set(TICKED));

    // The page reloads after the sign-in round trip.
    vi.resetModules();
    const again = await load();
    again.accounts.settleSignedInAccount(ADMIN);
    expect([...again.selection.storedSelection(ADMIN)]).toEqual(TICKED);
  });

  it("is never seen by another account signing in on the same tab, and is gone when the first comes back", async () => {
    const { accounts, selection } = await load();
    accounts.settleSignedInAccount(ADMIN);
    selection.storeSelection(ADMIN, new Set(TICKED));

    accounts.settleSignedInAccount(READER);
    expect(selection.storedSelection(READER).size).toBe(0);
    accounts.settleSignedInAccount(ADMIN);
    expect(selection.storedSelection(ADMIN).size).toBe(0);
  });

  it("is forgotten at sign-out", async () => {
    const { accounts, selection } = await load();
    accounts.settleSignedInAccount(ADMIN);
    selection.storeSelection(ADMIN, new Set(TICKED));
    accounts.settleSignedInAccount(null);
    expect(window.sessionStorage.length).toBe(0);
    accounts.settleSignedInAccount(ADMIN);
    expect(selection.storedSelection(ADMIN).size).toBe(0);
  });
});

describe("ticking rows", () => {
  it("ticks a row, and unticks it when it was ticked, leaving the rest", async () => {
    const { selection } = await load();
    const [a, b] = TICKED as [string, string];
    expect([...selection.toggleSelected(new Set([a]), b)]).toEqual([a, b]);
    expect([...selection.toggleSelected(new Set([a, b]), a)]).toEqual([b]);
  });

  it("ticks every shown row, unticks them when all were, and keeps rows the filter hides", async () => {
    const { selection } = await load();
    const [a, b] = TICKED as [string, string];
    const hidden = "11111111-2222-4333-8444-555555555555";
    expect([...selection.toggleAllShown(new Set([hidden, a]), [a, b])].sort()).toEqual([hidden, a, b].sort());
    expect([...selection.toggleAllShown(new Set([hidden, a, b]), [a, b])]).toEqual([hidden]);
    expect([...selection.toggleAllShown(new Set([hidden]), [])]).toEqual([hidden]);
  });
});
