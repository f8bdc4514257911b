"use server";
import "server-only";
import { fail, type Result } from "@/lib/result";
import type { WriteOutcome } from "@/lib/writes/outcome";
import { purgeSyncPolicies as purgeManyInGraph } from "@/lib/graph/batch";
import { getPartner } from "@/lib/graph/partners";
import { updateAutomaticConsent } from "@/lib/graph/partner-writes";
import { createSyncPolicy, deleteSyncPolicy as deleteInGraph, updateSyncPolicy as updateInGraph, type SyncSettings as GraphSyncSettings } from "@/lib/graph/sync-policy-writes";
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

export interface SetUpSyncResult {
  policy: WriteOutcome;
  /** The inbound automatic redemption change, when it was asked for and the policy exists. */
  redemption: WriteOutcome | null;
}

/** PUT a sync policy named after the partner; then, if asked, turn on inbound automatic redemption. */
export async function setUpSync(
  ...sent: [token: string, tenantId: string, displayName: string, enableAutomaticRedemption: boolean]
): Promise<Result<SetUpSyncResult>> {
  const args = setUpArgs(sent);
  if (!args.ok) return args;
  const { token: t, tenantId: id } = args.data;
  const policy = await createSyncPolicy(t, id, args.data.displayName, { userSyncAllowed: true }, WRITE_GRAPH_OPTIONS);
  if (policy.kind === "unauthorized" && policy.error) return fail(policy.error);
  if (!args.data.enableAutomaticRedemption || (policy.kind !== "done" && policy.kind !== "conflict")) return { ok: true, data: { policy, redemption: null } };
  // automaticUserConsentSettings is replaced whole: keep the outbound direction as it is.
  const partner = await getPartner(t, id);
  // Without the current outbound value the PATCH could switch it off: send nothing, say why.
  if (!partner.ok) {
    const redemption: WriteOutcome = { write: "update-partner", tenantId: id, kind: "failed", policy: null, error: partner.error, attempts: 0 };
    return { ok: true, data: { policy, redemption } };
  }
  const outboundAllowed = partner.data?.automaticUserConsentSettings?.outboundAllowed ?? false;
  const redemption = await updateAutomaticConsent(t, id, { inboundAllowed: true, outboundAllowed }, WRITE_GRAPH_OPTIONS);
  return { ok: true, data: { policy, redemption } };
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
