/**
 * Owns what the browser keeps for one signed-in account: the query cache, selections, partner
 * names. Each entry's key names the account's home account id (never a token), so no other
 * account reads it, and it is written only while that account is the one signed in.
 * `settleSignedInAccount` is called where the console learns who is signed in (start-up, sign-out,
 * an account switch): it forgets every other account's entries in both storages and tells the
 * in-memory caches built on them to do the same.
 */

export type StorageArea = "session" | "local";

const PREFIX = "ctsd.account:";

/** Shared keys earlier versions wrote for whoever was signed in: removed on sight. */
const UNSCOPED_KEYS = ["ctsd.deleted-selection", "tenant-information:v1"];
const UNSCOPED_PREFIXES = ["ctsd.query-cache."];

let signedIn: string | null = null;
const listeners = new Set<(accountId: string | null) => void>();

function accountPrefix(accountId: string): string {
  // Encoded, so no account's prefix is the start of another's.
  return `${PREFIX}${encodeURIComponent(accountId)}:`;
}

export function accountStorageKey(accountId: string, name: string): string {
  return `${accountPrefix(accountId)}${name}`;
}

function storageOf(area: StorageArea): Storage | null {
  if (typeof window === "undefined") return null;
  return area === "session" ? window.sessionStorage : window.localStorage;
}

/** The account whose entries may be read and written now; null while no one is signed in. */
export function signedInAccountId(): string | null {
  return signedIn;
}

export function readAccountItem(area: StorageArea, accountId: string, name: string): string | null {
  if (accountId !== signedIn) return null;
  return storageOf(area)?.getItem(accountStorageKey(accountId, name)) ?? null;
}

/** Ignored unless `accountId` is still the one signed in: a write that was waiting cannot bring back what sign-out forgot. */
export function writeAccountItem(area: StorageArea, accountId: string, name: string, value: string): void {
  if (accountId !== signedIn) return;
  storageOf(area)?.setItem(accountStorageKey(accountId, name), value);
}

export function removeAccountItem(area: StorageArea, accountId: string, name: string): void {
  storageOf(area)?.removeItem(accountStorageKey(accountId, name));
}

/**
 * `accountId` is now the signed-in account (null: signed out). Every other account's entries go,
 * in this tab's sessionStorage and this browser's localStorage; the account's own stay (a
 * re-sign-in after an expired session finds its selection and cache again).
 */
export function settleSignedInAccount(accountId: string | null): void {
  signedIn = accountId;
  const keep = accountId === null ? null : accountPrefix(accountId);
  for (const area of ["session", "local"] as const) {
    const storage = storageOf(area);
    if (!storage) continue;
    for (let index = storage.length - 1; index >= 0; index -= 1) {
      const key = storage.key(index);
      if (key === null) continue;
      const otherAccount = key.startsWith(PREFIX) && (keep === null || !key.startsWith(keep));
      const unscoped = UNSCOPED_KEYS.includes(key) || UNSCOPED_PREFIXES.some((prefix) => key.startsWith(prefix));
      if (otherAccount || unscoped) storage.removeItem(key);
    }
  }
  for (const listener of listeners) listener(accountId);
}

/** For caches held in memory: called with the account now signed in (null: signed out). */
export function onSignedInAccountSettled(listener: (accountId: string | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
