import "server-only";
import type { AutomaticUserConsentSettings, DeletedPartner } from "@/lib/models";
import { ok, type Result } from "@/lib/result";
import type { Observed, WriteOutcome } from "@/lib/writes/outcome";
import { graphRequest, type GraphOptions } from "./client";
import { toDeletedPartner } from "./mappers";
import { graphPages } from "./paging";
import { getPartner } from "./partners";
import { DELETED_PARTNERS_PATH, deletedPartnerPath, PARTNERS_PATH, partnerPath, restoreDeletedPartnerPath } from "./paths";
import type { WirePartner } from "./wire-types";
import { observePresence, runWrite } from "./writes";

/** POST partners {tenantId}: every other setting stays null, inherited from the default policy. */
export function addPartner(token: string, tenantId: string, options?: GraphOptions): Promise<WriteOutcome> {
  return runWrite(
    token,
    {
      write: "add-partner",
      tenantId,
      method: "POST",
      path: PARTNERS_PATH,
      body: { tenantId },
      observe: () => observePresence(() => getPartner(token, tenantId, options), true),
    },
    options,
  );
}

/** PATCH automaticUserConsentSettings: the object is replaced whole, so the caller sends both directions. */
export function updateAutomaticConsent(token: string, tenantId: string, consent: AutomaticUserConsentSettings, options?: GraphOptions): Promise<WriteOutcome> {
  return runWrite(
    token,
    {
      write: "update-partner",
      tenantId,
      method: "PATCH",
      path: partnerPath(tenantId),
      body: { automaticUserConsentSettings: consent },
      observe: async (): Promise<Observed> => {
        const partner = await getPartner(token, tenantId, options);
        if (!partner.ok) return { kind: "unreadable", error: partner.error };
        const now = partner.data?.automaticUserConsentSettings;
        return { kind: now?.inboundAllowed === consent.inboundAllowed && now?.outboundAllowed === consent.outboundAllowed ? "reached" : "not-reached" };
      },
    },
    options,
  );
}

/** Soft delete; Graph refuses while the partner has a sync policy. */
export function deletePartner(token: string, tenantId: string, options?: GraphOptions): Promise<WriteOutcome> {
  return runWrite(
    token,
    {
      write: "delete-partner",
      tenantId,
      method: "DELETE",
      path: partnerPath(tenantId),
      observe: () => observePresence(() => getPartner(token, tenantId, options), false),
    },
    options,
  );
}

/** Deleted partner configurations, page by page as Graph answers. */
export function listDeletedPartners(token: string, options: GraphOptions = {}): AsyncGenerator<Result<DeletedPartner[]>, void, undefined> {
  return graphPages<WirePartner, DeletedPartner>(
    { token, path: DELETED_PARTNERS_PATH },
    (wire) => wire.map((partner) => toDeletedPartner(partner)).filter((partner) => partner.tenantId !== ""),
    options,
  );
}

export async function getDeletedPartner(token: string, tenantId: string, options?: GraphOptions): Promise<Result<DeletedPartner | null>> {
  const result = await graphRequest<WirePartner>({ token, method: "GET", path: deletedPartnerPath(tenantId) }, options);
  if (!result.ok) return result.error.status === 404 ? ok(null) : result;
  return ok(toDeletedPartner(result.data.body, tenantId));
}

export function restorePartner(token: string, tenantId: string, options?: GraphOptions): Promise<WriteOutcome> {
  return runWrite(
    token,
    {
      write: "restore-partner",
      tenantId,
      method: "POST",
      path: restoreDeletedPartnerPath(tenantId),
      observe: () => observePresence(() => getPartner(token, tenantId, options), true),
    },
    options,
  );
}

export function purgePartner(token: string, tenantId: string, options?: GraphOptions): Promise<WriteOutcome> {
  return runWrite(
    token,
    {
      write: "purge-partner",
      tenantId,
      method: "DELETE",
      path: deletedPartnerPath(tenantId),
      observe: () => observePresence(() => getDeletedPartner(token, tenantId, options), false),
    },
    options,
  );
}
