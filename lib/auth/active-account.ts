/**
 * The signed-in account, read from MSAL once per change instead of once per hook per render:
 * `getActiveAccount()` reads storage and decodes the ID token on every call, a few milliseconds
 * that every query hook of every render paid, on the path from a click to its request.
 *
 * MSAL raises an event for every change that can alter the answer (active account set or
 * cleared, in this tab or another, sign-in, sign-out, a token that brings new claims); any event
 * makes the next read ask MSAL again. A changed account list (from MsalProvider) does too.
 */
import type { AccountInfo, IPublicClientApplication } from "@azure/msal-browser";

interface Reads {
  /** Bumped by every MSAL event. */
  version: number;
  last: { version: number; accounts: readonly AccountInfo[]; account: AccountInfo | null } | null;
}

const reads = new WeakMap<IPublicClientApplication, Reads | "uncached">();

function readsOf(instance: IPublicClientApplication): Reads | "uncached" {
  let entry = reads.get(instance);
  if (entry === undefined) {
    const created: Reads = { version: 0, last: null };
    // Where MSAL cannot report its events, nothing can tell a stored answer is stale: ask it every time.
    const listening = instance.addEventCallback(() => {
      created.version += 1;
    });
    entry = listening ? created : "uncached";
    reads.set(instance, entry);
  }
  return entry;
}

/** The active account, or else the first signed-in one (what MsalProvider lists), or null. */
export function activeAccount(instance: IPublicClientApplication, accounts: readonly AccountInfo[]): AccountInfo | null {
  const entry = readsOf(instance);
  if (entry === "uncached") return instance.getActiveAccount() ?? accounts[0] ?? null;
  const { last } = entry;
  if (last && last.version === entry.version && last.accounts === accounts) return last.account;
  const account = instance.getActiveAccount() ?? accounts[0] ?? null;
  entry.last = { version: entry.version, accounts, account };
  return account;
}
