"use server";
import "server-only";
import type { DeletedSyncPolicy, Partner } from "@/lib/models";
import { fail, ok, type AppError, type Result } from "@/lib/result";
import { getPartner, listPartners } from "@/lib/graph/partners";
import { getDeletedSyncPolicy, listDeletedSyncPolicies } from "@/lib/graph/sync-policies";
import { actionArguments, deletedItemsUnsupportedError, tenantIdSchema, tokenSchema } from "./validate";

const viewArgs = actionArguments({ token: tokenSchema });
const detailArgs = actionArguments({ token: tokenSchema, tenantId: tenantIdSchema });

export interface PartnersView {
  partners: Partner[];
  /** null when the deleted items could not be read; see deletedItemsError. */
  deletedSyncPolicies: DeletedSyncPolicy[] | null;
  deletedItemsError: AppError | null;
}

export interface PartnerDetail {
  /** null when Graph has no such partner. */
  partner: Partner | null;
  deletedSyncPolicy: DeletedSyncPolicy | null;
}

async function readDeletedItems(token: string): Promise<Result<DeletedSyncPolicy[]>> {
  const unsupported = deletedItemsUnsupportedError();
  return unsupported ? fail(unsupported) : listDeletedSyncPolicies(token);
}

export async function getPartnersView(...sent: [token: string]): Promise<Result<PartnersView>> {
  const args = viewArgs(sent);
  if (!args.ok) return args;
  const [partners, deleted] = await Promise.all([listPartners(args.data.token), readDeletedItems(args.data.token)]);
  if (!partners.ok) return partners;
  const names = new Map(partners.data.map((partner) => [partner.tenantId.toLowerCase(), partner.displayName]));
  return ok({
    partners: partners.data,
    deletedSyncPolicies: deleted.ok ? deleted.data.map((policy) => ({ ...policy, partnerDisplayName: names.get(policy.tenantId.toLowerCase()) ?? null })) : null,
    deletedItemsError: deleted.ok ? null : deleted.error,
  });
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
