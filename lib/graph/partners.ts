import "server-only";
import type { Partner, PartnerRow } from "@/lib/models";
import { fail, ok, type Result } from "@/lib/result";
import { GRAPH_VERSION, graphRequest, resolveGraphRoot, type GraphOptions } from "./client";
import { untrustedLinkError } from "./errors";
import { toPartner } from "./mappers";
import { sendBatch, splitIntoBatches, uniqueTenantIds } from "./batch";
import { PARTNERS_PATH, partnerPath } from "./paths";
import type { WireODataCollection, WirePartner } from "./wire-types";

const EXPAND_SYNC = { $expand: "identitySynchronization" } as const;

/** Only the columns the list shows; the partner page reads the whole partner. */
export const PARTNER_ROW_QUERY = {
  $select: "tenantId,displayName,isServiceProvider,isInMultiTenantOrganization",
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

/**
 * A nextLink comes back from the browser, so it is checked before the token goes with it:
 * the Graph origin, the partners collection and paging options only.
 */
export function isPartnersPageLink(link: string, graphRoot: string): boolean {
  let url: URL;
  let root: URL;
  try {
    url = new URL(link);
    root = new URL(graphRoot);
  } catch {
    return false;
  }
  if (url.origin !== root.origin || url.username || url.password || url.hash) return false;
  const expected = `${root.pathname.replace(/\/+$/, "")}${GRAPH_VERSION}${PARTNERS_PATH}`.toLowerCase();
  if (url.pathname.toLowerCase() !== expected) return false;
  return [...url.searchParams.keys()].every((key) => PAGE_LINK_OPTIONS.has(key.toLowerCase()));
}

/** One page of the partners list: the first with $select, later ones by the nextLink Graph gave. */
export async function listPartnersPage(token: string, nextLink: string | null, options: GraphOptions = {}): Promise<Result<PartnersPage>> {
  const root = resolveGraphRoot(options);
  if (!root.ok) return root;
  if (nextLink !== null && !isPartnersPageLink(nextLink, root.data)) return fail(untrustedLinkError());
  const result = await graphRequest<WireODataCollection<WirePartner> | null>(
    nextLink === null ? { token, method: "GET", path: PARTNERS_PATH, query: PARTNER_ROW_QUERY } : { token, method: "GET", path: nextLink },
    options,
  );
  if (!result.ok) return result;
  const body = result.data.body;
  const wires = body && Array.isArray(body.value) ? body.value : [];
  const next = body?.["@odata.nextLink"];
  const followUp = typeof next === "string" && next !== "" ? next : null;
  if (followUp !== null && (followUp === nextLink || !isPartnersPageLink(followUp, root.data))) return fail(untrustedLinkError());
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
