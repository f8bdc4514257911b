"use client";

/**
 * Partner names from tenant information. Every mounted name asks for its tenant;
 * the asks of one tick go out together as $batches of 20 (so the rows on screen
 * come first), and the answers are kept in this browser for days per tenant id:
 * tenant names change rarely. Only names and domains are stored, never a token.
 */
import { useCallback, useEffect, useMemo, useSyncExternalStore } from "react";
import { findTenantInformation } from "@/lib/actions/tenant-information";
import type { DeletedSyncPolicy, PartnerRow, TenantInformation } from "@/lib/models";
import { useGraphToken, type GetGraphToken } from "@/lib/auth/use-graph-token";
import { callGraphAction } from "./graph-action";

export const TENANT_INFO_TTL_MS = 3 * 24 * 60 * 60_000;
const STORAGE_KEY = "tenant-information:v1";
const BATCH = 20;

interface Entry {
  /** null: Graph does not know this tenant. */
  info: TenantInformation | null;
  at: number;
}

const entries = new Map<string, Entry>();
const queued: string[] = [];
const asked = new Set<string>();
const failedAt = new Map<string, number>();
/** A lookup that failed (throttled, refused, lost) is asked for again after this long. */
const RETRY_FAILED_AFTER_MS = 60_000;
const listeners = new Set<() => void>();
let version = 0;
let loaded = false;
let flushing = false;
let tokenSource: GetGraphToken | null = null;

function load() {
  if (loaded || typeof window === "undefined") return;
  loaded = true;
  try {
    const stored = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? "{}") as Record<string, Entry>;
    const now = Date.now();
    for (const [id, entry] of Object.entries(stored)) if (entry && now - entry.at < TENANT_INFO_TTL_MS) entries.set(id, entry);
  } catch {
    // A damaged cache only costs a lookup.
  }
}

function save() {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify(Object.fromEntries(entries)));
  } catch {
    // Storage full or disabled: names are looked up again next time.
  }
}

function notify() {
  version++;
  listeners.forEach((listener) => listener());
}

async function flush() {
  if (flushing || !tokenSource) return;
  flushing = true;
  const getToken = tokenSource;
  try {
    while (queued.length > 0) {
      const chunk = queued.splice(0, BATCH);
      try {
        const lookup = await callGraphAction(getToken, (token) => findTenantInformation(token, chunk));
        const at = Date.now();
        for (const info of lookup.found) entries.set(info.tenantId, { info, at });
        for (const id of lookup.unknown) entries.set(id, { info: null, at });
        notify();
      } catch {
        // Names are a nicety: without them rows fall back to the policy name or "Unnamed partner".
        // They may be asked for again, a while later, not by every redraw.
        const at = Date.now();
        for (const id of chunk) {
          asked.delete(id);
          failedAt.set(id, at);
        }
      }
    }
  } finally {
    flushing = false;
    // Once per run of lookups: the whole cache is written, so not after every 20 names.
    save();
  }
}

/** Queues lookups; `first` jumps the queue (rows on screen). */
export function requestTenantInformation(tenantIds: readonly string[], getToken: GetGraphToken, first = false) {
  load();
  tokenSource = getToken;
  const now = Date.now();
  const fresh = tenantIds
    .map((id) => id.toLowerCase())
    .filter((id) => !entries.has(id) && !asked.has(id) && now - (failedAt.get(id) ?? -Infinity) >= RETRY_FAILED_AFTER_MS);
  if (fresh.length === 0) return;
  fresh.forEach((id) => asked.add(id));
  if (first) queued.unshift(...fresh);
  else queued.push(...fresh);
  queueMicrotask(() => void flush());
}

/**
 * Takes back lookups that have not gone out yet (a view that asked for them closed). A tab
 * sends one server action at a time, so a long queue of names would hold up everything else.
 */
export function withdrawTenantInformation(tenantIds: readonly string[]) {
  const withdrawn = new Set(tenantIds.map((id) => id.toLowerCase()));
  const kept = queued.filter((id) => !withdrawn.has(id));
  for (const id of queued) if (withdrawn.has(id)) asked.delete(id);
  queued.splice(0, queued.length, ...kept);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function useVersion() {
  return useSyncExternalStore(subscribe, () => version, () => 0);
}

export function getCachedTenantInformation(tenantId: string): TenantInformation | null {
  load();
  return entries.get(tenantId.toLowerCase())?.info ?? null;
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
