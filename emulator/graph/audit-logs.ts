/**
 * GET /auditLogs/directoryAudits[/{id}]: the directory audit log with the
 * documented $filter forms, $orderby=activityDateTime, $top and keyset paging
 * (entries logged after the first page never shift later pages).
 */
import { AUDIT_PROPERTIES, auditOnWire, type AuditEntry } from "../audit";
import { graphError } from "./errors";
import type { Parse, ParsedQuery, QueryShape } from "./odata";
import { nextLinkAfter } from "./odata";
import { contextUrl, type GraphResponse, type OpInput } from "./types";

type Predicate = (entry: AuditEntry) => boolean;

const QUOTED = "'((?:[^']|'')*)'";
const unquote = (text: string) => text.replace(/''/g, "'");
const same = (a: string | null | undefined, b: string) => typeof a === "string" && a.toLowerCase() === b.toLowerCase();
const DATE_TIME = /^'?(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))'?$/;

const CLAUSES: { pattern: RegExp; build: (m: RegExpExecArray) => Predicate | null }[] = [
  {
    pattern: /^activityDateTime\s+(ge|le)\s+(\S+)$/i,
    build: (m) => {
      const at = DATE_TIME.exec(m[2] ?? "")?.[1];
      const ms = at ? Date.parse(at) : NaN;
      if (Number.isNaN(ms)) return null;
      return (m[1] ?? "").toLowerCase() === "ge" ? (e) => Date.parse(e.activityDateTime) >= ms : (e) => Date.parse(e.activityDateTime) <= ms;
    },
  },
  { pattern: new RegExp(`^activityDisplayName\\s+eq\\s+${QUOTED}$`, "i"), build: (m) => (e) => same(e.activityDisplayName, unquote(m[1] ?? "")) },
  {
    pattern: new RegExp(`^startswith\\(\\s*activityDisplayName\\s*,\\s*${QUOTED}\\s*\\)$`, "i"),
    build: (m) => (e) => e.activityDisplayName.toLowerCase().startsWith(unquote(m[1] ?? "").toLowerCase()),
  },
  { pattern: new RegExp(`^loggedByService\\s+eq\\s+${QUOTED}$`, "i"), build: (m) => (e) => same(e.loggedByService, unquote(m[1] ?? "")) },
  { pattern: new RegExp(`^initiatedBy/user/id\\s+eq\\s+${QUOTED}$`, "i"), build: (m) => (e) => same(e.initiatedBy.user?.id, unquote(m[1] ?? "")) },
  {
    pattern: new RegExp(`^initiatedBy/user/userPrincipalName\\s+eq\\s+${QUOTED}$`, "i"),
    build: (m) => (e) => same(e.initiatedBy.user?.userPrincipalName, unquote(m[1] ?? "")),
  },
  {
    pattern: new RegExp(`^startswith\\(\\s*initiatedBy/user/userPrincipalName\\s*,\\s*${QUOTED}\\s*\\)$`, "i"),
    build: (m) => (e) => (e.initiatedBy.user?.userPrincipalName ?? "").toLowerCase().startsWith(unquote(m[1] ?? "").toLowerCase()),
  },
  {
    pattern: new RegExp(`^targetResources/any\\(\\s*(\\w+)\\s*:\\s*(\\w+)/id\\s+eq\\s+${QUOTED}\\s*\\)$`, "i"),
    build: (m) => (m[1] !== m[2] ? null : (e) => e.targetResources.some((t) => same(t.id, unquote(m[3] ?? "")))),
  },
];

/** Splits on `and` outside quotes and parentheses; `or`, `not` and grouping are not supported. */
export function splitAnd(value: string): string[] | null {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === "'") quoted = !quoted;
    else if (!quoted && c === "(") depth++;
    else if (!quoted && c === ")") depth--;
    else if (!quoted && depth === 0 && /\s/.test(c ?? "")) {
      const match = /^\s+and\s+/i.exec(value.slice(i));
      if (match) {
        parts.push(value.slice(start, i));
        i += match[0].length - 1;
        start = i + 1;
      }
    }
  }
  if (quoted || depth !== 0) return null;
  parts.push(value.slice(start));
  return parts.map((p) => p.trim());
}

function parseAuditFilter(value: string): Parse<(item: Record<string, unknown>) => boolean> {
  const clauses = splitAnd(value.trim());
  if (!clauses || clauses.some((c) => !c)) return { ok: false, message: `Invalid filter clause: '${value}'.` };
  const predicates: Predicate[] = [];
  for (const clause of clauses) {
    let predicate: Predicate | null = null;
    for (const { pattern, build } of CLAUSES) {
      const match = pattern.exec(clause);
      if (match) {
        predicate = build(match);
        break;
      }
    }
    if (!predicate) {
      return {
        ok: false,
        message: `Invalid filter clause: '${clause}' is not supported. Filter on activityDateTime (ge, le), activityDisplayName (eq, startswith), loggedByService (eq), initiatedBy/user/id (eq), initiatedBy/user/userPrincipalName (eq, startswith), targetResources/any(t: t/id eq '...'), joined by 'and'.`,
      };
    }
    predicates.push(predicate);
  }
  return { ok: true, value: (item) => predicates.every((p) => p(item as unknown as AuditEntry)) };
}

function parseAuditOrderby(value: string): Parse<ParsedQuery["orderby"]> {
  const match = /^\s*activityDateTime(?:\s+(asc|desc))?\s*$/i.exec(value);
  if (!match) return { ok: false, message: `Invalid $orderby expression: '${value.trim()}'. Only activityDateTime (asc or desc) is supported.` };
  return { ok: true, value: [{ property: "activityDateTime", descending: (match[1] ?? "asc").toLowerCase() === "desc" }] };
}

export const DIRECTORY_AUDITS_SHAPE: QueryShape = {
  options: ["$filter", "$orderby", "$top", "$skiptoken"],
  typeName: "microsoft.graph.directoryAudit",
  selectable: AUDIT_PROPERTIES,
  filter: parseAuditFilter,
  orderby: parseAuditOrderby,
  keyset: true,
};

export const DIRECTORY_AUDIT_ENTITY_SHAPE: QueryShape = { options: [], typeName: "microsoft.graph.directoryAudit", selectable: AUDIT_PROPERTIES };

const DEFAULT_PAGE = 100;

interface Logged {
  id: string;
  activityDateTime: string;
}

/** The keyset of a log entry: its time, then its id. */
export const keyOf = (e: Logged) => `${e.activityDateTime}|${e.id}`;

/** Where the page after `after` starts: just past that entry, or past its time if it has left the log. */
export function startIndex(ordered: readonly Logged[], after: string | null, descending: boolean): number {
  if (after === null) return 0;
  const bar = after.indexOf("|");
  const time = after.slice(0, bar);
  const id = after.slice(bar + 1);
  const at = ordered.findIndex((e) => e.id === id);
  if (at >= 0) return at + 1;
  const next = ordered.findIndex((e) => (descending ? e.activityDateTime < time : e.activityDateTime > time));
  return next < 0 ? ordered.length : next;
}

export function listDirectoryAudits({ request, query, store }: OpInput): GraphResponse {
  // The log is kept oldest first, in the order things happened (ties included); Graph answers newest first.
  const descending = query.orderby[0]?.descending ?? true;
  const ordered = descending ? [...store.audit].reverse() : store.audit;
  const page: AuditEntry[] = [];
  const size = query.top ?? DEFAULT_PAGE;
  let more = false;
  for (let i = startIndex(ordered, query.after, descending); i < ordered.length; i++) {
    const entry = ordered[i] as AuditEntry;
    if (query.filter && !query.filter(entry as unknown as Record<string, unknown>)) continue;
    if (page.length === size) {
      more = true;
      break;
    }
    page.push(entry);
  }
  const body: Record<string, unknown> = { "@odata.context": contextUrl(request, "auditLogs/directoryAudits") };
  const last = page[page.length - 1];
  if (more && last) body["@odata.nextLink"] = nextLinkAfter(request.baseUrl, `/${request.version}${request.path}`, query, keyOf(last));
  body.value = page.map(auditOnWire);
  return { status: 200, headers: {}, body };
}

export function getDirectoryAudit({ request, id, store }: OpInput): GraphResponse {
  const entry = store.audit.find((e) => e.id === id);
  if (!entry) return graphError(request, 404, "Request_ResourceNotFound", `Audit entry '${id}' was not found.`);
  return { status: 200, headers: {}, body: { "@odata.context": contextUrl(request, "auditLogs/directoryAudits/$entity"), ...auditOnWire(entry) } };
}
