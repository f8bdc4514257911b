import "server-only";
/**
 * Reads Entra's directory audit log (GET /auditLogs/directoryAudits), one page per
 * call. Reports throttling is tight (about 5 requests per 10 s), so a 429 is never
 * retried here: it goes back with Retry-After for the browser to count down.
 */
import type { AuditPage } from "@/lib/audit/types";
import { AUDIT_SERVICE, isCrossTenantCategory } from "@/lib/audit/activities";
import { ok, type Result } from "@/lib/core/result";
import type { GraphOptions, GraphQuery } from "./client";
import { toAuditEntry, type WireDirectoryAudit } from "./audit-mappers";
import { graphListPage } from "./paging";

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
  /** The initiating user's sign-in name starts with this. */
  initiatedByUpnStart?: string | null;
  /** Exact activityDisplayName. */
  activity?: string | null;
  /** activityDisplayName starts with this (used where Graph documents no exact name). */
  activityPrefix?: string | null;
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
  else if (query.initiatedByUpnStart) clauses.push(`startswith(initiatedBy/user/userPrincipalName, ${odataString(query.initiatedByUpnStart)})`);
  if (query.partnerTenantId) clauses.push(`targetResources/any(t: t/id eq ${odataString(query.partnerTenantId)})`);
  return clauses.join(" and ");
}

export function auditQueryOptions(query: AuditQuery): GraphQuery {
  return { $filter: buildAuditFilter(query), $orderby: "activityDateTime desc", $top: AUDIT_PAGE_SIZE };
}

/** An audit nextLink carries the query it pages through, so the filter and order are part of a page link here. */
const AUDIT_LINK_OPTIONS: ReadonlySet<string> = new Set(["$filter", "$orderby", "$top", "$skiptoken"]);

/** One page of cross-tenant access and sync changes, newest first; other Core Directory entries are left out. */
export async function listAuditPage(token: string, cursor: AuditCursor, overrides: GraphOptions = {}): Promise<Result<AuditPage>> {
  const options = { ...AUDIT_GRAPH_OPTIONS, ...overrides };
  const first = "query" in cursor ? auditQueryOptions(cursor.query) : undefined;
  const nextLink = "nextLink" in cursor ? cursor.nextLink : null;
  const page = await graphListPage<WireDirectoryAudit>({ token, path: DIRECTORY_AUDITS_PATH, query: first, linkOptions: AUDIT_LINK_OPTIONS }, nextLink, options);
  if (!page.ok) return page;
  const wire = page.data.items;
  return ok({
    entries: wire.map(toAuditEntry).filter((entry) => entry.id !== "" && isCrossTenantCategory(entry.category)),
    nextLink: page.data.nextLink,
    scanned: wire.length,
  });
}
