import "server-only";
import { fail, ok, type Result } from "@/lib/result";
import { graphRequest, type GraphOptions, type GraphQuery } from "./client";
import { untrustedLinkError } from "./errors";
import type { WireODataCollection } from "./wire-types";

/** Guards against a server that keeps handing out nextLinks. */
export const MAX_PAGES = 500;

export interface ListAllRequest {
  token: string;
  path: string;
  query?: GraphQuery;
  signal?: AbortSignal;
}

/** GETs a collection and follows every `@odata.nextLink` (Graph origins only, see buildGraphUrl) until exhausted. */
export async function graphListAll<T>(request: ListAllRequest, options: GraphOptions = {}): Promise<Result<T[]>> {
  const items: T[] = [];
  const seen = new Set<string>();
  let path = request.path;
  let query: GraphQuery | undefined = request.query;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await graphRequest<WireODataCollection<T> | null>(
      { token: request.token, method: "GET", path, query, signal: request.signal },
      options,
    );
    if (!result.ok) return result;
    const body = result.data.body;
    if (body && Array.isArray(body.value)) items.push(...body.value);
    const next = body?.["@odata.nextLink"];
    if (typeof next !== "string" || next === "") return ok(items);
    if (!/^https?:\/\//i.test(next)) return fail(untrustedLinkError());
    if (seen.has(next)) return fail({ ...untrustedLinkError(), code: "PagingLoop", message: "Microsoft Graph returned the same paging link twice." });
    seen.add(next);
    // The nextLink already carries every query option.
    path = next;
    query = undefined;
  }
  return fail({ ...untrustedLinkError(), code: "TooManyPages", message: `Stopped after ${MAX_PAGES} pages of results.` });
}
