import "server-only";
import type { DeletedPartner, Partner, PartnerRow } from "@/lib/core/models";
import { ok, type Result } from "@/lib/core/result";
import { graphRequest, type GraphOptions } from "./client";
import { toDeletedPartner, toPartner } from "./mappers";
import { graphPages } from "./paging";
import { DELETED_PARTNERS_PATH, PARTNERS_PATH, partnerPath } from "./paths";
import type { WirePartner } from "./wire-types";
import { toPartnerRow } from "@/lib/partners/row";

const EXPAND_SYNC = { $expand: "identitySynchronization" } as const;

/** Only the columns the list shows (a partner has no name of its own: it comes from tenant information); the partner page reads the whole partner. */
export const PARTNER_ROW_QUERY = {
  $select: "tenantId,isServiceProvider,isInMultiTenantOrganization,automaticUserConsentSettings",
  $expand: "identitySynchronization($select=tenantId,displayName,userSyncInbound,groupSyncInbound)",
} as const;

/** The partners list, page by page as Graph answers: the first with $select, later ones by the nextLinks Graph gives. */
export function listPartners(token: string, options: GraphOptions = {}): AsyncGenerator<Result<PartnerRow[]>, void, undefined> {
  return graphPages<WirePartner, PartnerRow>(
    { token, path: PARTNERS_PATH, query: PARTNER_ROW_QUERY },
    (wire) => wire.map((partner) => toPartnerRow(toPartner(partner))).filter((partner) => partner.tenantId !== ""),
    options,
  );
}

/** null when Graph has no such partner. */
export async function getPartner(token: string, tenantId: string, options?: GraphOptions): Promise<Result<Partner | null>> {
  const result = await graphRequest<WirePartner>({ token, method: "GET", path: partnerPath(tenantId), query: EXPAND_SYNC }, options);
  if (!result.ok) return result.error.status === 404 ? ok(null) : result;
  return ok(toPartner(result.data.body, tenantId));
}

/** Deleted partner configurations, page by page as Graph answers. */
export function listDeletedPartners(token: string, options: GraphOptions = {}): AsyncGenerator<Result<DeletedPartner[]>, void, undefined> {
  return graphPages<WirePartner, DeletedPartner>(
    { token, path: DELETED_PARTNERS_PATH },
    (wire) => wire.map((partner) => toDeletedPartner(partner)).filter((partner) => partner.tenantId !== ""),
    options,
  );
}

/** Every partner configuration whole, with its whole sync policy (snapshots), page by page as Graph answers. */
export function listPartnerConfigurations(token: string, options: GraphOptions = {}): AsyncGenerator<Result<Partner[]>, void, undefined> {
  return graphPages<WirePartner, Partner>(
    { token, path: PARTNERS_PATH, query: EXPAND_SYNC },
    (wire) => wire.map((partner) => toPartner(partner)).filter((partner) => partner.tenantId !== ""),
    options,
  );
}
