"use server";
import "server-only";
import { z } from "zod";
import type { DeletedSyncPolicy, Partner } from "@/lib/models";
import { ok, type Result } from "@/lib/result";
import { getPartner, listPartnersPage as listPartnersPageInGraph, type PartnersPage } from "@/lib/graph/partners";
import { getDeletedSyncPolicy } from "@/lib/graph/sync-policies";
import { deletedItemsUnsupportedError, parseArgs, tenantIdSchema, tokenSchema } from "./validate";

export type { PartnersPage };

export interface PartnerDetail {
  /** null when Graph has no such partner. */
  partner: Partner | null;
  deletedSyncPolicy: DeletedSyncPolicy | null;
}

/** A nextLink from an earlier page; lib/graph checks it points at the partners list before sending the token. */
const nextLinkSchema = z.string({ error: "must be a paging link" }).max(4096, { error: "must be a paging link" }).url({ error: "must be a paging link" }).nullable();

/** One Graph page per call, so the browser shows the first rows while it asks for the rest. */
export async function listPartnersPage(token: string, nextLink: string | null): Promise<Result<PartnersPage>> {
  const args = parseArgs(z.object({ token: tokenSchema, nextLink: nextLinkSchema }), { token, nextLink });
  if (!args.ok) return args;
  return listPartnersPageInGraph(args.data.token, args.data.nextLink);
}

export async function getPartnerDetail(token: string, tenantId: string): Promise<Result<PartnerDetail>> {
  const args = parseArgs(z.object({ token: tokenSchema, tenantId: tenantIdSchema }), { token, tenantId });
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
