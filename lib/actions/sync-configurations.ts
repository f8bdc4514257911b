"use server";
import "server-only";
import { ok, type Result, type Streamed } from "@/lib/core/result";
import type { DirectoryUser, OutboundListPart, SyncConfigurationDetail } from "@/lib/outbound/models";
import { getSyncConfiguration as getInGraph, listSyncConfigurations as listInGraph, searchUsers as searchInGraph } from "@/lib/graph/sync-configurations";
import { actionArguments, objectIdSchema, searchTextSchema, tokenSchema } from "./validate";

const listArgs = actionArguments({ token: tokenSchema });
const detailArgs = actionArguments({ token: tokenSchema, servicePrincipalId: objectIdSchema });
const searchArgs = actionArguments({ token: tokenSchema, text: searchTextSchema });

/** Every cross-tenant sync configuration, then their jobs, in one streamed call: configurations page by page, jobs $batch by $batch. */
export async function listSyncConfigurations(...sent: [token: string]): Promise<Result<Streamed<OutboundListPart>>> {
  const args = listArgs(sent);
  if (!args.ok) return args;
  return ok({ parts: listInGraph(args.data.token) });
}

export async function getSyncConfiguration(...sent: [token: string, servicePrincipalId: string]): Promise<Result<SyncConfigurationDetail>> {
  const args = detailArgs(sent);
  if (!args.ok) return args;
  return getInGraph(args.data.token, args.data.servicePrincipalId);
}

/** Users whose name or sign-in name starts with the text, to provision one on demand. */
export async function searchUsers(...sent: [token: string, text: string]): Promise<Result<DirectoryUser[]>> {
  const args = searchArgs(sent);
  if (!args.ok) return args;
  return searchInGraph(args.data.token, args.data.text);
}
