/**
 * OData query options as Graph applies them to these resources: validation
 * (unknown or repeated $-options are 400), $select, $expand, $top/$skiptoken
 * paging, and the small $filter/$orderby/$count subset of deleted-item lists.
 */

type QueryOption = "$select" | "$expand" | "$top" | "$skiptoken" | "$filter" | "$orderby" | "$count" | "$search";

export interface QueryShape {
  options: readonly QueryOption[];
  typeName: string;
  selectable: readonly string[];
  expandable?: { name: string; typeName: string; selectable: readonly string[] };
  /** A resource's own $filter grammar (the audit log's), instead of the property comparisons below. */
  filter?: (value: string) => Parse<(item: Record<string, unknown>) => boolean>;
  /** $search on directory objects ("property:term" clauses). */
  search?: (value: string) => Parse<(item: Record<string, unknown>) => boolean>;
  /** A resource's own $orderby rules. */
  orderby?: (value: string) => Parse<ParsedQuery["orderby"]>;
  /** $skiptoken names the last item returned (keyset paging) rather than an offset. */
  keyset?: boolean;
}

export interface ParsedQuery {
  select: string[] | null;
  expand: { name: string; select: string[] | null } | null;
  top: number | null;
  offset: number;
  filter: ((item: Record<string, unknown>) => boolean) | null;
  search: ((item: Record<string, unknown>) => boolean) | null;
  /** Keyset paging: the key of the last item of the previous page. */
  after: string | null;
  orderby: { property: string; descending: boolean }[];
  count: boolean;
  /** The options to carry into @odata.nextLink, already encoded. */
  carried: string[];
}

export type Parse<T> = { ok: true; value: T } | { ok: false; message: string };

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 999;

function canonical(name: string, allowed: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  return allowed.find((a) => a.toLowerCase() === lower);
}

function parseSelect(value: string, shape: { typeName: string; selectable: readonly string[] }): Parse<string[]> {
  const out: string[] = [];
  for (const raw of value.split(",")) {
    const name = raw.trim();
    if (!name) return { ok: false, message: "Invalid $select: empty property name." };
    const found = canonical(name, shape.selectable);
    if (!found) {
      return {
        ok: false,
        message: `Parsing OData Select and Expand failed: Could not find a property named '${name}' on type '${shape.typeName}'.`,
      };
    }
    if (!out.includes(found)) out.push(found);
  }
  return { ok: true, value: out };
}

function encodeSkipToken(offset: number): string {
  return Buffer.from(`offset:${offset}`).toString("base64url");
}

function decodeSkipToken(token: string): number | null {
  const match = /^offset:(\d+)$/.exec(Buffer.from(token, "base64url").toString("utf8"));
  return match?.[1] ? Number(match[1]) : null;
}

const FILTER_CLAUSE = /^(\w+(?:\/\w+)?)\s+(eq|ne|gt|ge|lt|le)\s+(.+)$/i;
const STARTSWITH = /^startswith\(\s*(\w+)\s*,\s*'((?:[^']|'')*)'\s*\)$/i;

function parseLiteral(text: string): Parse<string | number | boolean | null> {
  const t = text.trim();
  if (/^'(?:[^']|'')*'$/.test(t)) return { ok: true, value: t.slice(1, -1).replace(/''/g, "'") };
  if (t === "null") return { ok: true, value: null };
  if (t === "true" || t === "false") return { ok: true, value: t === "true" };
  if (/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/.test(t)) return { ok: true, value: t };
  if (/^-?\d+(\.\d+)?$/.test(t)) return { ok: true, value: Number(t) };
  return { ok: false, message: `Invalid filter clause: unrecognised literal '${t}'.` };
}

function readPath(item: Record<string, unknown>, path: string[]): unknown {
  let value: unknown = item;
  for (const key of path) {
    if (typeof value !== "object" || value === null) return null;
    value = (value as Record<string, unknown>)[key];
  }
  return value ?? null;
}

function compareValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === "string" && typeof b === "string") {
    const da = Date.parse(a);
    const db = Date.parse(b);
    if (/^\d{4}-/.test(a) && /^\d{4}-/.test(b) && !Number.isNaN(da) && !Number.isNaN(db)) return da - db;
    return a.localeCompare(b, "en", { sensitivity: "base" });
  }
  return Number(a) - Number(b);
}

function parseFilter(value: string, selectable: readonly string[]): Parse<(item: Record<string, unknown>) => boolean> {
  const clauses: ((item: Record<string, unknown>) => boolean)[] = [];
  for (const raw of value.split(/\s+and\s+/i)) {
    const clause = raw.trim();
    const starts = STARTSWITH.exec(clause);
    if (starts) {
      const prop = canonical(starts[1] ?? "", selectable);
      if (!prop) return { ok: false, message: `Invalid filter clause: unknown property '${starts[1]}'.` };
      const prefix = (starts[2] ?? "").replace(/''/g, "'").toLowerCase();
      clauses.push((item) => {
        const v = item[prop];
        return typeof v === "string" && v.toLowerCase().startsWith(prefix);
      });
      continue;
    }
    const match = FILTER_CLAUSE.exec(clause);
    if (!match) return { ok: false, message: `Invalid filter clause: '${clause}'.` };
    const [head, sub] = (match[1] ?? "").split("/");
    const prop = canonical(head ?? "", selectable);
    if (!prop) return { ok: false, message: `Invalid filter clause: unknown property '${head}'.` };
    const path = sub ? [prop, sub] : [prop];
    const literal = parseLiteral(match[3] ?? "");
    if (!literal.ok) return literal;
    const op = (match[2] ?? "").toLowerCase();
    const expected = literal.value;
    clauses.push((item) => {
      const actual = readPath(item, path);
      if (op === "eq" || op === "ne") {
        const equal = typeof actual === "string" && typeof expected === "string"
          ? actual.toLowerCase() === expected.toLowerCase()
          : actual === expected;
        return op === "eq" ? equal : !equal;
      }
      if (actual === null) return false;
      const c = compareValues(actual, expected);
      return op === "gt" ? c > 0 : op === "ge" ? c >= 0 : op === "lt" ? c < 0 : c <= 0;
    });
  }
  return { ok: true, value: (item) => clauses.every((c) => c(item)) };
}

/** What a request without query options means. */
export function emptyQuery(): ParsedQuery {
  return { select: null, expand: null, top: null, offset: 0, filter: null, search: null, after: null, orderby: [], count: false, carried: [] };
}

export function parseQuery(query: URLSearchParams, shape: QueryShape): Parse<ParsedQuery> {
  const parsed = emptyQuery();
  const seen = new Set<string>();
  for (const [rawKey, value] of query) {
    if (!rawKey.startsWith("$")) continue;
    const key = rawKey.toLowerCase();
    const option = shape.options.find((o) => o === key);
    if (!option) return { ok: false, message: `Query option '${rawKey}' is not allowed. Allowed query options: ${shape.options.join(", ") || "none"}.` };
    if (seen.has(key)) return { ok: false, message: `Query option '${rawKey}' was specified more than once, but it must be specified at most once.` };
    seen.add(key);
    if (option !== "$skiptoken") parsed.carried.push(`${option}=${encodeURIComponent(value)}`);

    switch (option) {
      case "$select": {
        const select = parseSelect(value, shape);
        if (!select.ok) return select;
        parsed.select = select.value;
        break;
      }
      case "$expand": {
        const match = /^\s*(\w+)\s*(?:\(\s*\$select\s*=\s*([^)]*)\))?\s*$/i.exec(value);
        const exp = shape.expandable;
        if (!match || !exp || match[1]?.toLowerCase() !== exp.name.toLowerCase()) {
          return {
            ok: false,
            message: `Parsing OData Select and Expand failed: Could not find a property named '${value}' on type '${shape.typeName}'.`,
          };
        }
        let select: string[] | null = null;
        if (match[2] !== undefined) {
          const nested = parseSelect(match[2], exp);
          if (!nested.ok) return nested;
          select = nested.value;
        }
        parsed.expand = { name: exp.name, select };
        break;
      }
      case "$top": {
        const top = /^\d+$/.test(value) ? Number(value) : NaN;
        if (!(top >= 1 && top <= MAX_PAGE_SIZE)) {
          return { ok: false, message: `Invalid page size specified: '${value}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.` };
        }
        parsed.top = top;
        break;
      }
      case "$skiptoken": {
        if (shape.keyset) {
          const after = /^after:(.+)$/s.exec(Buffer.from(value, "base64url").toString("utf8"))?.[1];
          if (!after) return { ok: false, message: "Invalid $skiptoken." };
          parsed.after = after;
          break;
        }
        const offset = decodeSkipToken(value);
        if (offset === null) return { ok: false, message: "Invalid $skiptoken." };
        parsed.offset = offset;
        break;
      }
      case "$filter": {
        const filter = shape.filter ? shape.filter(value) : parseFilter(value, shape.selectable);
        if (!filter.ok) return filter;
        parsed.filter = filter.value;
        break;
      }
      case "$orderby": {
        if (shape.orderby) {
          const orderby = shape.orderby(value);
          if (!orderby.ok) return orderby;
          parsed.orderby = orderby.value;
          break;
        }
        for (const part of value.split(",")) {
          const match = /^\s*(\w+)(?:\s+(asc|desc))?\s*$/i.exec(part);
          const property = match ? canonical(match[1] ?? "", shape.selectable) : undefined;
          if (!match || !property) return { ok: false, message: `Invalid $orderby expression: '${part.trim()}'.` };
          parsed.orderby.push({ property, descending: match[2]?.toLowerCase() === "desc" });
        }
        break;
      }
      case "$search": {
        const search = shape.search?.(value);
        if (!search) return { ok: false, message: "$search is not supported on this collection." };
        if (!search.ok) return search;
        parsed.search = search.value;
        break;
      }
      case "$count": {
        if (value !== "true" && value !== "false") return { ok: false, message: `Invalid value '${value}' for $count: expected true or false.` };
        parsed.count = value === "true";
        break;
      }
    }
  }
  return { ok: true, value: parsed };
}

export function sortItems<T extends object>(items: T[], orderby: ParsedQuery["orderby"]): T[] {
  if (orderby.length === 0) return items;
  return [...items].sort((a, b) => {
    for (const { property, descending } of orderby) {
      const c = compareValues((a as Record<string, unknown>)[property], (b as Record<string, unknown>)[property]);
      if (c !== 0) return descending ? -c : c;
    }
    return 0;
  });
}

/** Copies `properties` (in schema order) from a record, keeping only `select` when given. */
export function pick<T extends object>(record: T, properties: readonly (keyof T & string)[], select: readonly string[] | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of properties) {
    if (select === null || select.includes(p)) out[p] = record[p];
  }
  return out;
}

/** The "(a,b,nav())" part of @odata.context for a $select / $expand. */
export function contextProjection(query: ParsedQuery): string {
  const parts = [...(query.select ?? [])];
  if (query.expand) parts.push(`${query.expand.name}(${(query.expand.select ?? []).join(",")})`);
  return parts.length ? `(${parts.join(",")})` : "";
}

export function pageSlice<T>(items: readonly T[], query: ParsedQuery): { page: T[]; nextOffset: number | null } {
  const size = query.top ?? DEFAULT_PAGE_SIZE;
  const end = query.offset + size;
  return { page: items.slice(query.offset, end), nextOffset: end < items.length ? end : null };
}

export function nextLink(baseUrl: string, versionPath: string, query: ParsedQuery, offset: number): string {
  return `${baseUrl}${versionPath}?${[...query.carried, `$skiptoken=${encodeSkipToken(offset)}`].join("&")}`;
}

/** A nextLink for keyset paging: the token names the last item returned. */
export function nextLinkAfter(baseUrl: string, versionPath: string, query: ParsedQuery, key: string): string {
  const token = Buffer.from(`after:${key}`).toString("base64url");
  return `${baseUrl}${versionPath}?${[...query.carried, `$skiptoken=${token}`].join("&")}`;
}
