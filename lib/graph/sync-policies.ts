import "server-only";
import type { DeletedSyncPolicy, SyncPolicy } from "@/lib/models";
import { ok, type Result } from "@/lib/result";
import { graphRequest, sendGraphRequest, type GraphOptions } from "./client";
import { toDeletedSyncPolicy, toSyncPolicy, unwrapRestoreBody } from "./mappers";
import { graphPages } from "./paging";
import { DELETED_SYNC_POLICIES_PATH, deletedSyncPolicyPath, restorePath, syncPolicyPath } from "./paths";
import {
  classifyRestoreStatus,
  RESEND_STATUSES,
  toRestoreOutcome,
  type LiveState,
  type RestoreOutcome,
  type RestoreRoute,
} from "@/lib/writes/outcome";
import type { WireSyncPolicy } from "./wire-types";

export type { RestoreOutcome, RestoreRoute } from "@/lib/writes/outcome";

/** The partner's live sync policy; null when the partner or its policy does not exist. */
export async function getSyncPolicy(token: string, tenantId: string, options?: GraphOptions): Promise<Result<SyncPolicy | null>> {
  const result = await graphRequest<WireSyncPolicy>({ token, method: "GET", path: syncPolicyPath(tenantId) }, options);
  if (!result.ok) return result.error.status === 404 ? ok(null) : result;
  return ok(toSyncPolicy(result.data.body, tenantId));
}

/** Deleted sync policies, page by page as Graph answers. */
export function listDeletedSyncPolicies(token: string, options: GraphOptions = {}): AsyncGenerator<Result<DeletedSyncPolicy[]>, void, undefined> {
  return graphPages<WireSyncPolicy, DeletedSyncPolicy>(
    { token, path: DELETED_SYNC_POLICIES_PATH },
    (wire) => wire.map((policy) => toDeletedSyncPolicy(policy)).filter((policy) => policy.tenantId !== ""),
    options,
  );
}

export async function getDeletedSyncPolicy(
  token: string,
  tenantId: string,
  options?: GraphOptions,
): Promise<Result<DeletedSyncPolicy | null>> {
  const result = await graphRequest<WireSyncPolicy>({ token, method: "GET", path: deletedSyncPolicyPath(tenantId) }, options);
  if (!result.ok) return result.error.status === 404 ? ok(null) : result;
  return ok(toDeletedSyncPolicy(result.data.body, tenantId));
}

/** Re-reads what exists now; with `checkDeletedItems`, also whether the deleted item is still there. */
export async function readLiveState(
  token: string,
  tenantId: string,
  checkDeletedItems: boolean,
  options?: GraphOptions,
): Promise<LiveState> {
  const live = await getSyncPolicy(token, tenantId, options);
  if (!live.ok) return { kind: "unreadable", error: live.error };
  if (live.data) return { kind: "live", policy: live.data };
  if (!checkDeletedItems) return { kind: "absent", inDeletedItems: null };
  const deleted = await getDeletedSyncPolicy(token, tenantId, options);
  return { kind: "absent", inDeletedItems: deleted.ok ? deleted.data !== null : null };
}

/**
 * Restores one deleted sync policy through either route and interprets the answer.
 * The POST is resent only after 429/503 answers (inside graphRequest); every other
 * doubt, a 504 included, is settled by reading state, never by sending the restore again.
 */
export async function restoreSyncPolicy(
  token: string,
  tenantId: string,
  route: RestoreRoute,
  options?: GraphOptions,
): Promise<Result<RestoreOutcome>> {
  const exchange = await sendGraphRequest(
    { token, method: "POST", path: restorePath(tenantId, route), retryStatuses: RESEND_STATUSES },
    options,
  );
  const { result, attempts } = exchange;

  if (result.ok) {
    const wire = unwrapRestoreBody(result.data.body);
    let policy = wire ? toSyncPolicy(wire, tenantId) : null;
    if (!policy) {
      const live = await getSyncPolicy(token, tenantId, options);
      policy = live.ok ? live.data : null;
    }
    return ok(toRestoreOutcome({ tenantId, status: result.data.status, policy, error: null, attempts }));
  }

  const step = classifyRestoreStatus(result.error.status);
  const live = step.next === "check-live" ? await readLiveState(token, tenantId, step.deletedItems, options) : undefined;
  return ok(
    toRestoreOutcome({ tenantId, status: result.error.status, policy: null, error: result.error, attempts, live }),
  );
}
