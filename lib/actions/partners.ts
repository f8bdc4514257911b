"use server";
import "server-only";
import type { DeletedSyncPolicy, Partner } from "@/lib/models";
import { ok, type Result } from "@/lib/result";
import { getPartner, listPartnersPage as listPartnersPageInGraph, type PartnersPage } from "@/lib/graph/partners";
import { getDeletedSyncPolicy } from "@/lib/graph/sync-policies";
import { actionArguments, deletedItemsUnsupportedError, pageLinkSchema, pageOfList, tenantIdSchema, tokenSchema } from "./validate";

export type { PartnersPage };

export interface PartnerDetail {
  /** null when Graph has no such partner. */
  partner: Partner | null;
  deletedSyncPolicy: DeletedSyncPolicy | null;
}

const LIST = "partners list";
const pageArgs = actionArguments({ token: tokenSchema, nextLink: pageLinkSchema(LIST) });
const detailArgs = actionArguments({ token: tokenSchema, tenantId: tenantIdSchema });

/** One Graph page per call, so the browser shows the first rows while it asks for the rest. */
export async function listPartnersPage(...sent: [token: string, nextLink: string | null]): Promise<Result<PartnersPage>> {
  const args = pageArgs(sent);
  if (!args.ok) return args;
  const { token, nextLink } = args.data;
  // The link came back from the browser: lib/graph sends the token only to a page of the partners list.
  return pageOfList(LIST, await listPartnersPageInGraph(token, nextLink));
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
