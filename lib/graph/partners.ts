import "server-only";
import type { Partner, PartnerRow } from "@/lib/models";
import { ok, type Result } from "@/lib/result";
import { graphRequest, type GraphOptions } from "./client";
import { toPartner } from "./mappers";
import { graphPages } from "./paging";
import { PARTNERS_PATH, partnerPath } from "./paths";
import type { WirePartner } from "./wire-types";

const EXPAND_SYNC = { $expand: "identitySynchronization" } as const;

/** Only the columns the list shows (a partner has no name of its own: it comes from tenant information); the partner page reads the whole partner. */
export const PARTNER_ROW_QUERY = {
  $select: "tenantId,isServiceProvider,isInMultiTenantOrganization",
  $expand: "identitySynchronization($select=tenantId,displayName,userSyncInbound,groupSyncInbound)",
} as const;

export function toPartnerRow(wire: WirePartner): PartnerRow {
  const partner = toPartner(wire);
  const policy = partner.syncPolicy;
  return {
    tenantId: partner.tenantId,
    displayName: partner.displayName,
    isServiceProvider: partner.isServiceProvider,
    isInMultiTenantOrganization: partner.isInMultiTenantOrganization,
    syncPolicy: policy
      ? { tenantId: policy.tenantId, displayName: policy.displayName, userSyncAllowed: policy.userSyncAllowed, groupSyncAllowed: policy.groupSyncAllowed }
      : null,
  };
}

/** The partners list, page by page as Graph answers: the first with $select, later ones by the nextLinks Graph gives. */
export function listPartners(token: string, options: GraphOptions = {}): AsyncGenerator<Result<PartnerRow[]>, void, undefined> {
  return graphPages<WirePartner, PartnerRow>(
    { token, path: PARTNERS_PATH, query: PARTNER_ROW_QUERY },
    (wire) => wire.map(toPartnerRow).filter((partner) => partner.tenantId !== ""),
    options,
  );
}

/** null when Graph has no such partner. */
export async function getPartner(token: string, tenantId: string, options?: GraphOptions): Promise<Result<Partner | null>> {
  const result = await graphRequest<WirePartner>({ token, method: "GET", path: partnerPath(tenantId), query: EXPAND_SYNC }, options);
  if (!result.ok) return result.error.status === 404 ? ok(null) : result;
  return ok(toPartner(result.data.body, tenantId));
}

/** Every partner configuration whole, with its whole sync policy (snapshots), page by page as Graph answers. */
export function listPartnerConfigurations(token: string, options: GraphOptions = {}): AsyncGenerator<Result<Partner[]>, void, undefined> {
  return graphPages<WirePartner, Partner>(
    { token, path: PARTNERS_PATH, query: EXPAND_SYNC },
    (wire) => wire.map((partner) => toPartner(partner)).filter((partner) => partner.tenantId !== ""),
    options,
  );
}
