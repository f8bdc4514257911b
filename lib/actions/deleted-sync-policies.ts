"use server";
import "server-only";
import { fail, type Result } from "@/lib/result";
import type { RestoreRoute, WriteOutcome } from "@/lib/writes/outcome";
import { listDeletedSyncPoliciesPage as listPageInGraph, type DeletedSyncPoliciesPage } from "@/lib/graph/sync-policies";
import { restoreSyncPolicies as restoreManyInGraph, restoreSyncPolicy as restoreOneInGraph } from "@/lib/graph/sync-policy-writes";
import {
  actionArguments,
  deletedItemsUnsupportedError,
  pageLinkSchema,
  pageOfList,
  restoreRouteSchema,
  tenantIdSchema,
  tenantIdsSchema,
  tokenSchema,
} from "./validate";
import { failIfAllUnauthorized, WRITE_GRAPH_OPTIONS } from "./outcomes";

export type { DeletedSyncPoliciesPage };

const LIST = "deleted sync policies list";
const pageArgs = actionArguments({ token: tokenSchema, nextLink: pageLinkSchema(LIST) });
const restoreOneArgs = actionArguments({ token: tokenSchema, tenantId: tenantIdSchema, route: restoreRouteSchema });
const restoreManyArgs = actionArguments({ token: tokenSchema, tenantIds: tenantIdsSchema });

/**
 * One Graph page per call, so other actions of the tab are not held behind the whole list.
 * Nameless rows are named in the browser from its cache of tenant information.
 */
export async function listDeletedSyncPoliciesPage(...sent: [token: string, nextLink: string | null]): Promise<Result<DeletedSyncPoliciesPage>> {
  const args = pageArgs(sent);
  if (!args.ok) return args;
  const unsupported = deletedItemsUnsupportedError();
  if (unsupported) return fail(unsupported);
  const { token, nextLink } = args.data;
  // The link came back from the browser: lib/graph sends the token only to a page of this list.
  return pageOfList(LIST, await listPageInGraph(token, nextLink));
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
