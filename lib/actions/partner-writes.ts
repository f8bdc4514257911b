"use server";
import "server-only";
import { fail, type Result } from "@/lib/core/result";
import type { WriteOutcome } from "@/lib/writes/outcome";
import {
  addPartner as addInGraph,
  automaticRedemptionWrite,
  deletePartnerSteps,
  purgePartners as purgeInGraph,
  restorePartners as restoreInGraph,
  type RedemptionDirection,
} from "@/lib/graph/partner-writes";
import { runSequence } from "@/lib/graph/writes";
import { actionArguments, deletedItemsUnsupportedError, flagSchema, tenantIdSchema, tenantIdsSchema, tokenSchema } from "./validate";
import { failIfAllUnauthorized, WRITE_GRAPH_OPTIONS } from "./outcomes";

const idArgs = actionArguments({ token: tokenSchema, tenantId: tenantIdSchema });
const idsArgs = actionArguments({ token: tokenSchema, tenantIds: tenantIdsSchema.min(1, { error: "must name at least one tenant" }) });
const deleteArgs = actionArguments({ token: tokenSchema, tenantId: tenantIdSchema, withSyncPolicy: flagSchema });
const redemptionArgs = actionArguments({ token: tokenSchema, tenantId: tenantIdSchema, allowed: flagSchema });

export async function addPartner(...sent: [token: string, tenantId: string]): Promise<Result<WriteOutcome>> {
  const args = idArgs(sent);
  if (!args.ok) return args;
  const outcome = await addInGraph(args.data.token, args.data.tenantId, WRITE_GRAPH_OPTIONS);
  return failIfAllUnauthorized([outcome], outcome);
}

/**
 * Deletes the partner; with `withSyncPolicy`, its sync policy first, because
 * Graph refuses to delete a partner that still has one. Outcomes in the order sent.
 */
export async function deletePartner(...sent: [token: string, tenantId: string, withSyncPolicy: boolean]): Promise<Result<WriteOutcome[]>> {
  const args = deleteArgs(sent);
  if (!args.ok) return args;
  const outcomes = await runSequence(args.data.token, deletePartnerSteps(args.data.tenantId, args.data.withSyncPolicy), WRITE_GRAPH_OPTIONS);
  return failIfAllUnauthorized(outcomes, outcomes);
}

/** One outcome per partner, in the order sent: one row's failure loses no other row's outcome. */
export async function restorePartners(...sent: [token: string, tenantIds: string[]]): Promise<Result<WriteOutcome[]>> {
  const args = idsArgs(sent);
  if (!args.ok) return args;
  const unsupported = deletedItemsUnsupportedError();
  if (unsupported) return fail(unsupported);
  const outcomes = await restoreInGraph(args.data.token, args.data.tenantIds, WRITE_GRAPH_OPTIONS);
  return failIfAllUnauthorized(outcomes, outcomes);
}

export async function purgePartners(...sent: [token: string, tenantIds: string[]]): Promise<Result<WriteOutcome[]>> {
  const args = idsArgs(sent);
  if (!args.ok) return args;
  const unsupported = deletedItemsUnsupportedError();
  if (unsupported) return fail(unsupported);
  const outcomes = await purgeInGraph(args.data.token, args.data.tenantIds, WRITE_GRAPH_OPTIONS);
  return failIfAllUnauthorized(outcomes, outcomes);
}

async function setRedemption(direction: RedemptionDirection, sent: [token: string, tenantId: string, allowed: boolean]): Promise<Result<WriteOutcome[]>> {
  const args = redemptionArgs(sent);
  if (!args.ok) return args;
  const { token, tenantId, allowed } = args.data;
  const outcomes = await runSequence(token, [{ declare: () => automaticRedemptionWrite(token, tenantId, direction, allowed, WRITE_GRAPH_OPTIONS) }], WRITE_GRAPH_OPTIONS);
  return failIfAllUnauthorized(outcomes, outcomes);
}

/** Turns the partner's outbound automatic redemption on or off; inbound stays as it is. */
export async function setOutboundRedemption(...sent: [token: string, tenantId: string, allowed: boolean]): Promise<Result<WriteOutcome[]>> {
  return setRedemption("outbound", sent);
}

/** Turns the partner's inbound automatic redemption on or off (cross-tenant sync into this tenant needs it on); outbound stays as it is. */
export async function setInboundRedemption(...sent: [token: string, tenantId: string, allowed: boolean]): Promise<Result<WriteOutcome[]>> {
  return setRedemption("inbound", sent);
}
