import "server-only";
import type { TenantInformation } from "@/lib/core/models";
import { fail, ok, type Result } from "@/lib/core/result";
import { graphRequest, type GraphOptions } from "./client";
import { batchItemError, inCompletionOrder, sendBatch, splitIntoBatches, uniqueTenantIds } from "./batch";
import { toTenantInformation } from "./mappers";
import { tenantInformationByDomainPath, tenantInformationByIdPath } from "./paths";
import type { WireTenantInformation } from "./wire-types";

export interface TenantLookup {
  found: TenantInformation[];
  /** Ids Graph does not know (404): no name will come for them. */
  unknown: string[];
}

/**
 * Who each tenant is, for at most one $batch (20 ids; sendBatch refuses more). Items that fail for
 * another reason (throttled, 5xx) are in neither list: the caller may ask again later.
 */
export async function findTenantInformation(token: string, tenantIds: readonly string[], options?: GraphOptions): Promise<Result<TenantLookup>> {
  const ids = uniqueTenantIds(tenantIds);
  const answer = await sendBatch(
    token,
    ids.map((id, index) => ({ id: String(index), method: "GET" as const, url: tenantInformationByIdPath(id) })),
    options,
  );
  if (!answer.ok) return answer;
  const lookup: TenantLookup = { found: [], unknown: [] };
  const failures = [];
  for (const item of answer.data) {
    const tenantId = ids[Number(item.id)];
    if (!tenantId) continue;
    if (item.status === 200) lookup.found.push(toTenantInformation(item.body as WireTenantInformation, tenantId));
    else if (item.status === 404) lookup.unknown.push(tenantId);
    else failures.push(batchItemError(item));
  }
  // Nothing answered: say why (a 403 means the scope is missing) instead of an empty lookup.
  const [first] = failures;
  if (first && failures.length === ids.length) return fail(first);
  return ok(lookup);
}

/** $batches of tenant lookups in flight at once: 120 tenants per Graph round trip, as fast as a list's pages arrive. */
export const LOOKUP_CONCURRENCY = 6;

/**
 * Who each of many tenants is: $batches of 20, several in flight, each answer yielded as it comes
 * (in the order Graph answers). A batch that fails outright is yielded and ends the lookups.
 */
export async function* findTenantInformationInBatches(
  token: string,
  tenantIds: readonly string[],
  options?: GraphOptions,
): AsyncGenerator<Result<TenantLookup>, void, undefined> {
  const batches = splitIntoBatches(uniqueTenantIds(tenantIds));
  for await (const lookup of inCompletionOrder(batches, LOOKUP_CONCURRENCY, (batch) => findTenantInformation(token, batch, options))) {
    yield lookup;
    if (!lookup.ok) return;
  }
}

/** null when no tenant has that domain. */
export async function findTenantByDomain(token: string, domain: string, options?: GraphOptions): Promise<Result<TenantInformation | null>> {
  const result = await graphRequest<WireTenantInformation>({ token, method: "GET", path: tenantInformationByDomainPath(domain) }, options);
  if (!result.ok) return result.error.status === 404 ? ok(null) : result;
  const info = toTenantInformation(result.data.body);
  return info.tenantId ? ok(info) : ok(null);
}
