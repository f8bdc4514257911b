import "server-only";
import type { DeletedSyncPolicy, SyncPolicy } from "@/lib/models";
import { ok, type Result } from "@/lib/result";
import { graphRequest, type GraphOptions } from "./client";
import { toDeletedSyncPolicy, toSyncPolicy } from "./mappers";
import { graphListAll, graphListPage } from "./paging";
import { DELETED_SYNC_POLICIES_PATH, deletedSyncPolicyPath, syncPolicyPath } from "./paths";
import type { WireSyncPolicy } from "./wire-types";

/** The partner's live sync policy; null when the partner or its policy does not exist. */
export async function getSyncPolicy(token: string, tenantId: string, options?: GraphOptions): Promise<Result<SyncPolicy | null>> {
  const result = await graphRequest<WireSyncPolicy>({ token, method: "GET", path: syncPolicyPath(tenantId) }, options);
  if (!result.ok) return result.error.status === 404 ? ok(null) : result;
  return ok(toSyncPolicy(result.data.body, tenantId));
}

/** Every page at once, for scripts such as the benchmark; the dashboard reads one page per action. */
export async function listDeletedSyncPolicies(token: string, options?: GraphOptions): Promise<Result<DeletedSyncPolicy[]>> {
  const result = await graphListAll<WireSyncPolicy>({ token, path: DELETED_SYNC_POLICIES_PATH }, options);
  if (!result.ok) return result;
  return ok(result.data.map((wire) => toDeletedSyncPolicy(wire)).filter((policy) => policy.tenantId !== ""));
}

export interface DeletedSyncPoliciesPage {
  policies: DeletedSyncPolicy[];
  /** Where the next page is; null on the last page. */
  nextLink: string | null;
}

/** One page of deleted sync policies: the first by the list's path, later ones by the nextLink Graph gave. */
export async function listDeletedSyncPoliciesPage(token: string, nextLink: string | null, options: GraphOptions = {}): Promise<Result<DeletedSyncPoliciesPage>> {
  const page = await graphListPage<WireSyncPolicy>({ token, path: DELETED_SYNC_POLICIES_PATH }, nextLink, options);
  if (!page.ok) return page;
  return ok({ policies: page.data.items.map((wire) => toDeletedSyncPolicy(wire)).filter((policy) => policy.tenantId !== ""), nextLink: page.data.nextLink });
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
