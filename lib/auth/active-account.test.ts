import { describe, expect, it } from "vitest";
import type { AccountInfo, EventCallbackFunction, EventMessage, IPublicClientApplication } from "@azure/msal-browser";
import { activeAccount } from "./active-account";

const account = (homeAccountId: string) => ({ homeAccountId, username: `${homeAccountId}@contoso.example` }) as AccountInfo;
const ADMIN = account("admin");
const READER = account("reader");

/** An MSAL instance with only what the read uses: the active account, and its event callbacks. */
function fakeMsal(listens = true) {
  let active: AccountInfo | null = ADMIN;
  const callbacks: EventCallbackFunction[] = [];
  const state = { reads: 0 };
  const instance = {
    getActiveAccount: () => {
      state.reads += 1;
      return active ? { ...active } : null;
    },
    addEventCallback: (callback: EventCallbackFunction) => {
      if (!listens) return null;
      callbacks.push(callback);
      return String(callbacks.length);
    },
  } as unknown as IPublicClientApplication;
  return {
    instance,
    state,
    /** What MSAL does on setActiveAccount: change it, then raise ACTIVE_ACCOUNT_CHANGED. */
    setActive(next: AccountInfo | null) {
      active = next;
      callbacks.forEach((callback) => callback({ eventType: "msal:activeAccountChanged" } as EventMessage));
    },
    /** A change MSAL made without an event: only a test can do this. */
    setActiveSilently(next: AccountInfo | null) {
      active = next;
    },
  };
}

describe("activeAccount", () => {
  it("asks MSAL once while nothing changes, however often it is read", () => {
    const msal = fakeMsal();
    const accounts = [ADMIN];
    for (let read = 0; read < 20; read += 1) expect(activeAccount(msal.instance, accounts)?.homeAccountId).toBe("admin");
    expect(msal.state.reads).toBe(1);
  });

  it("reads the new account after an account switch and after sign-out", () => {
    const msal = fakeMsal();
    const accounts = [ADMIN, READER];
    expect(activeAccount(msal.instance, accounts)?.homeAccountId).toBe("admin");
    msal.setActive(READER);
    expect(activeAccount(msal.instance, accounts)?.homeAccountId).toBe("reader");
    msal.setActive(null);
    expect(activeAccount(msal.instance, [])).toBeNull();
  });

  it("reads again when MsalProvider lists other accounts, even without an event", () => {
    const msal = fakeMsal();
    expect(activeAccount(msal.instance, [ADMIN])?.homeAccountId).toBe("admin");
    msal.setActiveSilently(null);
    // With no active account the first listed one stands in, as before.
    expect(activeAccount(msal.instance, [READER])?.homeAccountId).toBe("reader");
  });

  it("asks MSAL every time where MSAL cannot report events", () => {
    const msal = fakeMsal(false);
    const accounts = [ADMIN];
    expect(activeAccount(msal.instance, accounts)?.homeAccountId).toBe("admin");
    msal.setActiveSilently(READER);
    expect(activeAccount(msal.instance, accounts)?.homeAccountId).toBe("reader");
    expect(msal.state.reads).toBe(2);
  });
});
