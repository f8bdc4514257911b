import "server-only";
/**
 * Reads the provisioning log (GET /auditLogs/provisioning) of a cross-tenant sync configuration
 * (the configuration's name is read in `sync-configurations.ts`). The log shares the reports throttle of
 * the audit log (about 5 requests per 10 s), so no request here is retried: a 429 goes back with
 * Retry-After for the browser to count down, and a streamed read stops at it.
 */
import { ok, type Result } from "@/lib/core/result";
import {
  PROVISIONING_ACTIONS,
  PROVISIONING_STATUSES,
  type ProvisioningAction,
  type ProvisioningEvent,
  type ProvisioningPage,
  type ProvisioningStatus,
} from "@/lib/sync-errors/types";
import type { GraphOptions, GraphQuery } from "./client";
import { AUDIT_GRAPH_OPTIONS } from "./audit";
import { isRecordValue, nonEmptyString as text } from "./errors";
import { graphListPage } from "./paging";

export const PROVISIONING_PATH = "/auditLogs/provisioning";
export const PROVISIONING_PAGE_SIZE = 500;
/** The most pages one streamed read asks for: the reports budget's whole window. */
export const MAX_PROVISIONING_PAGES_PER_READ = 5;

export interface ProvisioningQuery {
  /** ISO date-time: entries after it. */
  since: string;
  /** One configuration; null reads every configuration's entries. */
  servicePrincipalId: string | null;
  status: ProvisioningStatus | null;
  action: ProvisioningAction | null;
}

export type ProvisioningCursor = { query: ProvisioningQuery } | { nextLink: string };

const odataString = (value: string) => `'${value.replace(/'/g, "''")}'`;
const odataDate = (iso: string) => new Date(iso).toISOString().replace(/\.\d{3}Z$/, "Z");

/** The `$filter`, with the documented properties and operators only (eq, gt). */
export function buildProvisioningFilter(query: ProvisioningQuery): string {
  const clauses = [`activityDateTime gt ${odataDate(query.since)}`];
  if (query.servicePrincipalId) clauses.push(`servicePrincipal/id eq ${odataString(query.servicePrincipalId)}`);
  if (query.status) clauses.push(`provisioningStatusInfo/status eq ${odataString(query.status)}`);
  if (query.action) clauses.push(`provisioningAction eq ${odataString(query.action)}`);
  return clauses.join(" and ");
}

export function provisioningQueryOptions(query: ProvisioningQuery): GraphQuery {
  return { $filter: buildProvisioningFilter(query), $orderby: "activityDateTime desc", $top: PROVISIONING_PAGE_SIZE };
}

/** A provisioning log nextLink carries its filter and order. */
const PROVISIONING_LINK_OPTIONS: ReadonlySet<string> = new Set(["$filter", "$orderby", "$top", "$skiptoken"]);

type Maybe<T> = T | null | undefined;

/** provisioningObjectSummary as it arrives; every field may be missing. */
export interface WireProvisioningObjectSummary {
  id?: Maybe<string>;
  activityDateTime?: Maybe<string>;
  provisioningAction?: Maybe<string>;
  provisioningStatusInfo?: Maybe<{
    status?: Maybe<string>;
    errorInformation?: Maybe<{ errorCode?: Maybe<string>; reason?: Maybe<string>; recommendedAction?: Maybe<string> }>;
  }>;
  servicePrincipal?: Maybe<{ id?: Maybe<string>; displayName?: Maybe<string> }>;
  sourceIdentity?: Maybe<{ id?: Maybe<string>; displayName?: Maybe<string>; details?: Maybe<Record<string, unknown>> }>;
  targetSystem?: Maybe<{ id?: Maybe<string> }>;
}

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | null => {
  const lower = typeof value === "string" ? value.toLowerCase() : "";
  return (values as readonly string[]).includes(lower) ? (lower as T) : null;
};

/** The sign-in name of the source user: Graph puts it in the identity's details (`UserPrincipalName`). */
function userPrincipalNameOf(details: unknown): string | null {
  if (!isRecordValue(details)) return null;
  const key = Object.keys(details).find((name) => name.toLowerCase() === "userprincipalname");
  return key ? text(details[key]) : null;
}

export function toProvisioningEvent(wire: WireProvisioningObjectSummary): ProvisioningEvent {
  const status = isRecordValue(wire.provisioningStatusInfo) ? wire.provisioningStatusInfo : null;
  const error = status && isRecordValue(status.errorInformation) ? status.errorInformation : null;
  const source = isRecordValue(wire.sourceIdentity) ? wire.sourceIdentity : null;
  const principal = isRecordValue(wire.servicePrincipal) ? wire.servicePrincipal : null;
  const target = isRecordValue(wire.targetSystem) ? wire.targetSystem : null;
  return {
    id: text(wire.id) ?? "",
    activityDateTime: text(wire.activityDateTime) ?? "",
    action: oneOf(PROVISIONING_ACTIONS, wire.provisioningAction),
    status: oneOf(PROVISIONING_STATUSES, status?.status),
    errorCode: text(error?.errorCode) ?? "",
    reason: text(error?.reason),
    recommendedAction: text(error?.recommendedAction),
    userId: text(source?.id) ?? "",
    userName: text(source?.displayName) ?? "",
    userPrincipalName: userPrincipalNameOf(source?.details),
    servicePrincipalId: text(principal?.id),
    servicePrincipalName: text(principal?.displayName),
    targetTenantId: text(target?.id)?.toLowerCase() ?? null,
  };
}

async function readPage(token: string, cursor: ProvisioningCursor | string, options: GraphOptions): Promise<Result<ProvisioningPage>> {
  const first = typeof cursor !== "string" && "query" in cursor ? provisioningQueryOptions(cursor.query) : undefined;
  const nextLink = typeof cursor === "string" ? cursor : "nextLink" in cursor ? cursor.nextLink : null;
  const page = await graphListPage<WireProvisioningObjectSummary>({ token, path: PROVISIONING_PATH, query: first, linkOptions: PROVISIONING_LINK_OPTIONS }, nextLink, options);
  if (!page.ok) return page;
  return ok({ events: page.data.items.map(toProvisioningEvent).filter((event) => event.id !== ""), nextLink: page.data.nextLink });
}

/**
 * Up to `pages` pages of the log from `cursor`, newest first, each yielded as Graph answers it (each
 * with the link to the next). A failure (a 429 with its Retry-After) is yielded last; the browser
 * carries on from the last page's link. Closing the generator stops it before the next request.
 */
export async function* provisioningPages(
  token: string,
  cursor: ProvisioningCursor,
  pages: number,
  overrides: GraphOptions = {},
): AsyncGenerator<Result<ProvisioningPage>, void, undefined> {
  const options = { ...AUDIT_GRAPH_OPTIONS, ...overrides };
  let next: ProvisioningCursor | string = cursor;
  for (let read = 0; read < Math.min(pages, MAX_PROVISIONING_PAGES_PER_READ); read++) {
    const page: Result<ProvisioningPage> = await readPage(token, next, options);
    yield page;
    if (!page.ok || page.data.nextLink === null) return;
    next = page.data.nextLink;
  }
}

