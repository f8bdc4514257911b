import "server-only";
import type { Partner } from "@/lib/models";
import { ok, type Result } from "@/lib/result";
import { graphRequest, type GraphOptions } from "./client";
import { toPartner } from "./mappers";
import { graphListAll } from "./paging";
import { sendBatch, splitIntoBatches, uniqueTenantIds } from "./batch";
import { PARTNERS_PATH, partnerPath } from "./paths";
import type { WirePartner } from "./wire-types";

const EXPAND_SYNC = { $expand: "identitySynchronization" } as const;

/** Every partner with its sync policy: one collection GET, all pages. */
export async function listPartners(token: string, options?: GraphOptions): Promise<Result<Partner[]>> {
  const result = await graphListAll<WirePartner>({ token, path: PARTNERS_PATH, query: EXPAND_SYNC }, options);
  if (!result.ok) return result;
  return ok(result.data.map((wire) => toPartner(wire)).filter((partner) => partner.tenantId !== ""));
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
