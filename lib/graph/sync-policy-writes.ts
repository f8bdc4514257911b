import "server-only";
import type { SyncPolicy } from "@/lib/models";
import type { Observed, WriteOutcome } from "@/lib/writes/outcome";
import type { GraphOptions } from "./client";
import { syncPolicyPath } from "./paths";
import { getSyncPolicy } from "./sync-policies";
import { observePresence, runWrite } from "./writes";

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

function readBack(token: string, tenantId: string, options?: GraphOptions) {
  return async () => {
    const live = await getSyncPolicy(token, tenantId, options);
    return live.ok ? live.data : null;
  };
}

/** PUT identitySynchronization: creates only (409 when one exists). No tenantId in the body: it is read-only. */
export function createSyncPolicy(token: string, tenantId: string, displayName: string, settings: SyncSettings, options?: GraphOptions): Promise<WriteOutcome> {
  return runWrite(
    token,
    {
      write: "create-sync-policy",
      tenantId,
      method: "PUT",
      path: syncPolicyPath(tenantId),
      body: { displayName, ...settingsBody(settings) },
      observe: () => observePresence(() => getSyncPolicy(token, tenantId, options), true, (policy) => policy),
      readBack: readBack(token, tenantId, options),
    },
    options,
  );
}

function matches(policy: SyncPolicy, settings: SyncSettings): boolean {
  return (
    (settings.userSyncAllowed === undefined || policy.userSyncAllowed === settings.userSyncAllowed) &&
    (settings.groupSyncAllowed === undefined || policy.groupSyncAllowed === settings.groupSyncAllowed)
  );
}

/** PATCH identitySynchronization: each named inbound setting is replaced whole. */
export function updateSyncPolicy(token: string, tenantId: string, settings: SyncSettings, options?: GraphOptions): Promise<WriteOutcome> {
  return runWrite(
    token,
    {
      write: "update-sync-policy",
      tenantId,
      method: "PATCH",
      path: syncPolicyPath(tenantId),
      body: settingsBody(settings),
      observe: async (): Promise<Observed> => {
        const live = await getSyncPolicy(token, tenantId, options);
        if (!live.ok) return { kind: "unreadable", error: live.error };
        if (!live.data) return { kind: "not-reached", policy: null };
        return { kind: matches(live.data, settings) ? "reached" : "not-reached", policy: live.data };
      },
      readBack: readBack(token, tenantId, options),
    },
    options,
  );
}

/** Soft delete: the policy lands in deleted items for 30 days. */
export function deleteSyncPolicy(token: string, tenantId: string, options?: GraphOptions): Promise<WriteOutcome> {
  return runWrite(
    token,
    {
      write: "delete-sync-policy",
      tenantId,
      method: "DELETE",
      path: syncPolicyPath(tenantId),
      observe: () => observePresence(() => getSyncPolicy(token, tenantId, options), false),
    },
    options,
  );
}
