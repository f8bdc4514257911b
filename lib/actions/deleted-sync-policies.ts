"use server";
import "server-only";
import type { DeletedSyncPolicy } from "@/lib/models";
import { fail, ok, type Result } from "@/lib/result";
import { findTenantNames } from "@/lib/graph/tenant-information";
import { restoreSyncPolicies as restoreManyInGraph } from "@/lib/graph/batch";
import type { RestoreOutcome, RestoreRoute } from "@/lib/writes/outcome";
import {
  listDeletedSyncPolicies as listDeletedInGraph,
  restoreSyncPolicy as restoreOneInGraph,
} from "@/lib/graph/sync-policies";
import { actionArguments, deletedItemsUnsupportedError, restoreRouteSchema, tenantIdSchema, tenantIdsSchema, tokenSchema } from "./validate";
import { failIfAllUnauthorized } from "./outcomes";

const listArgs = actionArguments({ token: tokenSchema });
const restoreOneArgs = actionArguments({ token: tokenSchema, tenantId: tenantIdSchema, route: restoreRouteSchema });
const restoreManyArgs = actionArguments({ token: tokenSchema, tenantIds: tenantIdsSchema });

/**
 * Restores hold the request only for short throttling waits; longer Retry-After
 * values go back to the browser, which counts them down where the user sees it.
 */
const RESTORE_GRAPH_OPTIONS = { maxRetryWaitMs: 2_000 };

export async function listDeletedSyncPolicies(...sent: [token: string]): Promise<Result<DeletedSyncPolicy[]>> {
  const args = listArgs(sent);
  if (!args.ok) return args;
  const unsupported = deletedItemsUnsupportedError();
  if (unsupported) return fail(unsupported);
  const listed = await listDeletedInGraph(args.data.token);
  if (!listed.ok) return listed;
  // Deleted policies often come back nameless; their tenants still have one.
  const nameless = listed.data.filter((policy) => !policy.displayName?.trim()).map((policy) => policy.tenantId);
  if (nameless.length === 0) return listed;
  const names = await findTenantNames(args.data.token, nameless);
  return ok(listed.data.map((policy) => ({ ...policy, partnerDisplayName: names.get(policy.tenantId.toLowerCase()) ?? null })));
}

export async function restoreSyncPolicy(...sent: [token: string, tenantId: string, route: RestoreRoute]): Promise<Result<RestoreOutcome>> {
  const args = restoreOneArgs(sent);
  if (!args.ok) return args;
  const unsupported = deletedItemsUnsupportedError();
  if (unsupported) return fail(unsupported);
  const result = await restoreOneInGraph(args.data.token, args.data.tenantId, args.data.route, RESTORE_GRAPH_OPTIONS);
  if (!result.ok) return result;
  return failIfAllUnauthorized([result.data], result.data);
}

export async function restoreSyncPolicies(...sent: [token: string, tenantIds: string[]]): Promise<Result<RestoreOutcome[]>> {
  const args = restoreManyArgs(sent);
  if (!args.ok) return args;
  const unsupported = deletedItemsUnsupportedError();
  if (unsupported) return fail(unsupported);
  const result = await restoreManyInGraph(args.data.token, args.data.tenantIds, RESTORE_GRAPH_OPTIONS);
  if (!result.ok) return result;
  return failIfAllUnauthorized(result.data, result.data);
}
