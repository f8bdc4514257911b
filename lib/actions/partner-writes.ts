"use server";
import "server-only";
import { fail, type Result } from "@/lib/result";
import type { WriteOutcome } from "@/lib/writes/outcome";
import {
  addPartner as addInGraph,
  deletePartner as deleteInGraph,
  listDeletedPartnersPage as listDeletedPageInGraph,
  purgePartner as purgeInGraph,
  restorePartner as restoreInGraph,
  type DeletedPartnersPage,
} from "@/lib/graph/partner-writes";
import { deleteSyncPolicy } from "@/lib/graph/sync-policy-writes";
import { actionArguments, deletedItemsUnsupportedError, flagSchema, pageLinkSchema, pageOfList, tenantIdSchema, tokenSchema } from "./validate";
import { failIfAllUnauthorized, WRITE_GRAPH_OPTIONS } from "./outcomes";

const LIST = "deleted partners list";
const pageArgs = actionArguments({ token: tokenSchema, nextLink: pageLinkSchema(LIST) });
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

/** One Graph page per call, like every list read, so the tab's other actions are not held behind it. */
export async function listDeletedPartnersPage(...sent: [token: string, nextLink: string | null]): Promise<Result<DeletedPartnersPage>> {
  const args = pageArgs(sent);
  if (!args.ok) return args;
  const unsupported = deletedItemsUnsupportedError();
  if (unsupported) return fail(unsupported);
  const { token, nextLink } = args.data;
  // The link came back from the browser: lib/graph sends the token only to a page of this list.
  return pageOfList(LIST, await listDeletedPageInGraph(token, nextLink));
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
