import "server-only";
import type { DeletedSyncPolicy, SyncPolicy } from "@/lib/core/models";
import { ok, type Result } from "@/lib/core/result";
import { graphRequest, type GraphOptions } from "./client";
import { toDeletedSyncPolicy, toSyncPolicy } from "./mappers";
import { graphPages } from "./paging";
import { DELETED_SYNC_POLICIES_PATH, deletedSyncPolicyPath, syncPolicyPath } from "./paths";
import type { WireSyncPolicy } from "./wire-types";

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
