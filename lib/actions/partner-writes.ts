"use server";
import "server-only";
import type { DeletedPartner } from "@/lib/models";
import { fail, ok, type Result, type Streamed } from "@/lib/result";
import type { WriteOutcome } from "@/lib/writes/outcome";
import {
  addPartner as addInGraph,
  deletePartner as deleteInGraph,
  listDeletedPartners as listDeletedInGraph,
  purgePartner as purgeInGraph,
  restorePartner as restoreInGraph,
} from "@/lib/graph/partner-writes";
import { deleteSyncPolicy } from "@/lib/graph/sync-policy-writes";
import { actionArguments, deletedItemsUnsupportedError, flagSchema, tenantIdSchema, tokenSchema } from "./validate";
import { failIfAllUnauthorized, WRITE_GRAPH_OPTIONS } from "./outcomes";

const listArgs = actionArguments({ token: tokenSchema });
const idArgs = actionArguments({ token: tokenSchema, tenantId: tenantIdSchema });
const deleteArgs = actionArguments({ token: tokenSchema, tenantId: tenantIdSchema, withSyncPolicy: flagSchema });

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
  const outcomes: WriteOutcome[] = [];
  if (args.data.withSyncPolicy) {
    const policy = await deleteSyncPolicy(args.data.token, args.data.tenantId, WRITE_GRAPH_OPTIONS);
    outcomes.push(policy);
    if (policy.kind !== "done" && policy.kind !== "already-done") return failIfAllUnauthorized(outcomes, outcomes);
  }
  outcomes.push(await deleteInGraph(args.data.token, args.data.tenantId, WRITE_GRAPH_OPTIONS));
  return failIfAllUnauthorized(outcomes, outcomes);
}

/** Every deleted partner configuration in one call, streamed page by page like every list read. */
export async function listDeletedPartners(...sent: [token: string]): Promise<Result<Streamed<DeletedPartner[]>>> {
  const args = listArgs(sent);
  if (!args.ok) return args;
  const unsupported = deletedItemsUnsupportedError();
  if (unsupported) return fail(unsupported);
  return ok({ parts: listDeletedInGraph(args.data.token) });
}

export async function restorePartner(...sent: [token: string, tenantId: string]): Promise<Result<WriteOutcome>> {
  const args = idArgs(sent);
  if (!args.ok) return args;
  const unsupported = deletedItemsUnsupportedError();
  if (unsupported) return fail(unsupported);
  const outcome = await restoreInGraph(args.data.token, args.data.tenantId, WRITE_GRAPH_OPTIONS);
  return failIfAllUnauthorized([outcome], outcome);
}

export async function purgePartner(...sent: [token: string, tenantId: string]): Promise<Result<WriteOutcome>> {
  const args = idArgs(sent);
  if (!args.ok) return args;
  const unsupported = deletedItemsUnsupportedError();
  if (unsupported) return fail(unsupported);
  const outcome = await purgeInGraph(args.data.token, args.data.tenantId, WRITE_GRAPH_OPTIONS);
  return failIfAllUnauthorized([outcome], outcome);
}
