/**
 * GET /users[/{id | userPrincipalName}]: enough of the user directory to pick a
 * user (provision on demand): $filter with startswith/eq joined by and/or,
 * $search with ConsistencyLevel: eventual (as Graph requires), $count, $select,
 * $top and paging.
 */
import { isGuid } from "../guid";
import type { DirectoryUser } from "../outbound";
import { badRequest, graphError } from "./errors";
import { contextProjection, nextLink, pageSlice, sortItems, type Parse, type QueryShape } from "./odata";
import { contextUrl, type GraphRequest, type GraphResponse, type OpInput } from "./types";

export const USER_PROPERTIES = [
  "id",
  "businessPhones",
  "displayName",
  "givenName",
  "jobTitle",
  "mail",
  "mobilePhone",
  "officeLocation",
  "preferredLanguage",
  "surname",
  "userPrincipalName",
  "mailNickname",
  "otherMails",
  "proxyAddresses",
  "accountEnabled",
  "department",
  "userType",
] as const;
/** What Graph returns without $select (beta adds the mail addresses to v1.0's default set). */
const DEFAULT_PROPERTIES = USER_PROPERTIES.slice(0, 14);
const STRING_PROPERTIES = ["id", "displayName", "givenName", "surname", "mail", "userPrincipalName", "jobTitle", "department", "userType"];

type Predicate = (item: Record<string, unknown>) => boolean;
const text = (value: unknown) => (typeof value === "string" ? value.toLowerCase() : "");
const canonical = (name: string, list: readonly string[]) => list.find((p) => p.toLowerCase() === name.toLowerCase());

const STARTS = /^startswith\(\s*(\w+)\s*,\s*'((?:[^']|'')*)'\s*\)$/i;
const EQUALS = /^(\w+)\s+eq\s+(?:'((?:[^']|'')*)'|(true|false))$/i;

function clause(raw: string): Predicate | null {
  const c = raw.trim().replace(/^\((.*)\)$/, "$1").trim();
  const starts = STARTS.exec(c);
  if (starts) {
    const prop = canonical(starts[1] ?? "", STRING_PROPERTIES);
    const prefix = (starts[2] ?? "").replace(/''/g, "'").toLowerCase();
    return prop ? (item) => text(item[prop]).startsWith(prefix) : null;
  }
  const eq = EQUALS.exec(c);
  if (eq) {
    if (eq[3] !== undefined) {
      const bool = eq[3].toLowerCase() === "true";
      return canonical(eq[1] ?? "", ["accountEnabled"]) ? (item) => item.accountEnabled === bool : null;
    }
    const prop = canonical(eq[1] ?? "", STRING_PROPERTIES);
    const value = (eq[2] ?? "").replace(/''/g, "'").toLowerCase();
    return prop ? (item) => text(item[prop]) === value : null;
  }
  return null;
}

/** Clauses joined by `or` of `and`s (no nesting beyond one pair of parentheses per clause). */
export function parseUserFilter(value: string): Parse<Predicate> {
  const any: Predicate[][] = [];
  for (const alternative of value.split(/\s+or\s+/i)) {
    const all: Predicate[] = [];
    for (const part of alternative.split(/\s+and\s+/i)) {
      const predicate = clause(part);
      if (!predicate) {
        return { ok: false, message: "Invalid filter clause: use startswith(property,'text') or property eq 'value' on displayName, givenName, surname, mail, userPrincipalName, id, jobTitle, department, userType (accountEnabled eq true|false), joined by and / or." };
      }
      all.push(predicate);
    }
    any.push(all);
  }
  return { ok: true, value: (item) => any.some((all) => all.every((p) => p(item))) };
}

/** `"displayName:meg" OR "mail:bowen"`: a term matches the start of any word of the property. */
export function parseUserSearch(value: string): Parse<Predicate> {
  const any: Predicate[][] = [];
  for (const alternative of value.trim().split(/\s+OR\s+/)) {
    const all: Predicate[] = [];
    for (const part of alternative.split(/\s+AND\s+/)) {
      const match = /^"(\w+):([^"]*)"$/.exec(part.trim());
      const prop = match ? canonical(match[1] ?? "", STRING_PROPERTIES) : undefined;
      if (!match || !prop) return { ok: false, message: "Invalid $search: use \"property:term\" clauses (displayName, givenName, surname, mail, userPrincipalName) joined by OR or AND." };
      const term = (match[2] ?? "").trim().toLowerCase();
      all.push((item) => text(item[prop]).split(/[\s.@_-]+/).some((word) => word.startsWith(term)) || text(item[prop]).startsWith(term));
    }
    any.push(all);
  }
  return { ok: true, value: (item) => any.some((all) => all.every((p) => p(item))) };
}

export const USERS_SHAPE: QueryShape = {
  options: ["$select", "$filter", "$search", "$count", "$orderby", "$top", "$skiptoken"],
  typeName: "microsoft.graph.user",
  selectable: USER_PROPERTIES,
  filter: parseUserFilter,
  search: parseUserSearch,
  orderby: (value) => {
    const match = /^\s*(displayName|userPrincipalName)(?:\s+(asc|desc))?\s*$/i.exec(value);
    if (!match) return { ok: false, message: "Invalid $orderby: displayName or userPrincipalName." };
    return { ok: true, value: [{ property: canonical(match[1] ?? "", STRING_PROPERTIES) ?? "displayName", descending: (match[2] ?? "").toLowerCase() === "desc" }] };
  },
};
export const USER_SHAPE: QueryShape = { options: ["$select"], typeName: "microsoft.graph.user", selectable: USER_PROPERTIES };

/** $search and $count on directory objects need ConsistencyLevel: eventual (advanced queries). */
export function requireEventual(request: GraphRequest): GraphResponse | null {
  const keys = [...request.query.keys()].map((k) => k.toLowerCase());
  const advanced = keys.includes("$search") || (keys.includes("$count") && request.query.get("$count") === "true");
  if (!advanced || request.consistencyLevel?.toLowerCase() === "eventual") return null;
  return badRequest(request, "Request with $search or $count query parameters only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'.");
}

function wire(user: DirectoryUser): Record<string, unknown> {
  return {
    id: user.id,
    businessPhones: [],
    displayName: user.displayName,
    givenName: user.givenName,
    jobTitle: user.jobTitle,
    mail: user.mail,
    mobilePhone: null,
    officeLocation: null,
    preferredLanguage: "en-US",
    surname: user.surname,
    userPrincipalName: user.userPrincipalName,
    mailNickname: user.userPrincipalName.split("@")[0] ?? "",
    otherMails: [],
    proxyAddresses: [`SMTP:${user.mail}`],
    accountEnabled: user.accountEnabled,
    department: user.department,
    userType: "Member",
  };
}

function project(item: Record<string, unknown>, select: readonly string[] | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of select ?? DEFAULT_PROPERTIES) out[p] = item[p];
  if (select && !select.includes("id")) out.id = item.id;
  return out;
}

export function listUsers({ request, query, store }: OpInput): GraphResponse {
  let items = store.outbound.state.users.map(wire);
  if (query.filter) items = items.filter(query.filter);
  if (query.search) items = items.filter(query.search);
  items = sortItems(items, query.orderby);
  const { page, nextOffset } = pageSlice(items, query);
  const body: Record<string, unknown> = { "@odata.context": contextUrl(request, `users${contextProjection(query)}`) };
  if (query.count) body["@odata.count"] = items.length;
  if (nextOffset !== null) body["@odata.nextLink"] = nextLink(request.baseUrl, `/${request.version}${request.path}`, query, nextOffset);
  body.value = page.map((item) => project(item, query.select));
  return { status: 200, headers: {}, body };
}

export function getUser({ request, query, id, store }: OpInput): GraphResponse {
  const key = id.toLowerCase();
  const user = isGuid(key) ? store.outbound.user(key) : store.outbound.state.users.find((u) => u.userPrincipalName.toLowerCase() === key);
  if (!user) return graphError(request, 404, "Request_ResourceNotFound", "The user does not exist or one of its queried reference-property objects are not present.");
  return { status: 200, headers: {}, body: { "@odata.context": contextUrl(request, `users${contextProjection(query)}/$entity`), ...project(wire(user), query.select) } };
}
