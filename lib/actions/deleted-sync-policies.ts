"use server";
import "server-only";
import type { DeletedSyncPolicy } from "@/lib/core/models";
import { fail, ok, type Result, type Streamed } from "@/lib/core/result";
import type { RestoreRoute, WriteOutcome } from "@/lib/writes/outcome";
import { listDeletedSyncPolicies as listInGraph } from "@/lib/graph/sync-policies";
import { restoreSyncPolicies as restoreManyInGraph, restoreSyncPolicy as restoreOneInGraph } from "@/lib/graph/sync-policy-writes";
import { actionArguments, deletedItemsUnsupportedError, restoreRouteSchema, tenantIdSchema, tenantIdsSchema, tokenSchema } from "./validate";
import { failIfAllUnauthorized, WRITE_GRAPH_OPTIONS } from "./outcomes";

const listArgs = actionArguments({ token: tokenSchema });
const restoreOneArgs = actionArguments({ token: tokenSchema, tenantId: tenantIdSchema, route: restoreRouteSchema });
const restoreManyArgs = actionArguments({ token: tokenSchema, tenantIds: tenantIdsSchema });

/**
 * Every deleted sync policy in one call, streamed page by page as Graph answers.
 * Nameless rows are named in the browser from its cache of tenant information.
 */
export async function listDeletedSyncPolicies(...sent: [token: string]): Promise<Result<Streamed<DeletedSyncPolicy[]>>> {
  const args = listArgs(sent);
  if (!args.ok) return args;
  const unsupported = deletedItemsUnsupportedError();
  if (unsupported) return fail(unsupported);
  return ok({ parts: listInGraph(args.data.token) });
}

export async function restoreSyncPolicy(...sent: [token: string, tenantId: string, route: RestoreRoute]): Promise<Result<WriteOutcome>> {
  const args = restoreOneArgs(sent);
  if (!args.ok) return args;
  const unsupported = deletedItemsUnsupportedError();
  if (unsupported) return fail(unsupported);
  const result = await restoreOneInGraph(args.data.token, args.data.tenantId, args.data.route, WRITE_GRAPH_OPTIONS);
  if (!result.ok) return result;
  return failIfAllUnauthorized([result.data], result.data);
}

export async function restoreSyncPolicies(...sent: [token: string, tenantIds: string[]]): Promise<Result<WriteOutcome[]>> {
  const args = restoreManyArgs(sent);
  if (!args.ok) return args;
  const unsupported = deletedItemsUnsupportedError();
  if (unsupported) return fail(unsupported);
  const result = await restoreManyInGraph(args.data.token, args.data.tenantIds, WRITE_GRAPH_OPTIONS);
  if (!result.ok) return result;
  return failIfAllUnauthorized(result.data, result.data);
}
