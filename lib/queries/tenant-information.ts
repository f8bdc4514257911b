"use client";

/**
 * Partner names from tenant information. Every mounted name asks for its tenant;
 * the asks of one tick go out together as $batches of 20 (so the rows on screen
 * come first), and the answers are kept in this browser for days per tenant id:
 * tenant names change rarely. Only names and domains are stored, never a token,
 * under the signed-in account (lib/auth/account-storage): sign-out and an account
 * switch forget them.
 */
import { useCallback, useEffect, useMemo, useSyncExternalStore } from "react";
import { findTenantInformation } from "@/lib/actions/tenant-information";
import type { DeletedSyncPolicy, PartnerRow, TenantInformation } from "@/lib/models";
import { onSignedInAccountSettled, readAccountItem, signedInAccountId, writeAccountItem } from "@/lib/auth/account-storage";
import { useGraphToken, type GetGraphToken } from "@/lib/auth/use-graph-token";
import { callGraphAction } from "./graph-action";

export const TENANT_INFO_TTL_MS = 3 * 24 * 60 * 60_000;
/** The cache's name among the signed-in account's entries (lib/auth/account-storage keys it by account). */
export const TENANT_INFO_NAME = "tenant-information";
const BATCH = 20;
/** A lookup that failed (throttled, refused, lost) is asked for again after this long. */
const RETRY_FAILED_AFTER_MS = 60_000;

interface Entry {
  /** null: Graph does not know this tenant. */
  info: TenantInformation | null;
  at: number;
}

/** One account's names and lookups: another account, or a signed-out tab, starts from nothing. */
interface AccountNames {
  accountId: string;
  entries: Map<string, Entry>;
  queued: string[];
  asked: Set<string>;
  failedAt: Map<string, number>;
  flushing: boolean;
  tokenSource: GetGraphToken | null;
}

let names: AccountNames | null = null;
const listeners = new Set<() => void>();
let version = 0;

onSignedInAccountSettled((accountId) => {
  if (names === null || names.accountId === accountId) return;
  names = null;
  notify();
});

function load(accountId: string): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  try {
    const stored = JSON.parse(readAccountItem("local", accountId, TENANT_INFO_NAME) ?? "{}") as Record<string, Entry>;
    const now = Date.now();
    for (const [id, entry] of Object.entries(stored)) if (entry && now - entry.at < TENANT_INFO_TTL_MS) entries.set(id, entry);
  } catch {
    // A damaged cache only costs a lookup.
  }
  return entries;
}

/** The signed-in account's names, read from this browser the first time they are needed. */
function current(): AccountNames | null {
  if (typeof window === "undefined") return null;
  const accountId = signedInAccountId();
  if (accountId === null) return null;
  if (names?.accountId !== accountId) {
    names = { accountId, entries: load(accountId), queued: [], asked: new Set(), failedAt: new Map(), flushing: false, tokenSource: null };
  }
  return names;
}

function save(state: AccountNames) {
  try {
    writeAccountItem("local", state.accountId, TENANT_INFO_NAME, JSON.stringify(Object.fromEntries(state.entries)));
  } catch {
    // Storage full or disabled: names are looked up again next time.
  }
}

function notify() {
  version++;
  listeners.forEach((listener) => listener());
}

async function flush(state: AccountNames) {
  if (state.flushing || !state.tokenSource) return;
  state.flushing = true;
  const getToken = state.tokenSource;
  try {
    // Stops when the account signs out or another signs in: its answers are not this account's to keep.
    while (state.queued.length > 0 && names === state) {
      const chunk = state.queued.splice(0, BATCH);
      try {
        const lookup = await callGraphAction(getToken, (token) => findTenantInformation(token, chunk));
        if (names !== state) break;
        const at = Date.now();
        for (const info of lookup.found) state.entries.set(info.tenantId, { info, at });
        for (const id of lookup.unknown) state.entries.set(id, { info: null, at });
        notify();
      } catch {
        // Names are a nicety: without them rows fall back to the policy name or "Unnamed partner".
        // They may be asked for again, a while later, not by every redraw.
        const at = Date.now();
        for (const id of chunk) {
          state.asked.delete(id);
          state.failedAt.set(id, at);
        }
      }
    }
  } finally {
    state.flushing = false;
    // Once per run of lookups: the whole cache is written, so not after every 20 names.
    if (names === state) save(state);
  }
}

/** Queues lookups for the signed-in account; `first` jumps the queue (rows on screen). */
export function requestTenantInformation(tenantIds: readonly string[], getToken: GetGraphToken, first = false) {
  const state = current();
  if (!state) return;
  state.tokenSource = getToken;
  const now = Date.now();
  const fresh = tenantIds
    .map((id) => id.toLowerCase())
    .filter((id) => !state.entries.has(id) && !state.asked.has(id) && now - (state.failedAt.get(id) ?? -Infinity) >= RETRY_FAILED_AFTER_MS);
  if (fresh.length === 0) return;
  fresh.forEach((id) => state.asked.add(id));
  if (first) state.queued.unshift(...fresh);
  else state.queued.push(...fresh);
  queueMicrotask(() => void flush(state));
}

/**
 * Takes back lookups that have not gone out yet (a view that asked for them closed). A tab
 * sends one server action at a time, so a long queue of names would hold up everything else.
 */
export function withdrawTenantInformation(tenantIds: readonly string[]) {
  const state = names;
  if (!state) return;
  const withdrawn = new Set(tenantIds.map((id) => id.toLowerCase()));
  const kept = state.queued.filter((id) => !withdrawn.has(id));
  for (const id of state.queued) if (withdrawn.has(id)) state.asked.delete(id);
  state.queued.splice(0, state.queued.length, ...kept);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function useVersion() {
  return useSyncExternalStore(subscribe, () => version, () => 0);
}

export function getCachedTenantInformation(tenantId: string): TenantInformation | null {
  return current()?.entries.get(tenantId.toLowerCase())?.info ?? null;
}

/** One tenant's information, looked up with the others on screen. */
export function useTenantInformation(tenantId: string): TenantInformation | null {
  const { account, getToken } = useGraphToken();
  useVersion();
  useEffect(() => {
    if (!account) return;
    requestTenantInformation([tenantId], getToken, true);
    // A row scrolled away (or a view left) before its lookup went out no longer holds up the others.
    return () => withdrawTenantInformation([tenantId]);
  }, [account, getToken, tenantId]);
  return getCachedTenantInformation(tenantId);
}

/** Looks up every given tenant in the background (for search); returns a reader that re-renders as names arrive. */
export function useTenantInformationLookup(tenantIds: readonly string[] | undefined): (tenantId: string) => TenantInformation | null {
  const { account, getToken } = useGraphToken();
  const current = useVersion();
  useEffect(() => {
    if (!account || !tenantIds || tenantIds.length === 0) return;
    // After the rows on screen asked for theirs; what has not gone out when the view closes is taken back.
    const timer = window.setTimeout(() => requestTenantInformation(tenantIds, getToken), 250);
    return () => {
      window.clearTimeout(timer);
      withdrawTenantInformation(tenantIds);
    };
  }, [account, getToken, tenantIds]);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useCallback((tenantId: string) => getCachedTenantInformation(tenantId), [current]);
}

// One named copy per row and answer: rows whose name did not change keep their identity, so a
// name arriving for one row does not make search rebuild what it knows of the other 9,999.
const namedRows = new WeakMap<PartnerRow, { info: TenantInformation; row: PartnerRow }>();

function withName<P extends PartnerRow>(partner: P, info: TenantInformation | null): P {
  if (!info) return partner;
  const cached = namedRows.get(partner);
  if (cached?.info === info) return cached.row as P;
  const row: P = { ...partner, displayName: info.displayName ?? partner.displayName, defaultDomainName: info.defaultDomainName };
  namedRows.set(partner, { info, row });
  return row;
}

/**
 * Partners with their tenant's name and default domain, so search and sort see
 * them; names arrive in the background (after the rows on screen asked for
 * theirs) and the list re-renders as they do.
 */
export function useNamedPartners<P extends PartnerRow>(partners: P[], lookUpAll?: boolean): P[];
export function useNamedPartners<P extends PartnerRow>(partners: P[] | undefined, lookUpAll?: boolean): P[] | undefined;
/** `lookUpAll` false: only the rows on screen ask (while the list's own pages are still coming in). */
export function useNamedPartners<P extends PartnerRow>(partners: P[] | undefined, lookUpAll = true): P[] | undefined {
  const ids = useMemo(() => (lookUpAll ? partners?.map((partner) => partner.tenantId) : undefined), [partners, lookUpAll]);
  const lookup = useTenantInformationLookup(ids);
  return useMemo(() => partners?.map((partner) => withName(partner, lookup(partner.tenantId))), [partners, lookup]);
}

/** Deleted policies that lost their own name take their tenant's. */
export function useNamedDeletedPolicies(policies: DeletedSyncPolicy[] | undefined): DeletedSyncPolicy[] | undefined {
  const ids = useMemo(() => policies?.filter((policy) => !policy.displayName?.trim() && !policy.partnerDisplayName).map((policy) => policy.tenantId), [policies]);
  const lookup = useTenantInformationLookup(ids);
  return useMemo(
    () =>
      policies?.map((policy) => {
        const name = policy.displayName?.trim() || policy.partnerDisplayName ? null : lookup(policy.tenantId)?.displayName;
        return name ? { ...policy, partnerDisplayName: name } : policy;
      }),
    [policies, lookup],
  );
}
