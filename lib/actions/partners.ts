"use server";
import "server-only";
import type { DeletedPartner, DeletedSyncPolicy, Partner, PartnerRow } from "@/lib/core/models";
import { fail, ok, type Result, type Streamed } from "@/lib/core/result";
import { getPartner, listDeletedPartners as listDeletedInGraph, listPartners as listPartnersInGraph } from "@/lib/graph/partners";
import { getDeletedSyncPolicy } from "@/lib/graph/sync-policies";
import { actionArguments, deletedItemsUnsupportedError, tenantIdSchema, tokenSchema } from "./validate";

export interface PartnerDetail {
  /** null when Graph has no such partner. */
  partner: Partner | null;
  deletedSyncPolicy: DeletedSyncPolicy | null;
}

const listArgs = actionArguments({ token: tokenSchema });
const detailArgs = actionArguments({ token: tokenSchema, tenantId: tenantIdSchema });

/**
 * The whole partners list in one call: each Graph page reaches the browser as it arrives, and the
 * tab's other actions are not held behind it. Graph's nextLinks stay on the server.
 */
export async function listPartners(...sent: [token: string]): Promise<Result<Streamed<PartnerRow[]>>> {
  const args = listArgs(sent);
  if (!args.ok) return args;
  return ok({ parts: listPartnersInGraph(args.data.token) });
}

export async function getPartnerDetail(...sent: [token: string, tenantId: string]): Promise<Result<PartnerDetail>> {
  const args = detailArgs(sent);
  if (!args.ok) return args;
  const { token: t, tenantId: id } = args.data;
  const [partner, deleted] = await Promise.all([
    getPartner(t, id),
    deletedItemsUnsupportedError() ? Promise.resolve(ok(null)) : getDeletedSyncPolicy(t, id),
  ]);
  if (!partner.ok) return partner;
  // The partner is the page; a failed deleted-item lookup only hides the "in deleted items" hint.
  const deletedSyncPolicy = deleted.ok && deleted.data ? { ...deleted.data, partnerDisplayName: partner.data?.displayName ?? null } : null;
  return ok({ partner: partner.data, deletedSyncPolicy });
}

/** Every deleted partner configuration in one call, streamed page by page like every list read. */
export async function listDeletedPartners(...sent: [token: string]): Promise<Result<Streamed<DeletedPartner[]>>> {
  const args = listArgs(sent);
  if (!args.ok) return args;
  const unsupported = deletedItemsUnsupportedError();
  if (unsupported) return fail(unsupported);
  return ok({ parts: listDeletedInGraph(args.data.token) });
}
