import "server-only";
import { fail, ok, type Result } from "@/lib/core/result";
import { GRAPH_VERSION, graphRequest, resolveGraphRoots, type GraphOptions, type GraphQuery } from "./client";
import { foreignPageLinkError, untrustedLinkError } from "./errors";
import type { WireODataCollection } from "./wire-types";

/** Guards against a server that keeps handing out nextLinks. */
export const MAX_PAGES = 500;

/** Query options a nextLink may carry by default; anything else is not a page of the list it claims to be. */
export const PAGE_LINK_OPTIONS: ReadonlySet<string> = new Set(["$select", "$expand", "$top", "$skip", "$skiptoken"]);

export interface GraphPage<T> {
  items: T[];
  /** Where the next page is; null on the last page. */
  nextLink: string | null;
}

function isPageLinkOn(url: URL, root: string, path: string): boolean {
  let base: URL;
  try {
    base = new URL(root);
  } catch {
    return false;
  }
  if (url.origin !== base.origin) return false;
  const expected = `${base.pathname.replace(/\/+$/, "")}${GRAPH_VERSION}${path}`.toLowerCase();
  return url.pathname.toLowerCase() === expected;
}

/**
 * A nextLink comes back from the browser, so it is checked before the token goes with it:
 * the collection at `path` on the Graph root (or on the cloud's Graph origin behind a proxy),
 * with no query options but `allowed` (lower-case names).
 */
export function isPageLinkOf(path: string, link: string, options: GraphOptions = {}, allowed: ReadonlySet<string> = PAGE_LINK_OPTIONS): boolean {
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
  if (!isPageLinkOn(url, root, path) && !(cloudRoot !== null && isPageLinkOn(url, cloudRoot, path))) return false;
  return [...url.searchParams.keys()].every((key) => allowed.has(key.toLowerCase()));
}

export interface ListPageRequest {
  token: string;
  path: string;
  query?: GraphQuery;
  /** Query options this list's nextLinks may carry (default PAGE_LINK_OPTIONS). */
  linkOptions?: ReadonlySet<string>;
}

/**
 * One page of the collection at `path`: the first with `query`, later ones by the nextLink Graph gave for it.
 * A given nextLink that is not a page of this list is refused before any request (foreignPageLinkError).
 */
export async function graphListPage<T>(
  request: ListPageRequest,
  nextLink: string | null,
  options: GraphOptions = {},
): Promise<Result<GraphPage<T>>> {
  const roots = resolveGraphRoots(options);
  if (!roots.ok) return roots;
  const { token, path, query, linkOptions = PAGE_LINK_OPTIONS } = request;
  if (nextLink !== null && !isPageLinkOf(path, nextLink, options, linkOptions)) return fail(foreignPageLinkError());
  const result = await graphRequest<WireODataCollection<T> | null>(
    nextLink === null ? { token, method: "GET", path, query } : { token, method: "GET", path: nextLink },
    options,
  );
  if (!result.ok) return result;
  const body = result.data.body;
  const next = body?.["@odata.nextLink"];
  const followUp = typeof next === "string" && next !== "" ? next : null;
  if (followUp !== null && (followUp === nextLink || !isPageLinkOf(path, followUp, options, linkOptions))) return fail(untrustedLinkError());
  return ok({ items: body && Array.isArray(body.value) ? body.value : [], nextLink: followUp });
}

/**
 * Every page of the collection at `path`, each yielded as soon as Graph answers it, so one server
 * action call can stream a whole list to the browser. Only Graph's own nextLinks are followed (each
 * checked by graphListPage before the token goes with it); a failure is yielded and ends the read.
 * Closing the generator (the browser went away) stops it before the next request.
 */
export async function* graphPages<Wire, Item>(
  request: ListPageRequest,
  toItems: (wire: Wire[]) => Item[],
  options: GraphOptions = {},
): AsyncGenerator<Result<Item[]>, void, undefined> {
  const seen = new Set<string>();
  let nextLink: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const read: Result<GraphPage<Wire>> = await graphListPage<Wire>(request, nextLink, options);
    if (!read.ok) {
      yield read;
      return;
    }
    yield ok(toItems(read.data.items));
    nextLink = read.data.nextLink;
    if (nextLink === null) return;
    if (seen.has(nextLink)) {
      yield fail({ ...untrustedLinkError(), code: "PagingLoop", message: "Microsoft Graph returned the same paging link twice." });
      return;
    }
    seen.add(nextLink);
  }
  yield fail({ ...untrustedLinkError(), code: "TooManyPages", message: `Stopped after ${MAX_PAGES} pages of results.` });
}
