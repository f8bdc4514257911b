"use server";
import "server-only";
import { fail, type Result } from "@/lib/core/result";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { setUpSyncSteps } from "@/lib/graph/partner-writes";
import {
  deleteSyncPolicy as deleteInGraph,
  purgeSyncPolicies as purgeManyInGraph,
  updateSyncPolicy as updateInGraph,
  type SyncSettings as GraphSyncSettings,
} from "@/lib/graph/sync-policy-writes";
import { runSequence } from "@/lib/graph/writes";
import {
  actionArguments,
  deletedItemsUnsupportedError,
  displayNameSchema,
  flagSchema,
  syncSettingsSchema,
  tenantIdSchema,
  tenantIdsSchema,
  tokenSchema,
} from "./validate";
import { failIfAllUnauthorized, WRITE_GRAPH_OPTIONS } from "./outcomes";

const setUpArgs = actionArguments({ token: tokenSchema, tenantId: tenantIdSchema, displayName: displayNameSchema, enableAutomaticRedemption: flagSchema });
const updateArgs = actionArguments({ token: tokenSchema, tenantId: tenantIdSchema, settings: syncSettingsSchema });
const deleteArgs = actionArguments({ token: tokenSchema, tenantId: tenantIdSchema });
const purgeArgs = actionArguments({ token: tokenSchema, tenantIds: tenantIdsSchema.min(1, { error: "must name at least one tenant" }) });

/** The inbound sync switches a change may set; anything else is refused. */
export type SyncSettings = GraphSyncSettings;

/** PUT a sync policy named after the partner; then, if asked, turn on inbound automatic redemption. Outcomes in the order sent. */
export async function setUpSync(
  ...sent: [token: string, tenantId: string, displayName: string, enableAutomaticRedemption: boolean]
): Promise<Result<WriteOutcome[]>> {
  const args = setUpArgs(sent);
  if (!args.ok) return args;
  const { token, tenantId, displayName, enableAutomaticRedemption } = args.data;
  const outcomes = await runSequence(token, setUpSyncSteps(token, tenantId, displayName, enableAutomaticRedemption, WRITE_GRAPH_OPTIONS), WRITE_GRAPH_OPTIONS);
  return failIfAllUnauthorized(outcomes, outcomes);
}

export async function updateSyncPolicy(...sent: [token: string, tenantId: string, settings: SyncSettings]): Promise<Result<WriteOutcome>> {
  const args = updateArgs(sent);
  if (!args.ok) return args;
  const outcome = await updateInGraph(args.data.token, args.data.tenantId, args.data.settings, WRITE_GRAPH_OPTIONS);
  return failIfAllUnauthorized([outcome], outcome);
}

export async function deleteSyncPolicy(...sent: [token: string, tenantId: string]): Promise<Result<WriteOutcome>> {
  const args = deleteArgs(sent);
  if (!args.ok) return args;
  const outcome = await deleteInGraph(args.data.token, args.data.tenantId, WRITE_GRAPH_OPTIONS);
  return failIfAllUnauthorized([outcome], outcome);
}

export async function purgeSyncPolicies(...sent: [token: string, tenantIds: string[]]): Promise<Result<WriteOutcome[]>> {
  const args = purgeArgs(sent);
  if (!args.ok) return args;
  const unsupported = deletedItemsUnsupportedError();
  if (unsupported) return fail(unsupported);
  const result = await purgeManyInGraph(args.data.token, args.data.tenantIds, WRITE_GRAPH_OPTIONS);
  if (!result.ok) return result;
  return failIfAllUnauthorized(result.data, result.data);
}
