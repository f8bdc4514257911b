"use client";

/**
 * Partner names from tenant information. Every mounted name asks for its tenant, and so does
 * every list, for search. Lookups go out as streamed action calls of up to 500 tenants (answered
 * $batch by $batch, several in flight), in two lanes so the rows on screen never wait behind the
 * rest. Answers are kept in this browser for days per tenant id: tenant names change rarely.
 * Only names and domains are stored, never a token, under the signed-in account
 * (lib/auth/account-storage): sign-out and an account switch forget them, and stop the lookups
 * still streaming for the account that left.
 */
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { findTenantByDomain, findTenantInformation } from "@/lib/actions/tenant-information";
import type { DeletedSyncPolicy, PartnerRow, TenantInformation } from "@/lib/core/models";
import { MAX_TENANT_IDS_PER_CALL } from "@/lib/writes/outcome";
import { onSignedInAccountSettled, readAccountItem, signedInAccountId, writeAccountItem } from "@/lib/auth/account-storage";
import { useGraphToken, type GetGraphToken } from "@/lib/auth/use-graph-token";
import { isDomainName, isTenantId } from "@/lib/core/tenant-id";
import { useQuery } from "@tanstack/react-query";
import { callGraphAction } from "./graph-action";
import { graphKeys } from "./keys";
import { readStream } from "./stream";

export const TENANT_INFO_TTL_MS = 3 * 24 * 60 * 60_000;
/** The cache's name among the signed-in account's entries (lib/auth/account-storage keys it by account). */
export const TENANT_INFO_NAME = "tenant-information";
/** A lookup that failed (throttled, refused, lost) is asked for again after this long. */
const RETRY_FAILED_AFTER_MS = 60_000;
/** Names for rows off screen redraw the lists at most this often: each redraw re-sorts every row. */
const REDRAW_MS = 400;

interface Entry {
  /** null: Graph does not know this tenant. */
  info: TenantInformation | null;
  at: number;
}

/** "first": rows on screen; "rest": everything else (search), behind them. */
type Lane = "first" | "rest";

/** One account's names and lookups: another account, or a signed-out tab, starts from nothing. */
interface AccountNames {
  accountId: string;
  entries: Map<string, Entry>;
  /** Asked for and not sent yet, per lane; the queues may hold ids since sent or withdrawn, skipped when taken. */
  waiting: Record<Lane, Set<string>>;
  queues: Record<Lane, string[]>;
  running: Record<Lane, boolean>;
  sent: Set<string>;
  failedAt: Map<string, number>;
  tokenSource: GetGraphToken | null;
  /** Aborted when the account signs out or another signs in: its streams are no longer listened to. */
  left: AbortController;
}

let names: AccountNames | null = null;
const listeners = new Set<() => void>();
let version = 0;
let redrawTimer: ReturnType<typeof setTimeout> | null = null;

onSignedInAccountSettled((accountId) => {
  if (names === null || names.accountId === accountId) return;
  names.left.abort();
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
    names?.left.abort();
    names = {
      accountId,
      entries: load(accountId),
      waiting: { first: new Set(), rest: new Set() },
      queues: { first: [], rest: [] },
      running: { first: false, rest: false },
      sent: new Set(),
      failedAt: new Map(),
      tokenSource: null,
      left: new AbortController(),
    };
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
  if (redrawTimer !== null) clearTimeout(redrawTimer);
  redrawTimer = null;
  version++;
  listeners.forEach((listener) => listener());
}

function notifySoon() {
  redrawTimer ??= setTimeout(notify, REDRAW_MS);
}

function take(state: AccountNames, lane: Lane): string[] {
  const queue = state.queues[lane];
  const chunk: string[] = [];
  let index = 0;
  for (; index < queue.length && chunk.length < MAX_TENANT_IDS_PER_CALL; index++) {
    const id = queue[index] as string;
    if (!state.waiting[lane].delete(id) || state.sent.has(id) || state.entries.has(id)) continue;
    chunk.push(id);
  }
  queue.splice(0, index);
  return chunk;
}

async function flush(state: AccountNames, lane: Lane) {
  if (state.running[lane] || !state.tokenSource) return;
  state.running[lane] = true;
  const getToken = state.tokenSource;
  try {
    // Stops when the account signs out or another signs in: its answers are not this account's to keep.
    for (let chunk = take(state, lane); chunk.length > 0 && names === state; chunk = take(state, lane)) {
      chunk.forEach((id) => state.sent.add(id));
      try {
        await readStream(
          getToken,
          (token) => findTenantInformation(token, chunk),
          (lookup) => {
            if (names !== state) return;
            const at = Date.now();
            for (const info of lookup.found) state.entries.set(info.tenantId, { info, at });
            for (const id of lookup.unknown) state.entries.set(id, { info: null, at });
            if (lane === "first") notify();
            else notifySoon();
          },
          state.left.signal,
        );
      } catch {
        // Names are a nicety: without them rows fall back to the policy name or "Unnamed partner".
      }
      // Tenants left without an answer (throttled, refused, lost) may be asked again, a while later,
      // not by every redraw.
      const at = Date.now();
      for (const id of chunk) {
        state.sent.delete(id);
        if (!state.entries.has(id)) state.failedAt.set(id, at);
      }
    }
  } finally {
    state.running[lane] = false;
    if (names === state && !state.running.first && !state.running.rest) {
      notify();
      // Once per run of lookups: the whole cache is written, not after every answer.
      save(state);
    }
  }
}

/** Queues lookups for the signed-in account; `first` puts them in the lane of the rows on screen. */
export function requestTenantInformation(tenantIds: readonly string[], getToken: GetGraphToken, first = false) {
  const state = current();
  if (!state) return;
  state.tokenSource = getToken;
  const lane: Lane = first ? "first" : "rest";
  const now = Date.now();
  let added = false;
  for (const raw of tenantIds) {
    const id = raw.toLowerCase();
    if (state.entries.has(id) || state.sent.has(id) || state.waiting[lane].has(id) || now - (state.failedAt.get(id) ?? -Infinity) < RETRY_FAILED_AFTER_MS) continue;
    state.waiting[lane].add(id);
    state.queues[lane].push(id);
    added = true;
  }
  if (added) queueMicrotask(() => void flush(state, lane));
}

/** Takes back lookups that have not gone out yet: the view (or row, `first`) that asked for them closed. */
export function withdrawTenantInformation(tenantIds: readonly string[], first = false) {
  const state = names;
  if (!state) return;
  const lane: Lane = first ? "first" : "rest";
  for (const raw of tenantIds) state.waiting[lane].delete(raw.toLowerCase());
  state.queues[lane] = state.queues[lane].filter((id) => state.waiting[lane].has(id));
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
    return () => withdrawTenantInformation([tenantId], true);
  }, [account, getToken, tenantId]);
  return getCachedTenantInformation(tenantId);
}

/** Looks up every given tenant in the background (for search); returns a reader that re-renders as names arrive. */
export function useTenantInformationLookup(tenantIds: readonly string[] | undefined): (tenantId: string) => TenantInformation | null {
  const { account, getToken } = useGraphToken();
  const current = useVersion();
  const asked = useRef<readonly string[]>([]);
  useEffect(() => {
    // Rows that arrive add to the lookups; those on screen have already asked in their own lane.
    if (!account || !tenantIds || tenantIds.length === 0) return;
    asked.current = tenantIds;
    requestTenantInformation(tenantIds, getToken);
  }, [account, getToken, tenantIds]);
  // What has not gone out when the view closes is taken back.
  useEffect(() => () => withdrawTenantInformation(asked.current), []);
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
 * Partners with their tenant's name and default domain, so search and sort see them; names
 * arrive in the background (after the rows on screen asked for theirs) and the list re-renders
 * as they do.
 */
export function useNamedPartners<P extends PartnerRow>(partners: P[]): P[];
export function useNamedPartners<P extends PartnerRow>(partners: P[] | undefined): P[] | undefined;
export function useNamedPartners<P extends PartnerRow>(partners: P[] | undefined): P[] | undefined {
  const ids = useMemo(() => partners?.map((partner) => partner.tenantId), [partners]);
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

/** Resolves what an admin typed (tenant id or domain) to the tenant's information; null when nobody has it. */
export function useTenantLookup() {
  const { getToken } = useGraphToken();
  return useCallback(
    async (input: string): Promise<TenantInformation | null> => {
      const value = input.trim();
      if (isTenantId(value)) {
        let found: TenantInformation | null = null;
        await readStream(getToken, (token) => findTenantInformation(token, [value]), (lookup) => (found = lookup.found[0] ?? found));
        return found;
      }
      return callGraphAction(getToken, (token) => findTenantByDomain(token, value));
    },
    [getToken],
  );
}

/** The tenant a domain belongs to (any verified domain, not only the default one); null when none has it. Asked for only for a well-formed domain. */
export function useTenantByDomain(domain: string) {
  const { account, getToken } = useGraphToken();
  const accountId = account?.homeAccountId ?? "signed-out";
  const value = domain.trim().toLowerCase();
  return useQuery({
    queryKey: graphKeys.tenantByDomain(accountId, value),
    queryFn: () => callGraphAction(getToken, (token) => findTenantByDomain(token, value)),
    enabled: account !== null && isDomainName(value),
    staleTime: TENANT_INFO_TTL_MS,
  });
}
