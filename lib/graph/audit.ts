import "server-only";
/**
 * Reads Entra's directory audit log (GET /auditLogs/directoryAudits), one page per
 * call. Reports throttling is tight (about 5 requests per 10 s), so a 429 is never
 * retried here: it goes back with Retry-After for the browser to count down.
 */
import type { AuditPage } from "@/lib/audit/types";
import { AUDIT_SERVICE, isCrossTenantCategory } from "@/lib/audit/activities";
import { fail, ok, type Result } from "@/lib/result";
import { graphRequest, resolveGraphRoot, type GraphOptions, type GraphQuery } from "./client";
import { untrustedLinkError } from "./errors";
import { toAuditEntry, type WireDirectoryAudit } from "./audit-mappers";
import type { WireODataCollection } from "./wire-types";

export const DIRECTORY_AUDITS_PATH = "/auditLogs/directoryAudits";
export const AUDIT_PAGE_SIZE = 50;

/** Every retry is a request against the reports budget: none here. */
export const AUDIT_GRAPH_OPTIONS: GraphOptions = { maxRetries: 0 };

export interface AuditQuery {
  /** ISO date-time, inclusive. */
  since: string;
  until?: string | null;
  partnerTenantId?: string | null;
  initiatedByUpn?: string | null;
  /** Exact activityDisplayName. */
  activity?: string | null;
  /** activityDisplayName starts with this (used where Graph documents no exact name). */
  activityPrefix?: string | null;
  top?: number;
}

export type AuditCursor = { query: AuditQuery } | { nextLink: string };

const odataString = (value: string) => `'${value.replace(/'/g, "''")}'`;
const odataDate = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z");

/** The `$filter` for a query, using only the documented properties and operators. */
export function buildAuditFilter(query: AuditQuery): string {
  const clauses = [`loggedByService eq ${odataString(AUDIT_SERVICE)}`, `activityDateTime ge ${odataDate(query.since)}`];
  if (query.until) clauses.push(`activityDateTime le ${odataDate(query.until)}`);
  if (query.activity) clauses.push(`activityDisplayName eq ${odataString(query.activity)}`);
  else if (query.activityPrefix) clauses.push(`startswith(activityDisplayName, ${odataString(query.activityPrefix)})`);
  if (query.initiatedByUpn) clauses.push(`initiatedBy/user/userPrincipalName eq ${odataString(query.initiatedByUpn)}`);
  if (query.partnerTenantId) clauses.push(`targetResources/any(t: t/id eq ${odataString(query.partnerTenantId)})`);
  return clauses.join(" and ");
}

export function auditQueryOptions(query: AuditQuery): GraphQuery {
  return { $filter: buildAuditFilter(query), $orderby: "activityDateTime desc", $top: query.top ?? AUDIT_PAGE_SIZE };
}

/** A nextLink is followed only on the Graph origin and only for the audit collection it came from. */
function isAuditLink(link: string, graphRoot: string): boolean {
  try {
    const url = new URL(link);
    return url.origin === new URL(graphRoot).origin && /\/(beta|v1\.0)\/auditLogs\/directoryAudits$/.test(url.pathname);
  } catch {
    return false;
  }
}

/** One page of cross-tenant access and sync changes, newest first; other Core Directory entries are left out. */
export async function listAuditPage(token: string, cursor: AuditCursor, overrides: GraphOptions = {}): Promise<Result<AuditPage>> {
  const options = { ...AUDIT_GRAPH_OPTIONS, ...overrides };
  let request: { path: string; query?: GraphQuery };
  if ("nextLink" in cursor) {
    const root = resolveGraphRoot(options);
    if (!root.ok) return root;
    if (!isAuditLink(cursor.nextLink, root.data)) return fail(untrustedLinkError());
    request = { path: cursor.nextLink };
  } else {
    request = { path: DIRECTORY_AUDITS_PATH, query: auditQueryOptions(cursor.query) };
  }
  const result = await graphRequest<WireODataCollection<WireDirectoryAudit> | null>({ token, method: "GET", ...request }, options);
  if (!result.ok) return result;
  const body = result.data.body;
  const wire = body && Array.isArray(body.value) ? body.value : [];
  const next = body?.["@odata.nextLink"];
  return ok({
    entries: wire.map(toAuditEntry).filter((entry) => entry.id !== "" && isCrossTenantCategory(entry.category)),
    nextLink: typeof next === "string" && next !== "" ? next : null,
    scanned: wire.length,
  });
}
