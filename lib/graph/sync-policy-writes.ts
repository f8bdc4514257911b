import "server-only";
/** Writes to sync policies, each declared for the write engine (writes.ts): its request, what its answers mean, its read-back. */
import type { SyncPolicy } from "@/lib/core/models";
import { ok, type Result } from "@/lib/core/result";
import type { Observed, RestoreRoute, WriteOutcome } from "@/lib/writes/outcome";
import type { BatchOptions } from "./batch";
import { uniqueTenantIds } from "./batch";
import type { GraphOptions } from "./client";
import { toSyncPolicy, unwrapRestoreBody } from "./mappers";
import { deletedSyncPolicyPath, restorePath, syncPolicyPath } from "./paths";
import { missingRead, presence, removalWrite, runWrites, type GraphWrite, type ReadAnswer } from "./writes";

export interface SyncSettings {
  userSyncAllowed?: boolean;
  groupSyncAllowed?: boolean;
}

function settingsBody(settings: SyncSettings): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (settings.userSyncAllowed !== undefined) body.userSyncInbound = { isSyncAllowed: settings.userSyncAllowed };
  if (settings.groupSyncAllowed !== undefined) body.groupSyncInbound = { isSyncAllowed: settings.groupSyncAllowed };
  return body;
}

const policyOf = (tenantId: string) => (body: unknown) => {
  const wire = unwrapRestoreBody(body);
  return wire ? toSyncPolicy(wire, tenantId) : null;
};

/** PUT identitySynchronization: creates only (409 when one exists: read back to show it). No tenantId in the body: it is read-only. */
export function createSyncPolicyWrite(tenantId: string, displayName: string | null, settings: SyncSettings): GraphWrite {
  return {
    write: "create-sync-policy",
    tenantId,
    method: "PUT",
    path: syncPolicyPath(tenantId),
    body: displayName === null ? settingsBody(settings) : { displayName, ...settingsBody(settings) },
    rules: { notFound: "not-found", conflict: "check" },
    reads: [syncPolicyPath(tenantId)],
    observe: presence(true, policyOf(tenantId)),
    readBackDone: true,
  };
}

function matches(policy: SyncPolicy, settings: SyncSettings): boolean {
  return (
    (settings.userSyncAllowed === undefined || policy.userSyncAllowed === settings.userSyncAllowed) &&
    (settings.groupSyncAllowed === undefined || policy.groupSyncAllowed === settings.groupSyncAllowed)
  );
}

/** PATCH identitySynchronization: each named inbound setting is replaced whole. */
export function updateSyncPolicyWrite(tenantId: string, settings: SyncSettings): GraphWrite {
  return {
    write: "update-sync-policy",
    tenantId,
    method: "PATCH",
    path: syncPolicyPath(tenantId),
    body: settingsBody(settings),
    rules: { notFound: "not-found", conflict: "conflict" },
    reads: [syncPolicyPath(tenantId)],
    observe: (answers): Observed => {
      const live = presence(true, policyOf(tenantId))(answers);
      if (live.kind !== "reached" || !live.policy) return live;
      return { kind: matches(live.policy, settings) ? "reached" : "not-reached", policy: live.policy };
    },
    readBackDone: true,
  };
}

/** Soft delete: the policy lands in deleted items for 30 days. */
export function deleteSyncPolicyWrite(tenantId: string): GraphWrite {
  return removalWrite("delete-sync-policy", tenantId, syncPolicyPath(tenantId));
}

export function purgeSyncPolicyWrite(tenantId: string): GraphWrite {
  return removalWrite("purge-sync-policy", tenantId, deletedSyncPolicyPath(tenantId));
}

/**
 * The live policy, then the deleted item: live means restored; absent and still
 * deleted means not restored (on a 404: its partner configuration is gone); in
 * neither place means purged.
 */
function observeRestore(tenantId: string) {
  return ([live, deleted]: readonly ReadAnswer[]): Observed => {
    if (!live || live.status === 0) return { kind: "unreadable", error: live?.error ?? missingRead() };
    if (live.status !== 404) return presence(true, policyOf(tenantId))([live]);
    if (deleted?.status === 200) return { kind: "not-reached", policy: null };
    if (deleted?.status === 404) return { kind: "gone" };
    return { kind: "unreadable", error: deleted?.error ?? missingRead() };
  };
}

/**
 * POST .../restore through either route. 404 is also Graph's answer when the
 * policy is still deleted but its partner configuration is gone; 409 comes only
 * after Graph found the deleted item, so resending once the live policy is gone is safe.
 */
export function restoreSyncPolicyWrite(tenantId: string, route: RestoreRoute): GraphWrite {
  return {
    write: "restore-sync-policy",
    tenantId,
    method: "POST",
    path: restorePath(tenantId, route),
    rules: { notFound: "check", conflict: "check", conflictRetrySafe: true },
    reads: [syncPolicyPath(tenantId), deletedSyncPolicyPath(tenantId)],
    observe: observeRestore(tenantId),
    policyFrom: policyOf(tenantId),
    readBackDone: true,
  };
}

export async function createSyncPolicy(token: string, tenantId: string, displayName: string, settings: SyncSettings, options?: GraphOptions): Promise<WriteOutcome> {
  return (await runWrites(token, [createSyncPolicyWrite(tenantId, displayName, settings)], options))[0] as WriteOutcome;
}

export async function updateSyncPolicy(token: string, tenantId: string, settings: SyncSettings, options?: GraphOptions): Promise<WriteOutcome> {
  return (await runWrites(token, [updateSyncPolicyWrite(tenantId, settings)], options))[0] as WriteOutcome;
}

export async function deleteSyncPolicy(token: string, tenantId: string, options?: GraphOptions): Promise<WriteOutcome> {
  return (await runWrites(token, [deleteSyncPolicyWrite(tenantId)], options))[0] as WriteOutcome;
}

/** Restores one deleted sync policy through either route. */
export async function restoreSyncPolicy(token: string, tenantId: string, route: RestoreRoute, options?: GraphOptions): Promise<Result<WriteOutcome>> {
  return ok((await runWrites(token, [restoreSyncPolicyWrite(tenantId, route)], options))[0] as WriteOutcome);
}

/** Restores many deleted sync policies (deleted-items route): one outcome per distinct tenant id, in input order. */
export async function restoreSyncPolicies(token: string, tenantIds: readonly string[], options: BatchOptions = {}): Promise<Result<WriteOutcome[]>> {
  return ok(await runWrites(token, uniqueTenantIds(tenantIds).map((id) => restoreSyncPolicyWrite(id, "deleted-items")), { ...options, alwaysBatch: true }));
}

/** Purges many deleted sync policies: one outcome per distinct tenant id, in input order. */
export async function purgeSyncPolicies(token: string, tenantIds: readonly string[], options: BatchOptions = {}): Promise<Result<WriteOutcome[]>> {
  return ok(await runWrites(token, uniqueTenantIds(tenantIds).map(purgeSyncPolicyWrite), { ...options, alwaysBatch: true }));
}
