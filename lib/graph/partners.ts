import "server-only";
import type { Partner, PartnerRow } from "@/lib/models";
import { fail, ok, type Result } from "@/lib/result";
import { GRAPH_VERSION, graphRequest, resolveGraphRoots, type GraphOptions } from "./client";
import { untrustedLinkError } from "./errors";
import { toPartner } from "./mappers";
import { sendBatch, splitIntoBatches, uniqueTenantIds } from "./batch";
import { PARTNERS_PATH, partnerPath } from "./paths";
import type { WireODataCollection, WirePartner } from "./wire-types";

const EXPAND_SYNC = { $expand: "identitySynchronization" } as const;

/** Only the columns the list shows (a partner has no name of its own: it comes from tenant information); the partner page reads the whole partner. */
export const PARTNER_ROW_QUERY = {
  $select: "tenantId,isServiceProvider,isInMultiTenantOrganization",
  $expand: "identitySynchronization($select=tenantId,displayName,userSyncInbound,groupSyncInbound)",
} as const;

/** Query options a partners nextLink may carry; anything else is not a page of this list. */
const PAGE_LINK_OPTIONS: ReadonlySet<string> = new Set(["$select", "$expand", "$top", "$skip", "$skiptoken"]);

export interface PartnersPage {
  partners: PartnerRow[];
  /** Where the next page is; null on the last page. */
  nextLink: string | null;
}

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

function isPageLinkOn(url: URL, root: string): boolean {
  let base: URL;
  try {
    base = new URL(root);
  } catch {
    return false;
  }
  if (url.origin !== base.origin) return false;
  const expected = `${base.pathname.replace(/\/+$/, "")}${GRAPH_VERSION}${PARTNERS_PATH}`.toLowerCase();
  return url.pathname.toLowerCase() === expected;
}

/**
 * A nextLink comes back from the browser, so it is checked before the token goes with it:
 * the partners collection on the Graph root (or on the cloud's Graph origin behind a proxy),
 * with paging options only.
 */
export function isPartnersPageLink(link: string, options: GraphOptions = {}): boolean {
  const roots = resolveGraphRoots(options);
  if (!roots.ok) return false;
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return false;
  }
  if (url.username || url.password || url.hash) return false;
  const { root, cloudRoot } = roots.data;
  if (!isPageLinkOn(url, root) && !(cloudRoot !== null && isPageLinkOn(url, cloudRoot))) return false;
  return [...url.searchParams.keys()].every((key) => PAGE_LINK_OPTIONS.has(key.toLowerCase()));
}

/** One page of the partners list: the first with $select, later ones by the nextLink Graph gave. */
export async function listPartnersPage(token: string, nextLink: string | null, options: GraphOptions = {}): Promise<Result<PartnersPage>> {
  const roots = resolveGraphRoots(options);
  if (!roots.ok) return roots;
  if (nextLink !== null && !isPartnersPageLink(nextLink, options)) return fail(untrustedLinkError());
  const result = await graphRequest<WireODataCollection<WirePartner> | null>(
    nextLink === null ? { token, method: "GET", path: PARTNERS_PATH, query: PARTNER_ROW_QUERY } : { token, method: "GET", path: nextLink },
    options,
  );
  if (!result.ok) return result;
  const body = result.data.body;
  const wires = body && Array.isArray(body.value) ? body.value : [];
  const next = body?.["@odata.nextLink"];
  const followUp = typeof next === "string" && next !== "" ? next : null;
  if (followUp !== null && (followUp === nextLink || !isPartnersPageLink(followUp, options))) return fail(untrustedLinkError());
  return ok({ partners: wires.map(toPartnerRow).filter((partner) => partner.tenantId !== ""), nextLink: followUp });
}

/** null when Graph has no such partner. */
export async function getPartner(token: string, tenantId: string, options?: GraphOptions): Promise<Result<Partner | null>> {
  const result = await graphRequest<WirePartner>({ token, method: "GET", path: partnerPath(tenantId), query: EXPAND_SYNC }, options);
  if (!result.ok) return result.error.status === 404 ? ok(null) : result;
  return ok(toPartner(result.data.body, tenantId));
}

/**
 * Display names of the given partners, read with $batch (20 per request).
 * Best effort: partners that cannot be read are simply absent from the map.
 */
export async function getPartnerNames(token: string, tenantIds: readonly string[], options?: GraphOptions): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  for (const chunk of splitIntoBatches(uniqueTenantIds(tenantIds))) {
    const requests = chunk.map((tenantId, index) => ({ id: String(index), method: "GET" as const, url: `${partnerPath(tenantId)}?$select=tenantId,displayName` }));
    const answer = await sendBatch(token, requests, options);
    if (!answer.ok) continue;
    for (const item of answer.data) {
      const tenantId = chunk[Number(item.id)];
      const body = item.body as { displayName?: unknown } | null;
      if (tenantId && item.status === 200 && typeof body?.displayName === "string" && body.displayName.trim()) names.set(tenantId, body.displayName.trim());
    }
  }
  return names;
}
